/**
 * Independent helpers for the tests: look-ups in a table by column name, and exact half-up arithmetic
 * in whole tenths, never with the code under test.
 */
import type { Table, TableRow } from '../../src/tables/table.js';

export function column(table: Table, name: string): number {
  const index = table.columns.indexOf(name);
  if (index < 0) throw new Error(`test fixture: ${table.file} has no column ${name}`);
  return index;
}

export function cell(table: Table, row: TableRow, name: string): string {
  return String(row.values[column(table, name)] ?? '').trim();
}

export function rowsWhere(table: Table, where: Readonly<Record<string, string>>): TableRow[] {
  return table.rows.filter((row) => Object.entries(where).every(([name, value]) => cell(table, row, name) === value));
}

export function onlyRow(table: Table, where: Readonly<Record<string, string>>): TableRow {
  const rows = rowsWhere(table, where);
  if (rows.length !== 1)
    throw new Error(`test fixture: ${rows.length} rows in ${table.file} for ${JSON.stringify(where)}`);
  return rows[0]!;
}

/** floor(n / d + 1/2) for n >= 0, d > 0: half up on the exact fraction. */
export function halfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** A percentage to 1 dp, as a whole number of tenths: 37 of 355 -> 104n. */
export function percentTenths(numerator: number, denominator: number): bigint {
  return halfUp(BigInt(numerator) * 1000n, BigInt(denominator));
}
