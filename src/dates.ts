/**
 * Dates, in one place: every schema and reader asks here whether a date is real, and every sentence
 * writes one the British way ("11 October 2016"). Dates travel as ISO text (2016-10-11), never as
 * Date objects in local time, so no machine's time zone can move 1 April to 31 March.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));

export interface YearMonth {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year, month (1-12) and day make a day on the calendar: 2025-02-30 does not. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999 || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** { year: 2016, month: 6 } -> "2016-06-01". */
export function firstDayOf({ year, month }: YearMonth): string {
  return `${pad(year, 4)}-${pad(month, 2)}-01`;
}

/** { year: 2016, month: 6 } -> "2016-06-30". */
export function lastDayOf({ year, month }: YearMonth): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(daysInMonth(year, month), 2)}`;
}

/** "2016-08-17" -> { year: 2016, month: 8 }; a RangeError for anything that is not a real date. */
export function yearMonthOf(iso: string): YearMonth {
  if (parseIsoDate(iso) === undefined) throw new RangeError(`"${iso}" is not a real date written YYYY-MM-DD.`);
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return { year, month };
}

/** Months counted from year 0, so that month arithmetic is subtraction. */
export function monthIndex({ year, month }: YearMonth): number {
  return year * 12 + (month - 1);
}

export function fromMonthIndex(index: number): YearMonth {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** "2016-10-11" -> the same text if it is a real day, else undefined. */
export function parseIsoDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match && isRealDay(Number(match[1]), Number(match[2]), Number(match[3])) ? text : undefined;
}

/** "2016-06" -> the same text if it is a real month, else undefined. */
export function parseIsoMonth(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  return match && isRealDay(Number(match[1]), Number(match[2]), 1) ? text : undefined;
}

/** A date as officers type it in a cell: 2016-04-01 or 01/04/2016 (day first) -> "2016-04-01". */
export function parseCellDate(text: string): string | undefined {
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!british) return parseIsoDate(text);
  const [day, month, year] = [Number(british[1]), Number(british[2]), Number(british[3])];
  return isRealDay(year, month, day)
    ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    : undefined;
}

/** A date cell (exceljs gives the calendar day at 00:00 UTC) -> "2016-04-01". */
export function isoOfUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2016-10-11" -> "11 October 2016"; "2016-06" -> "June 2016". */
export function formatDate(iso: string): string {
  const day = parseIsoDate(iso);
  const month = day ?? parseIsoMonth(iso);
  if (!month) throw new RangeError(`"${iso}" is not a date written YYYY-MM-DD or a month written YYYY-MM`);
  const [year, m, d] = month.split('-').map(Number) as [number, number, number?];
  return d === undefined ? `${MONTHS[m - 1]} ${year}` : `${d} ${MONTHS[m - 1]} ${year}`;
}
