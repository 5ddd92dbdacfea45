/**
 * A YAML file -> validated against its zod schema (report.config.yaml, agenda.yaml). Every problem,
 * from YAML syntax to a misspelt key, is reported in one pass with its line and column.
 */
import { firstUnshowable } from '../characters.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ProblemList, ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import { REFUSED_KEYS, reportDefinitionSchema, type ValidatedDefinition } from './schema.js';
import { nearest } from '../diagnostics/nearest.js';
import { withArea, type AreaChoice } from './area-placeholders.js';

export interface LocatedText {
  /** The path shown to the user, as given on the command line. */
  readonly file: string;
  readonly text: string;
}

export interface ReadYaml<T> {
  readonly spec: T;
  /** The place in the YAML of the value at a path, for problems found after validation. */
  readonly locate: (path: readonly (string | number)[]) => Place;
}

export type ReadDefinition = ReadYaml<ValidatedDefinition>;

/** The definition, for its own council or, with `area`, for another (see area-placeholders.ts). */
export function readDefinition(source: LocatedText, area?: AreaChoice): ReadDefinition {
  return readYaml(source, reportDefinitionSchema, (value, placeOf) => withArea(value, area, placeOf));
}

/** Anchors may be reused, but not so often that a small file expands into an enormous one ("billion laughs"). */
const MAX_ALIASES = 100;

/** `prepare` may rework the parsed value before the schema checks it, naming places as problems do. */
export function readYaml<S extends z.ZodType>(
  { file, text }: LocatedText,
  schema: S,
  prepare?: (value: unknown, placeOf: (path: readonly (string | number)[]) => Place) => unknown,
): ReadYaml<z.output<S>> {
  const cached = parsedYaml.get(text);
  const { doc, lineCounter } = cached ?? parseYaml(text);
  const where = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  let value = cached?.value;
  if (!cached) {
    value = toValue(doc, file, where);
    remember(text, { doc, lineCounter, value });
  }
  const problems = new ProblemList();
  const placeOf = (path: readonly (string | number)[]) =>
    where(rangeStart(nodeAt(doc, path)) ?? rangeStart(nodeAt(doc, path.slice(0, -1))) ?? 0);
  const own = structuredClone(value);
  const parsed = schema.safeParse(prepare ? prepare(own ?? {}, placeOf) : (own ?? {}));
  if (parsed.success) {
    return { spec: parsed.data, locate: placeOf };
  }

  for (const issue of parsed.error.issues) {
    // Past the limit, problems are counted, not described: describing each of 400,000 keys would cost.
    const described = problems.full ? [] : describeIssue(issue, doc, where, schema);
    for (const problem of described) problems.add(problem);
    problems.addUnlisted((issue.code === 'unrecognized_keys' ? issue.keys.length : 1) - described.length);
  }
  problems.throwIfAny();
  throw new Error('unreachable: a failed parse always has issues');
}

/**
 * The same text parsed once: a batch reads one definition for each of many councils. A few texts are
 * kept, each with its value; every reader gets its own copy of the value.
 */
interface ParsedYaml {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly value: unknown;
}
const parsedYaml = new Map<string, ParsedYaml>();
const KEPT_TEXTS = 8;

function remember(text: string, parsed: ParsedYaml): void {
  if (parsedYaml.size >= KEPT_TEXTS) parsedYaml.delete(parsedYaml.keys().next().value!);
  parsedYaml.set(text, parsed);
}

function parseYaml(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass: the parser's own check compares every key with every other.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  return { doc, lineCounter };
}

/** The document as plain values, or every syntax problem in it with its place. */
function toValue(doc: Document, file: string, where: Where): unknown {
  const problems = new ProblemList();
  for (const error of doc.errors) {
    problems.add(
      /call stack/i.test(error.message)
        ? message.yamlTooDeep(file)
        : message.yamlSyntax(where(error.pos[0]), error.message),
    );
  }
  for (const offset of duplicateKeys(doc)) problems.add(message.yamlSyntax(where(offset), 'Map keys must be unique'));
  for (const [offset, character] of unshowableCharacters(doc))
    problems.add(message.unshowableCharacter(where(offset), character));
  problems.throwIfAny();
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const alias = error instanceof ReferenceError ? firstAlias(doc) : undefined;
    if (alias !== undefined) throw new ReportError(message.yamlAliases(where(alias), MAX_ALIASES));
    if (error instanceof RangeError) throw new ReportError(message.yamlTooDeep(file));
    throw error;
  }
}

/** Where each repeated key of a mapping stands (the second and later uses). */
function duplicateKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) offsets.push(rangeStart(pair.key as Node) ?? 0);
        seen.add(key);
      }
    },
  });
  return offsets;
}

/** Where a text holds a character no document can show (written as an escape such as "\\u0001", or pasted in). */
function unshowableCharacters(doc: Document): [number, number][] {
  const found: [number, number][] = [];
  visit(doc, {
    Scalar(_, scalar) {
      const code = typeof scalar.value === 'string' ? firstUnshowable(scalar.value) : undefined;
      if (code !== undefined) found.push([rangeStart(scalar) ?? 0, code]);
    },
  });
  return found;
}

/** Where the first alias stands: only looked for when the aliases have been refused. */
function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

type Where = (offset: number) => Place;

function describeIssue(issue: z.core.$ZodIssue, doc: Document, where: Where, root: z.ZodType): string[] {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  const dotted = formatPath(path);

  if (issue.code === 'unrecognized_keys') {
    const container = nodeAt(doc, path);
    const allowed = allowedKeys(root, path);
    // Looked up by name once, not searched for each key: a file may hold thousands of them.
    const keyNodes = new Map<unknown, Node>();
    if (isMap(container))
      for (const pair of container.items) if (isScalar(pair.key)) keyNodes.set(pair.key.value, pair.key);
    return issue.keys.slice(0, ProblemList.LIMIT).map((key) => {
      const place = where(rangeStart(keyNodes.get(key)) ?? rangeStart(container) ?? 0);
      const refused = REFUSED_KEYS[dotted ? `${dotted}.${key}` : key];
      return refused
        ? message.refusedKey(place, dotted ? `${dotted}.${key}` : key, refused)
        : message.unknownKey(place, key, dotted, nearest(key, allowed));
    });
  }

  const node = nodeAt(doc, path);
  if (node === undefined && issue.code === 'invalid_type') {
    // A missing key is reported where its block starts: at the parent's own key ("report:").
    const parentKey = keyNodeAt(doc, path.slice(0, -1));
    return [
      message.missingKey(where(rangeStart(parentKey) ?? rangeStart(nodeAt(doc, path.slice(0, -1))) ?? 0), dotted),
    ];
  }
  const place = where(rangeStart(node) ?? rangeStart(nodeAt(doc, path.slice(0, -1))) ?? 0);
  const found = isScalar(node) ? node.value : isSeq(node) ? [] : isMap(node) ? {} : undefined;
  return [message.invalidValue(place, dotted, message.schemaIssue(issue, found))];
}

/** The key node of the pair at a path ("report" in "report: ..."), if the path ends in a map key. */
function keyNodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const container = nodeAt(doc, path.slice(0, -1));
  if (!isMap(container)) return undefined;
  return container.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key as Node | undefined;
}

/** The YAML node at a path, or the deepest existing ancestor's node when the path is missing. */
function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  if (path.length === 0) return (doc.contents ?? undefined) as Node | undefined;
  const node = doc.getIn(path as unknown[], true) as Node | undefined;
  return node;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** The keys the schema allows at a path, for suggesting the nearest one to a misspelt key. */
function allowedKeys(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  let schema: unknown = root;
  for (const key of path) {
    schema = unwrap(schema);
    if (typeof key === 'number') schema = (schema as { element?: unknown }).element;
    else schema = (schema as { shape?: Record<string, unknown> }).shape?.[String(key)];
  }
  const shape = (unwrap(schema) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Looks through defaults, optionals and refinements to the object or array schema inside. */
function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { innerType?: unknown; schema?: unknown }; unwrap?: () => unknown } | undefined;
  for (let depth = 0; depth < 10 && current; depth++) {
    const inner = current.def?.innerType;
    if (!inner) break;
    current = inner as typeof current;
  }
  return current;
}
