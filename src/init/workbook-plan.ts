/**
 * The workbooks a new report needs, planned from its definition: each local source's sheet, with
 * exactly the header cells its indicators' local blocks read (dates for the period columns, whole
 * numbers for counts), and what workbook.yaml.hbs says about them. Planned from the definition and
 * not beside it, so the workbook cannot ask for a column the report does not read, or miss one it does.
 */
import { extname } from 'node:path';
import { parseIsoDate } from '../dates.js';
import { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { ValidatedDefinition } from '../definition/schema.js';
import type { WorkbookText } from './render-project.js';

export type ColumnKind = 'date' | 'count' | 'figure' | 'text';

export interface PlannedColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** What to type in it, for the Instructions sheet and the header cell's note. */
  readonly help: string;
}

export interface PlannedSheet {
  readonly name: string;
  readonly about: string;
  readonly columns: readonly PlannedColumn[];
  /** Rows the sheet starts with, by header: dates as YYYY-MM-DD, counts as numbers, null for an empty cell. */
  readonly rows: readonly {
    readonly cells: Readonly<Record<string, string | number | null>>;
    readonly note?: string;
  }[];
}

export interface PlannedWorkbook {
  /** As the definition writes it, relative to its folder. */
  readonly file: string;
  readonly about: string;
  readonly sheets: readonly PlannedSheet[];
}

/** Which kind of cell each key of a local block names, in the order the columns stand: the whole before its part. */
const KIND_OF: Readonly<Record<string, ColumnKind>> = {
  from: 'date',
  to: 'date',
  denominator: 'count',
  numerator: 'count',
  value: 'figure',
  england: 'figure',
  region: 'figure',
  area: 'text',
};

/** Said of a column the workbook text does not describe. */
const FALLBACK: Readonly<Record<ColumnKind, string>> = {
  date: 'A date, for example 01/04/2025.',
  count: 'A whole number of 0 or more; leave the cell empty when the figure is not known.',
  figure: 'A figure of 0 or more, as published; leave the cell empty when it is not known.',
  text: 'The name of the district or team the row is for.',
};

export function planWorkbooks(spec: ValidatedDefinition, text: WorkbookText, textFile: string): PlannedWorkbook[] {
  const problems = new ProblemList();
  const problem = (detail: string) => problems.add(message.initTemplateProblem(textFile, detail));
  const described = new Set<string>();
  const byFile = new Map<string, PlannedSheet[]>();
  for (const source of spec.data.local) {
    if (extname(source.file).toLowerCase() !== '.xlsx' || source.sheet === undefined) {
      problem(`the local source "${source.id}" must name an .xlsx file and a sheet, for init to make the workbook`);
      continue;
    }
    const columns = new Map<string, ColumnKind>();
    for (const indicator of spec.indicators) {
      if (indicator.local?.source !== source.id) continue;
      for (const [key, kind] of Object.entries(KIND_OF)) {
        const header = indicator.local[key as keyof typeof indicator.local];
        if (typeof header !== 'string') continue;
        const before = columns.get(header);
        if (before !== undefined && before !== kind)
          problem(`the column "${header}" is read both as a ${before} and as a ${kind}`);
        columns.set(header, before ?? kind);
      }
    }
    const words = text.sheets[source.sheet];
    if (words) described.add(source.sheet);
    // A column described but not read is one whose indicator the council has no figures for (an overview's): left out.
    const rows = (words?.rows ?? []).map((row) => ({ ...row, cells: checkedCells(row.cells, columns, problem) }));
    const sheet: PlannedSheet = {
      name: source.sheet,
      about: words?.about ?? `The figures report.config.yaml reads from the sheet "${source.sheet}".`,
      columns: [...columns].map(([header, kind]) => ({ header, kind, help: words?.columns[header] ?? FALLBACK[kind] })),
      rows,
    };
    // Two sources may read one sheet (indicators with different columns): the sheet then has all of their columns.
    const sheets = byFile.get(source.file) ?? [];
    const same = sheets.findIndex((s) => s.name === sheet.name);
    if (same < 0) sheets.push(sheet);
    else sheets[same] = merged(sheets[same]!, sheet);
    byFile.set(source.file, sheets);
  }
  for (const name of Object.keys(text.sheets))
    if (!described.has(name)) problem(`it describes a sheet "${name}" that report.config.yaml does not read`);
  problems.throwIfAny();
  return [...byFile].map(([file, sheets]) => ({ file, about: text.about, sheets }));
}

/** A row's cells, each checked against its column: a date where a date belongs, a whole number for a count. */
function checkedCells(
  cells: Readonly<Record<string, string | number | null>>,
  columns: ReadonlyMap<string, ColumnKind>,
  problem: (detail: string) => void,
): Record<string, string | number | null> {
  for (const [header, value] of Object.entries(cells)) {
    const kind = columns.get(header);
    if (kind === undefined) problem(`a row fills a column "${header}" that the sheet does not have`);
    else if (value === null) continue;
    else if (kind === 'date' && (typeof value !== 'string' || parseIsoDate(value) === undefined))
      problem(`"${header}" should be a date written YYYY-MM-DD, not "${value}"`);
    else if (kind === 'count' && !(typeof value === 'number' && Number.isInteger(value) && value >= 0))
      problem(`"${header}" should be a whole number of 0 or more, not "${value}"`);
    else if (kind === 'figure' && !(typeof value === 'number' && value >= 0))
      problem(`"${header}" should be a figure of 0 or more, not "${value}"`);
  }
  return { ...cells };
}

function merged(a: PlannedSheet, b: PlannedSheet): PlannedSheet {
  const headers = new Set(a.columns.map((c) => c.header));
  return { ...a, columns: [...a.columns, ...b.columns.filter((c) => !headers.has(c.header))] };
}
