/**
 * A council's own figures: one row per period with its first and last day and two counts (for
 * example plans starting, and those that were a second or subsequent plan). Every cell that cannot be
 * read is reported with its sheet and cell, as is a period that ends before it starts and a period
 * given twice (a later row silently replacing an earlier one would print the wrong figure).
 */
import type { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import { requireEach } from './read-table.js';
import { placeOf, type Table } from './table.js';
import { readCount, readDate } from './values.js';

export interface LocalCountsSpec {
  readonly from: string;
  readonly to: string;
  readonly numerator: string;
  /** Absent for a plain count. */
  readonly denominator?: string;
}

export interface LocalCounts {
  readonly start: string;
  readonly end: string;
  readonly numerator: number;
  readonly denominator?: number;
  /** The numerator's cell. */
  readonly place: Place;
}

export function readLocalCounts(table: Table, spec: LocalCountsSpec, problems: ProblemList): LocalCounts[] {
  const [from, to, numeratorColumn, denominatorColumn] = requireEach(table, [
    spec.from,
    spec.to,
    spec.numerator,
    ...(spec.denominator === undefined ? [] : [spec.denominator]),
  ]);
  const seen = new Map<string, Place>();
  return table.rows.flatMap((row) => {
    const start = readDate(table, row, from, problems);
    const end = readDate(table, row, to, problems);
    const numerator = readCount(table, row, numeratorColumn, problems);
    const denominator =
      denominatorColumn === undefined ? undefined : readCount(table, row, denominatorColumn, problems);
    // ISO dates compare as text. A one-day period (start = end) is allowed.
    if (start && end && end < start) {
      problems.add(message.endBeforeStart(placeOf(table, row.index, to), spec.to, end, spec.from, start));
      return [];
    }
    if (!start || !end || numerator === undefined || (denominatorColumn !== undefined && denominator === undefined))
      return [];
    // Among rows that can be read (a row with a bad cell is named for that already).
    const first = seen.get(`${start}|${end}`);
    if (first) {
      problems.add(message.duplicatePeriod(placeOf(table, row.index, from), first, start, end));
      return [];
    }
    seen.set(`${start}|${end}`, placeOf(table, row.index, from));
    return [
      {
        start,
        end,
        numerator,
        ...(denominator !== undefined && { denominator }),
        place: placeOf(table, row.index, numeratorColumn),
      },
    ];
  });
}
