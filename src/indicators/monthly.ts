/**
 * Monthly periods for a council's own figures. Monthly reports show month-end snapshots, the financial
 * year to date (April to the month) and rolling 12 months (the 12 months ending with the month). A
 * window ending on 31 March is the whole financial year, so it comes back as that year ("2015-16").
 *
 * Only flow measures (events in a period: referrals, plan starts) can be added up month by month.
 * Snapshot measures (children on a date: plans open at the month end) cannot.
 */
import {
  firstDayOf,
  fromMonthIndex,
  lastDayOf,
  monthIndex,
  parseIsoDate,
  yearMonthOf,
  type YearMonth,
} from '../dates.js';
import { byEndDate, periodBetween, reportingYear, type Period } from './periods.js';

/** Counts of events in one calendar month: numerator and denominator of a flow measure. */
export interface MonthlyCounts {
  readonly period: Period;
  readonly numerator: number;
  readonly denominator: number;
}

/** Flow: events in a period (can be summed over months). Snapshot: a count on a date (cannot). */
export type Measure = 'flow' | 'snapshot';

export type AggregateKind = 'fytd' | 'rolling12';

function checkYearMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999)
    throw new RangeError(`Year ${year} is not a whole number from 1 to 9999.`);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`Month ${month} is not a whole number from 1 to 12.`);
}

function endMonth(end: Period | string): YearMonth {
  return yearMonthOf(typeof end === 'string' ? end : end.end);
}

/** The last day of the month containing the date: "2016-08-17" -> "2016-08-31". */
export function monthEnd(end: string): string {
  return lastDayOf(yearMonthOf(end));
}

/** The calendar month: monthPeriod(2016, 6) is "June 2016", 2016-06-01 to 2016-06-30. */
export function monthPeriod(year: number, month: number): Period {
  checkYearMonth(year, month);
  return periodBetween(firstDayOf({ year, month }), lastDayOf({ year, month }));
}

function fytdStartIndex(end: YearMonth): number {
  const startYear = end.month >= 4 ? end.year : end.year - 1;
  return monthIndex({ year: startYear, month: 4 });
}

/**
 * From 1 April of the financial year containing the end date to the end of that month: "April to
 * August 2016", "April 2016", "April 2016 to February 2017". Ending in March, it is the whole year.
 */
export function financialYearToDate(end: Period | string): Period {
  const last = endMonth(end);
  return periodBetween(firstDayOf(fromMonthIndex(fytdStartIndex(last))), lastDayOf(last));
}

/** The 12 months ending with the month of the end date: "12 months to August 2016". Ending in March, the financial year. */
export function rolling12Months(end: Period | string): Period {
  const last = endMonth(end);
  if (last.month === 3) return reportingYear(last.year);
  const start = firstDayOf(fromMonthIndex(monthIndex(last) - 11));
  const finish = lastDayOf(last);
  return {
    key: `${start}/${finish}`,
    label: `12 months to ${monthPeriod(last.year, last.month).label}`,
    start,
    end: finish,
    whole: false,
  };
}

/** The calendar month a period covers, or undefined when it is not exactly one calendar month. */
export function calendarMonth(period: Period): YearMonth | undefined {
  if (parseIsoDate(period.start) === undefined || parseIsoDate(period.end) === undefined) return undefined;
  const month = yearMonthOf(period.start);
  return period.start === firstDayOf(month) && period.end === lastDayOf(month) ? month : undefined;
}

/**
 * Financial year to date or rolling 12 months from monthly counts of a flow measure: for each month in
 * the input (in end-date order), the sums over the window ending with it. A window missing any of its
 * months is left out rather than summed from part of the data.
 */
export function aggregateMonths(
  months: readonly MonthlyCounts[],
  kind: AggregateKind,
  measure: Measure,
): MonthlyCounts[] {
  if (measure === 'snapshot') {
    throw new RangeError(
      'A snapshot measure counts children on a date, so adding months together would count a child once for every month end they were there; use the figure at the last month end of the period instead.',
    );
  }
  if (measure !== 'flow') throw new RangeError(`Unknown measure "${String(measure)}": expected "flow" or "snapshot".`);
  if (kind !== 'fytd' && kind !== 'rolling12')
    throw new RangeError(`Unknown window "${String(kind)}": expected "fytd" or "rolling12".`);

  const byMonth = new Map<number, MonthlyCounts>();
  for (const counts of months) {
    const month = calendarMonth(counts.period);
    if (!month) {
      throw new RangeError(
        `Period "${counts.period.label}" (${counts.period.key}) is not a calendar month; monthly counts must each cover one whole month.`,
      );
    }
    const index = monthIndex(month);
    if (byMonth.has(index))
      throw new RangeError(
        `Period "${counts.period.label}" (${counts.period.key}) appears more than once in the monthly counts.`,
      );
    byMonth.set(index, counts);
  }

  const results: MonthlyCounts[] = [];
  for (const counts of [...months].sort((a, b) => byEndDate(a.period, b.period))) {
    const last = monthIndex(calendarMonth(counts.period)!);
    const first = kind === 'fytd' ? fytdStartIndex(fromMonthIndex(last)) : last - 11;
    let numerator = 0;
    let denominator = 0;
    let complete = true;
    for (let index = first; index <= last; index++) {
      const month = byMonth.get(index);
      if (!month) {
        complete = false;
        break;
      }
      numerator += month.numerator;
      denominator += month.denominator;
    }
    if (!complete) continue;
    const period = kind === 'fytd' ? financialYearToDate(counts.period) : rolling12Months(counts.period);
    results.push({ period, numerator, denominator });
  }
  return results;
}
