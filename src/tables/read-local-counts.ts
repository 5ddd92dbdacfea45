/**
 * A council's own figures: one row per period with its first and last day and either two counts (for
 * example plans starting, and those that were a second or subsequent plan) or a figure as published,
 * and, if given, England's and the region's published figures beside it. A blank cell or a DfE symbol
 * (c, x, z ...) is carried as the national files carry it. Every cell that cannot be read is reported
 * with its sheet and cell, as is a period that ends before it starts and a period given twice (a later
 * row silently replacing an earlier one would print the wrong figure).
 */
import type { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import { requireEach } from './read-table.js';
import { placeOf, type Table, type TableRow } from './table.js';
import { readCountOrSymbol, readDate, readFigure, textOf, type Reading } from './values.js';

export interface LocalCountsSpec {
  readonly from: string;
  readonly to: string;
  /** The count, or the numerator of a percentage or rate; absent when the figure is given as published. */
  readonly numerator?: string;
  /** Absent for a plain count. */
  readonly denominator?: string;
  /** A figure as published (a rate quoted from an earlier report), never recomputed. */
  readonly value?: string;
  /** England's and the region's published figures for the same period, for a measure DfE does not publish. */
  readonly england?: string;
  readonly region?: string;
  /** A district or team: one row per area and period, the council's figure their sum. */
  readonly area?: string;
}

export interface LocalCounts {
  readonly start: string;
  readonly end: string;
  /** The district or team the row is for, when the sheet has an area column. */
  readonly area?: string;
  readonly numerator?: Reading;
  readonly denominator?: Reading;
  readonly value?: Reading;
  readonly england?: Reading;
  readonly region?: Reading;
  /** The figure's cell: the numerator's or the value's. */
  readonly place: Place;
  /** Each column's cell in the row. */
  readonly places: Readonly<Partial<Record<keyof LocalCountsSpec, Place>>>;
}

export function readLocalCounts(table: Table, spec: LocalCountsSpec, problems: ProblemList): LocalCounts[] {
  const named = (['numerator', 'denominator', 'value', 'england', 'region'] as const).filter(
    (key) => spec[key] !== undefined,
  );
  const [from, to, ...columns] = requireEach(table, [
    spec.from,
    spec.to,
    ...named.map((key) => spec[key]!),
    ...(spec.area === undefined ? [] : [spec.area]),
  ]);
  const areaColumn = spec.area === undefined ? undefined : columns[named.length];
  const column = (key: (typeof named)[number]) => columns[named.indexOf(key)];
  const seen = new Map<string, Place>();
  return table.rows.flatMap((row) => {
    const start = readDate(table, row, from, problems);
    const end = readDate(table, row, to, problems);
    const read = (key: (typeof named)[number]) => {
      const at = column(key);
      if (at === undefined) return undefined;
      // Counts are whole numbers; a figure (a value, England's, the region's) may have decimals, never be negative.
      return key === 'numerator' || key === 'denominator'
        ? readCountOrSymbol(table, row, at, problems)
        : readNonNegative(table, row, at, problems);
    };
    const readings = Object.fromEntries(named.map((key) => [key, read(key)])) as Partial<Record<string, Reading>>;
    const area = areaColumn === undefined ? undefined : readArea(table, row, areaColumn, problems);
    if (areaColumn !== undefined && area === undefined) return [];
    // ISO dates compare as text. A one-day period (start = end) is allowed.
    if (start && end && end < start) {
      problems.add(message.endBeforeStart(placeOf(table, row.index, to), spec.to, end, spec.from, start));
      return [];
    }
    if (!start || !end || named.some((key) => readings[key] === undefined)) return [];
    // Among rows that can be read (a row with a bad cell is named for that already).
    const first = seen.get(`${area ?? ''}|${start}|${end}`);
    if (first) {
      problems.add(message.duplicatePeriod(placeOf(table, row.index, from), first, start, end, area));
      return [];
    }
    seen.set(`${area ?? ''}|${start}|${end}`, placeOf(table, row.index, from));
    const places = Object.fromEntries(named.map((key) => [key, placeOf(table, row.index, column(key)!)]));
    return [
      {
        start,
        end,
        ...(area !== undefined && { area }),
        ...readings,
        place: placeOf(table, row.index, column('value') ?? column('numerator')!),
        places,
      },
    ];
  });
}

function readNonNegative(table: Table, row: TableRow, column: number, problems: ProblemList): Reading | undefined {
  const reading = readFigure(table, row, column, problems);
  if (!reading || 'symbol' in reading || reading.value >= 0) return reading;
  problems.add(
    message.negativeFigure(
      placeOf(table, row.index, column),
      table.columns[column] ?? '',
      textOf(row.values[column] ?? null),
    ),
  );
  return undefined;
}

function readArea(table: Table, row: TableRow, column: number, problems: ProblemList): string | undefined {
  const text = textOf(row.values[column] ?? null).trim();
  if (text === '') problems.add(message.emptyCell(placeOf(table, row.index, column), table.columns[column] ?? ''));
  return text === '' ? undefined : text;
}
