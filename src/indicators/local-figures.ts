/**
 * The council's own figures from its workbook: each row's counts, checked and turned into a figure
 * for its period, or (for monthly rows) for each financial year to date or rolling 12 months; in a
 * public report, small counts withheld.
 */
import type { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { readLocalCounts, type LocalCounts } from '../tables/read-local-counts.js';
import type { Table } from '../tables/table.js';
import { ratio } from './figures.js';
import { aggregateMonths, calendarMonth } from './monthly.js';
import { periodBetween, type Period } from './periods.js';
import { suppressFigure, type SuppressionRule } from './suppression.js';
import type { Figure, IndicatorDefinition, LocalFigures } from './types.js';

export function localFigures(
  indicator: IndicatorDefinition,
  spec: LocalFigures,
  table: Table,
  suppression: SuppressionRule | undefined,
  problems: ProblemList,
): { readonly period: Period; readonly figure: Figure }[] {
  const rows = readLocalCounts(table, spec, problems);
  if (rows.length === 0 && problems.size === 0) problems.add(message.noData(table.file, indicator.id));
  if (indicator.unit === 'percent' && spec.denominator !== undefined) {
    for (const row of rows) {
      if (row.denominator !== undefined && row.numerator > row.denominator) {
        problems.add(
          message.partOverWhole(row.place, spec.numerator, row.numerator, spec.denominator, row.denominator),
        );
      }
    }
  }
  return localPeriods(rows, spec, table.file, problems).map((row) => {
    const denominator = row.denominator === undefined ? undefined : { value: row.denominator };
    const figure = ratio(indicator, { value: row.numerator }, denominator, row.place);
    return { period: row.period, figure: suppression ? suppressFigure(figure, suppression) : figure };
  });
}

/** The council's rows as periods: as written, or (for monthly rows) each financial year to date or rolling 12 months. */
function localPeriods(
  rows: readonly LocalCounts[],
  spec: LocalFigures,
  file: string,
  problems: ProblemList,
): (LocalCounts & { readonly period: Period })[] {
  const asWritten = rows.map((row) => ({ ...row, period: periodBetween(row.start, row.end) }));
  if (!spec.aggregate) return asWritten;
  const notMonths = asWritten.filter((row) => calendarMonth(row.period) === undefined);
  for (const row of notMonths) problems.add(message.notACalendarMonth(row.place, row.start, row.end));
  if (notMonths.length > 0) return [];
  try {
    const months = asWritten.map((row) => ({
      period: row.period,
      numerator: row.numerator,
      denominator: row.denominator ?? 0,
    }));
    return aggregateMonths(months, spec.aggregate, spec.measure).map((window) => ({
      ...window,
      start: window.period.start,
      end: window.period.end,
      ...(spec.denominator === undefined && { denominator: undefined }),
      place: asWritten.find((row) => row.period.end === window.period.end)!.place,
    }));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.add(message.cannotAggregate(file, error.message));
    return [];
  }
}
