/**
 * Periods are financial years (April to March) or parts of one. DfE's "reporting year 2016" is the
 * year ending 31 March 2016, written 2015-16.
 */
import { lastDayOf, MONTHS, yearMonthOf } from '../dates.js';

export interface Period {
  /** Stable key: "2015-16" for a whole financial year, "2016-04-01/2016-08-31" otherwise. */
  readonly key: string;
  /** As shown in tables and prose. */
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly whole: boolean;
}

/** 2016 (year ending March 2016) -> "2015-16". */
export function financialYearLabel(endYear: number): string {
  return `${endYear - 1}-${String(endYear % 100).padStart(2, '0')}`;
}

export function reportingYear(endYear: number): Period {
  const label = financialYearLabel(endYear);
  return { key: label, label, start: `${endYear - 1}-04-01`, end: `${endYear}-03-31`, whole: true };
}

/** "2015-16" -> 2016, or undefined when the two halves do not follow on. */
export function parseFinancialYear(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start + 1 : undefined;
}

/** A period between two dates: a whole financial year gets its usual label, otherwise "April to August 2016". */
export function periodBetween(start: string, end: string): Period {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  if (sm === 4 && start.endsWith('-01') && em === 3 && ed === 31 && ey === sy + 1) return reportingYear(ey);
  const startMonth = MONTHS[sm - 1]!;
  const endMonth = MONTHS[em - 1]!;
  const label =
    sy === ey && sm === em
      ? `${endMonth} ${ey}`
      : sy === ey
        ? `${startMonth} to ${endMonth} ${ey}`
        : `${startMonth} ${sy} to ${endMonth} ${ey}`;
  return { key: `${start}/${end}`, label, start, end, whole: false };
}

/** A period of an indicator by key or label, or first, latest (the last period) or latest-year (the last whole year). */
export function findPeriod(periods: readonly Period[], which: unknown): Period | undefined {
  const years = periods.filter((period) => period.whole);
  if (which === 'first') return periods[0];
  if (which === 'latest') return periods[periods.length - 1];
  if (which === 'latest-year') return years[years.length - 1];
  return periods.find((period) => period.key === which || period.label === which);
}

export function byEndDate(a: Period, b: Period): number {
  return a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/**
 * The same part of the year before: April to July 2015 for April to July 2016, January 2017 for
 * January 2018. A part of a year is only like for like with that, never with a whole year.
 */
export function sameTimeYearBefore(period: Period, periods: readonly Period[]): Period | undefined {
  const yearBefore = (iso: string, asMonthEnd: boolean) => {
    const { year, month } = yearMonthOf(iso);
    // 29 February 2016 ends the month, as 28 February 2015 does.
    return asMonthEnd ? lastDayOf({ year: year - 1, month }) : `${year - 1}${iso.slice(4)}`;
  };
  const start = yearBefore(period.start, false);
  const end = yearBefore(period.end, period.end === lastDayOf(yearMonthOf(period.end)));
  return periods.find((other) => other.start === start && other.end === end);
}
