/**
 * A Vega-Lite spec written in the report definition, checked against Vega-Lite's own JSON Schema so
 * that a mistake is named where it stands in the YAML ("mark: barr" -> did you mean "bar"?). The
 * schema is large: it is compiled only when a report has a chart of its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as message from '../diagnostics/messages.js';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!validate) {
    // Loaded here, not at start-up: most reports have no chart of their own, and every build would pay.
    const require = createRequire(import.meta.url);
    const { Ajv } = require('ajv') as typeof AjvModule;
    const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
    validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false }).compile(schema);
  }
  return validate;
}

export interface SpecProblem {
  /** Keys and indices from the spec's root to the value at fault. */
  readonly path: readonly (string | number)[];
  readonly detail: string;
}

/**
 * A chart may load nothing and link nowhere: a URL (data, images) or an href (a mark a reader could
 * follow, javascript: included) anywhere in the spec is refused where it stands.
 */
export function linksIn(spec: unknown, path: (string | number)[] = []): SpecProblem[] {
  if (Array.isArray(spec)) return spec.flatMap((item, i) => linksIn(item, [...path, i]));
  if (typeof spec !== 'object' || spec === null) return [];
  return Object.entries(spec).flatMap(([key, value]) =>
    key === 'url' || key === 'href'
      ? [
          {
            path: [...path, key],
            detail: key === 'url' ? message.chartDataFromUrl() : message.chartLink(),
          },
        ]
      : linksIn(value, [...path, key]),
  );
}

/** The problems with a spec, the most specific first: one per place. */
export function checkVegaLite(spec: unknown): SpecProblem[] {
  const links = linksIn(spec);
  if (links.length > 0) return links;
  const check = validator();
  if (check(spec)) return [];
  const errors = check.errors ?? [];
  const deepest = Math.max(...errors.map((error) => error.instancePath.split('/').length));
  const byPlace = new Map<string, ErrorObject[]>();
  for (const error of errors.filter((e) => e.instancePath.split('/').length === deepest)) {
    byPlace.set(error.instancePath, [...(byPlace.get(error.instancePath) ?? []), error]);
  }
  return [...byPlace].map(([pointer, found]) => ({
    path: pathOf(pointer),
    detail: describe(found, valueAt(spec, pathOf(pointer))),
  }));
}

function pathOf(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(spec: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined),
    spec,
  );
}

/** One sentence from the errors at one place: allowed values (with the nearest), an unknown key, or a missing one. */
function describe(errors: readonly ErrorObject[], value: unknown): string {
  const allowed = [
    ...new Set(
      errors.flatMap((e) =>
        e.keyword === 'const'
          ? [String((e.params as { allowedValue: unknown }).allowedValue)]
          : e.keyword === 'enum'
            ? (e.params as { allowedValues: unknown[] }).allowedValues.map(String)
            : [],
      ),
    ),
  ];
  if (allowed.length > 0) return message.chartValueNotAllowed(value, allowed);
  const unknown = errors.find((e) => e.keyword === 'additionalProperties');
  if (unknown)
    return message.chartUnknownProperty((unknown.params as { additionalProperty: string }).additionalProperty);
  const missing = errors.find((e) => e.keyword === 'required');
  if (missing) return message.chartNeeds((missing.params as { missingProperty: string }).missingProperty);
  return errors[0]?.message ?? message.chartDoesNotMatch();
}
