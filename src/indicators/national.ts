/**
 * A DfE open-data table indexed by geography and year, so indicators can look up England, a region or
 * a council by code (never by name: names differ between files).
 */
import { columnIndex, type Table, type TableRow } from '../tables/table.js';
import { requireColumns } from '../tables/read-table.js';
import { textOf } from '../tables/values.js';

export type Level = 'National' | 'Regional' | 'Local authority';

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

/** Index a table, keeping only rows whose `where` columns hold the given values. */
export function indexNational(table: Table, where: Readonly<Record<string, string>> = {}): NationalIndex {
  const c = requireColumns(table, ['time_period', 'geographic_level', 'region_code', 'region_name', 'old_la_code', 'la_name']);
  const filters = Object.entries(where).map(([column, value]) => {
    requireColumns(table, [column]);
    return [columnIndex(table, column), value] as const;
  });
  const rows = new Map<string, Map<number, TableRow>>();
  const years = new Set<number>();
  const regions = new Map<string, { year: number; code: string; name: string; la: string }>();
  const text = (row: TableRow, column: number) => textOf(row.values[column] ?? null).trim();

  for (const row of table.rows) {
    if (!filters.every(([column, value]) => text(row, column) === value)) continue;
    const year = Number(text(row, c.time_period));
    const level = text(row, c.geographic_level) as Level;
    const code = level === 'Local authority' ? text(row, c.old_la_code) : level === 'Regional' ? text(row, c.region_code) : 'E92000001';
    const key = `${level}|${code}`;
    let byYear = rows.get(key);
    if (!byYear) rows.set(key, (byYear = new Map()));
    byYear.set(year, row);
    years.add(year);
    if (level === 'Local authority') {
      const previous = regions.get(code);
      if (!previous || previous.year < year) {
        regions.set(code, { year, code: text(row, c.region_code), name: text(row, c.region_name), la: text(row, c.la_name) });
      }
    }
  }

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
