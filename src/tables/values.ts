/**
 * Cell -> number, published symbol or date. DfE open data writes a symbol where a figure is withheld:
 * a value derived from one of these is itself withheld, never zero.
 */
import { isoOfUtcDate, parseCellDate } from '../dates.js';
import type { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { placeOf, type RawValue, type Table, type TableRow } from './table.js';

/** c suppressed; x not available; z not applicable; u low reliability; low / k rounds to zero; ":" and "~" older forms. */
export const SYMBOLS = ['c', 'x', 'z', 'u', 'low', 'k', ':', '~'] as const;
export type PublishedSymbol = (typeof SYMBOLS)[number];

export type Reading = { readonly value: number } | { readonly symbol: PublishedSymbol };

export function isSymbol(text: string): text is PublishedSymbol {
  return (SYMBOLS as readonly string[]).includes(text);
}

/** What each symbol stands for, as the notes under a table explain it. */
export const SYMBOL_MEANINGS: Readonly<Record<PublishedSymbol, string>> = {
  c: 'suppressed to protect confidentiality',
  x: 'not available (for example, not yet published)',
  z: 'not applicable',
  u: 'withheld as of low reliability',
  low: 'rounds to zero but is not zero',
  k: 'rounds to zero but is not zero',
  ':': 'not available',
  '~': 'rounds to zero but is not zero',
};

/** The symbols among some table cells, each once and sorted, with their meanings: "c: suppressed to ...". */
export function symbolLegend(cells: Iterable<string>): string[] {
  const shown = new Set([...cells].map((cell) => cell.trim().split(/\s/)[0]!).filter(isSymbol));
  // A punctuation symbol is quoted, so ":" does not read as "::".
  const named = (symbol: string) => (/^[a-z]+$/.test(symbol) ? symbol : `"${symbol}"`);
  return [...shown].sort().map((symbol) => `${named(symbol)}: ${SYMBOL_MEANINGS[symbol]}`);
}

/**
 * A number, or the symbol published in its place. An empty cell counts as "x" (not available).
 * Anything else is a problem naming the cell; the result is then undefined.
 */
export function readFigure(table: Table, row: TableRow, column: number, problems: ProblemList): Reading | undefined {
  const raw = row.values[column] ?? null;
  const number = toNumber(raw);
  if (number !== undefined) return { value: number };
  const text = textOf(raw).trim();
  if (text === '') return { symbol: 'x' };
  if (isSymbol(text.toLowerCase())) return { symbol: text.toLowerCase() as PublishedSymbol };
  problems.add(
    typeof raw === 'object' && raw !== null && 'error' in raw
      ? message.formulaError(placeOf(table, row.index, column), raw.error)
      : message.notANumber(placeOf(table, row.index, column), table.columns[column] ?? '', text),
  );
  return undefined;
}

/**
 * A count in a national file: a whole number of 0 or more, or the symbol published in its place (a
 * suppressed "c" stays allowed). A negative or fractional count is a problem naming the cell.
 */
export function readCountOrSymbol(
  table: Table,
  row: TableRow,
  column: number,
  problems: ProblemList,
): Reading | undefined {
  const reading = readFigure(table, row, column, problems);
  if (!reading || 'symbol' in reading || (Number.isInteger(reading.value) && reading.value >= 0)) return reading;
  problems.add(
    message.notACount(
      placeOf(table, row.index, column),
      table.columns[column] ?? '',
      textOf(row.values[column] ?? null).trim(),
    ),
  );
  return undefined;
}

/** A whole count from a local workbook: symbols are not allowed there. */
export function readCount(table: Table, row: TableRow, column: number, problems: ProblemList): number | undefined {
  const raw = row.values[column] ?? null;
  const number = toNumber(raw);
  const place = placeOf(table, row.index, column);
  const name = table.columns[column] ?? '';
  if (number !== undefined && Number.isInteger(number) && number >= 0) return number;
  if (typeof raw === 'object' && raw !== null && 'error' in raw) problems.add(message.formulaError(place, raw.error));
  else if (raw === null || textOf(raw).trim() === '') problems.add(message.emptyCell(place, name));
  else if (number !== undefined) problems.add(message.notACount(place, name, textOf(raw)));
  else problems.add(message.notANumber(place, name, textOf(raw)));
  return undefined;
}

/** A calendar date as YYYY-MM-DD, from a date cell or text written 2016-04-01 or 01/04/2016. */
export function readDate(table: Table, row: TableRow, column: number, problems: ProblemList): string | undefined {
  const raw = row.values[column] ?? null;
  if (raw instanceof Date) return isoOfUtcDate(raw);
  const text = textOf(raw).trim();
  const date = parseCellDate(text);
  if (date) return date;
  const place = placeOf(table, row.index, column);
  const name = table.columns[column] ?? '';
  problems.add(text === '' ? message.emptyCell(place, name) : message.notADate(place, name, text));
  return undefined;
}

/** Numbers, and text that is plainly a number ("1,234", " 17.2 "). */
function toNumber(raw: RawValue): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return undefined;
  return Number(text.replaceAll(',', ''));
}

export function textOf(raw: RawValue): string {
  if (raw === null) return '';
  if (raw instanceof Date) return isoOfUtcDate(raw);
  if (typeof raw === 'object') return raw.error;
  return String(raw);
}
