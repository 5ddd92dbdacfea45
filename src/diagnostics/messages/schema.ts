/**
 * What a value in a report definition or agenda must be. The schemas name these rules, and a value
 * the schema refuses is described here in words an officer knows ("must be a whole number, not
 * 5.5"), never in the validator's own ("Invalid input: expected int, received number").
 */
import { joinList } from '../../format.js';
import { nearest } from '../nearest.js';

export const rule = {
  date: 'must be a date written as YYYY-MM-DD, for example 2016-10-11',
  realDate: 'is not a real date',
  month: 'must be a month written as YYYY-MM, for example 2016-06',
  realMonth: 'is not a real month',
  financialYear: 'must be a financial year written as YYYY-YY, for example 2015-16',
  time: 'must be a time written as 18:00',
  slug: 'must be lower-case words joined by hyphens',
  colour: 'must be a colour written #rgb or #rrggbb, for example #0b5fa5',
  councilCode: 'must be the council\'s three-digit DfE code, for example "335"',
  indicatorId: 'must start with a letter and use only a-z, 0-9 and _',
  diagramId: 'must start with a letter and use only a-z, 0-9 and -',
  baseOrCustom: 'needs either a built-in base or a custom definition, not both',
  customNeedsLocal: 'a custom indicator needs local figures (local: source, columns)',
  templateOrText: 'needs either a template file or inline text, not both',
  oneItemKind: 'needs exactly one of report, text or file',
  snapshotNotSummed:
    'a snapshot counts children on a date, so months cannot be added up (aggregate); report the figure at the last month end instead, or use measure: flow for events',
  numeratorOrValue:
    'needs either the counts (numerator:, and denominator: for a percentage or rate) or a published figure (value:), not both',
  valueAlone: 'is a figure as published, so it takes no denominator and cannot be added up month by month (aggregate)',
  areaCounts:
    "needs counts for each area (numerator:), to add up to the council's figure; it cannot take published figures (value:) or add months up (aggregate)",
  notFinancialYear: (text: string) => `"${text}" is not a financial year such as 2015-16`,
  logoKind: 'must be a .png, .jpg or .svg file',
  itemFileKind: 'must be a Markdown (.md) or Handlebars (.hbs) file',
} as const;

/** The parts of a schema's complaint that the words below use (zod's issue, without depending on zod). */
export interface SchemaIssue {
  readonly code: string;
  readonly message: string;
  readonly expected?: string;
  readonly origin?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly errors?: readonly (readonly SchemaIssue[])[];
}

const KINDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a block of keys (key: value)',
  record: 'a block of keys (key: value)',
};

/** What the YAML holds where a value was refused: "the number 5.5", "a list", "empty". */
export function describeFound(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of keys';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return `the text "${String(value).length > 40 ? `${String(value).slice(0, 37)}...` : String(value)}"`;
}

/** "must be a whole number, not the number 5.5"; "must be one of "trend", "benchmark" ...; did you mean ...?" */
export function schemaIssue(issue: SchemaIssue, found: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const said = `must be ${KINDS[issue.expected ?? ''] ?? issue.expected}, not ${describeFound(found)}`;
      // YAML reads 335, 2016 or yes as a number or true/false: quotes keep them as written.
      const quotable = issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean');
      return quotable ? `${said}; write it in quotes: "${String(found)}"` : said;
    }
    case 'invalid_value':
      return oneOf((issue.values ?? []).map(String), [], found);
    case 'invalid_union':
      return unionIssue(issue, found);
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    default:
      return issue.message;
  }
}

function oneOf(values: readonly string[], others: readonly string[], found: unknown): string {
  const suggestion = typeof found === 'string' ? nearest(found, values) : undefined;
  const choices = [...values.map((v) => `"${v}"`), ...others];
  return `must be ${choices.length === 1 ? choices[0] : `one of ${joinList(choices, 'or')}`}${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
}

/** A value that may be one of several kinds (a chart preset's name, or a Vega-Lite block). */
function unionIssue(issue: SchemaIssue, found: unknown): string {
  const branches = (issue.errors ?? []).map((errors) => errors[0]).filter((e): e is SchemaIssue => e !== undefined);
  const values = branches.flatMap((e) => (e.code === 'invalid_value' ? (e.values ?? []).map(String) : []));
  const kinds = branches.flatMap((e) =>
    e.code === 'invalid_type' && e.expected ? [KINDS[e.expected] ?? e.expected] : [],
  );
  if (values.length > 0) return oneOf(values, kinds, found);
  if (kinds.length > 0) return `must be ${joinList([...new Set(kinds)], 'or')}, not ${describeFound(found)}`;
  return issue.message;
}

function tooSmall(issue: SchemaIssue): string {
  const n = Number(issue.minimum);
  if (issue.origin === 'string') return n <= 1 ? 'must not be empty' : `must be at least ${n} characters long`;
  if (issue.origin === 'array') return `needs at least ${n} ${n === 1 ? 'item' : 'items'}`;
  return issue.inclusive === false ? `must be more than ${n}` : `must be at least ${n}`;
}

function tooBig(issue: SchemaIssue): string {
  const n = Number(issue.maximum);
  if (issue.origin === 'string') return `must be at most ${n} characters long`;
  if (issue.origin === 'array') return `may hold at most ${n} ${n === 1 ? 'item' : 'items'}`;
  return issue.inclusive === false ? `must be less than ${n}` : `must be at most ${n}`;
}

// A Vega-Lite spec written in the definition: the detail, to which chartInvalid adds the place.

export const chartDataFromUrl = () =>
  'a chart takes its data from indicators only ({ "name": "<indicator id>" }), never from a URL';

export const chartLink = () => 'a chart may not link anywhere (href)';

export const chartValueNotAllowed = (value: unknown, allowed: readonly string[]) => {
  const suggestion = typeof value === 'string' ? nearest(value, allowed) : undefined;
  return `${JSON.stringify(value)} is not allowed here${suggestion ? `; did you mean "${suggestion}"?` : `; use one of ${allowed.slice(0, 12).join(', ')}`}`;
};

export const chartUnknownProperty = (name: string) => `"${name}" is not a Vega-Lite property here`;

export const chartNeeds = (property: string) => `it needs "${property}"`;

export const chartDoesNotMatch = () => 'it does not match the Vega-Lite schema';
