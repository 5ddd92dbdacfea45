/**
 * One definition, many councils. In the report block and the diagrams' titles and descriptions,
 * {{area.name}}, {{area.code}} and {{area.slug}} stand for the council being built: the definition's own area, or each council a batch names with
 * --area, which takes the area's place. So "{{area.slug}}-cp-summary" is walsall-cp-summary for 335
 * and lancashire-cp-summary for 888, and every file name, title and running header follows.
 *
 * The words are put in before the schema checks the definition, so a slug made this way is checked as
 * a written one is. Nothing else is evaluated: any other {{...}} there is a problem. (Section templates
 * and text are Handlebars, and have `area` to hand already.)
 */
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import { ProblemList } from '../diagnostics/report-error.js';
import { slugify } from '../format.js';

export interface AreaChoice {
  readonly code: string;
  readonly name: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** The blocks whose strings may name the council; section text is Handlebars, rendered with `area`. */
const FILLED = ['report', 'diagrams'] as const;

/**
 * The parsed YAML with the council in place: `area` replaced by the one given, and the placeholders
 * of every string in `report` and `diagrams` filled in. Values of the wrong shape are left for the
 * schema to name.
 */
export function withArea(
  value: unknown,
  given: AreaChoice | undefined,
  placeOf: (path: readonly (string | number)[]) => Place,
): unknown {
  if (!isRecord(value)) return value;
  const area = given ?? (isArea(value.area) ? value.area : undefined);
  const problems = new ProblemList();
  const words: Record<string, string> | undefined = area && {
    'area.name': area.name,
    'area.code': area.code,
    'area.slug': slugify(area.name),
  };
  const fill = (text: string, path: readonly (string | number)[]): string =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const word = words?.[name];
      if (word !== undefined) return word;
      problems.add(message.unknownPlaceholder(placeOf(path), whole, area === undefined));
      return whole;
    });
  const walk = (node: unknown, path: readonly (string | number)[]): unknown => {
    if (typeof node === 'string') return node.includes('{{') ? fill(node, path) : node;
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (isRecord(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k])]));
    return node;
  };
  const filled = Object.fromEntries(
    FILLED.filter((key) => key in value).map((key) => [key, walk(value[key], [key])] as const),
  );
  problems.throwIfAny();
  return {
    ...value,
    ...filled,
    ...(given && { area: { code: given.code, name: given.name } }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArea(value: unknown): value is AreaChoice {
  return isRecord(value) && typeof value.code === 'string' && typeof value.name === 'string';
}
