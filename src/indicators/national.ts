/**
 * A DfE open-data table indexed by geography and year, so indicators can look up England, a region or
 * a council by code (never by name: names differ between files).
 *
 * A row whose time_period is not a year, and a second row for the same area and year, are problems
 * named at their line: a later row silently replacing an earlier one would print the wrong figure.
 */
import { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { columnIndex, placeOf, type Table, type TableRow } from '../tables/table.js';
import { requireColumns } from '../tables/read-table.js';
import { textOf } from '../tables/values.js';

export type Level = 'National' | 'Regional' | 'Local authority';

const LEVELS: readonly string[] = ['National', 'Regional', 'Local authority'] satisfies readonly Level[];

/** Where a stage's problems go. */
export type Problems = Pick<ProblemList, 'add'>;

export interface NationalIndex {
  readonly table: Table;
  /** Row for a level, code and year; code is old_la_code for councils, region_code for regions. */
  find(level: Level, code: string, year: number): TableRow | undefined;
  readonly years: readonly number[];
  /** Every council's three-digit code, in the order the file first lists them. */
  readonly councils: readonly string[];
  /** The council's region, from its most recent row. */
  regionOf(laCode: string): { code: string; name: string } | undefined;
  nameOf(laCode: string): string | undefined;
}

/**
 * The year a DfE time_period ends: 2025 (a reporting or calendar year) -> 2025; 201516 (two years, as
 * some DfE files write 2015-16) -> 2016. Anything else ("20x5", "2015-16", "201517") -> undefined.
 */
export function yearOfTimePeriod(text: string): number | undefined {
  if (/^(19|20)\d{2}$/.test(text)) return Number(text);
  const pair = /^((?:19|20)\d{2})(\d{2})$/.exec(text);
  if (pair && (Number(pair[1]) + 1) % 100 === Number(pair[2])) return Number(pair[1]) + 1;
  return undefined;
}

/**
 * Index a table, keeping only rows whose `where` columns hold the given values, and only the three
 * levels indicators look up. Problems go to `problems`; without a list, they are thrown together.
 */
export function indexNational(
  table: Table,
  where: Readonly<Record<string, string>> = {},
  problems?: Problems,
): NationalIndex {
  const c = requireColumns(table, [
    'time_period',
    'geographic_level',
    'region_code',
    'region_name',
    'old_la_code',
    'la_name',
  ]);
  const filters = Object.entries(where).map(([column, value]) => {
    requireColumns(table, [column]);
    return [columnIndex(table, column), value] as const;
  });
  const own = problems ? undefined : new ProblemList();
  const report = problems ?? own!;
  const rows = new Map<string, Map<number, TableRow>>();
  const years = new Set<number>();
  const regions = new Map<string, { year: number; code: string; name: string; la: string }>();
  const text = (row: TableRow, column: number) => textOf(row.values[column] ?? null).trim();

  for (const row of table.rows) {
    if (!filters.every(([column, value]) => text(row, column) === value)) continue;
    const level = text(row, c.geographic_level);
    if (!LEVELS.includes(level)) continue;
    const period = text(row, c.time_period);
    const year = yearOfTimePeriod(period);
    if (year === undefined) {
      report.add(message.notAYear(placeOf(table, row.index, c.time_period), table.columns[c.time_period]!, period));
      continue;
    }
    const code =
      level === 'Local authority'
        ? text(row, c.old_la_code)
        : level === 'Regional'
          ? text(row, c.region_code)
          : 'E92000001';
    const key = `${level}|${code}`;
    let byYear = rows.get(key);
    if (!byYear) rows.set(key, (byYear = new Map()));
    const first = byYear.get(year);
    if (first) {
      const name = level === 'National' ? 'England' : text(row, level === 'Regional' ? c.region_name : c.la_name);
      report.add(
        message.duplicateRow(
          placeOf(table, row.index, c.time_period),
          placeOf(table, first.index, c.time_period),
          level === 'National' ? '' : code,
          name,
          period,
          where,
        ),
      );
      continue;
    }
    byYear.set(year, row);
    years.add(year);
    if (level === 'Local authority') {
      const previous = regions.get(code);
      if (!previous || previous.year < year) {
        regions.set(code, {
          year,
          code: text(row, c.region_code),
          name: text(row, c.region_name),
          la: text(row, c.la_name),
        });
      }
    }
  }
  own?.throwIfAny();

  return {
    table,
    find: (level, code, year) => rows.get(`${level}|${code}`)?.get(year),
    years: [...years].sort((a, b) => a - b),
    councils: [...regions.keys()],
    regionOf: (laCode) => {
      const region = regions.get(laCode);
      return region && { code: region.code, name: region.name };
    },
    nameOf: (laCode) => regions.get(laCode)?.la,
  };
}
