/**
 * Monthly reports use month-end snapshots, the financial year to date and rolling 12 months. A window
 * ending on 31 March is the whole financial year. Only flow measures can be summed over months.
 */
import { describe, expect, it } from 'vitest';
import {
  aggregateMonths,
  financialYearToDate,
  monthEnd,
  monthPeriod,
  rolling12Months,
  type MonthlyCounts,
} from '../../src/indicators/monthly.js';
import { periodBetween, reportingYear } from '../../src/indicators/periods.js';

describe('monthPeriod', () => {
  it('labels and keys a calendar month', () => {
    expect(monthPeriod(2016, 6)).toEqual({
      key: '2016-06-01/2016-06-30',
      label: 'June 2016',
      start: '2016-06-01',
      end: '2016-06-30',
      whole: false,
    });
  });

  it('uses the same key shape as periodBetween', () => {
    expect(monthPeriod(2016, 8)).toEqual(periodBetween('2016-08-01', '2016-08-31'));
  });

  it('gives February 29 days in a leap year and 28 otherwise', () => {
    expect(monthPeriod(2016, 2).end).toBe('2016-02-29');
    expect(monthPeriod(2017, 2).end).toBe('2017-02-28');
    expect(monthPeriod(2000, 2).end).toBe('2000-02-29');
    expect(monthPeriod(1900, 2).end).toBe('1900-02-28');
  });

  it('ends 30-day and 31-day months correctly', () => {
    expect(monthPeriod(2016, 4).end).toBe('2016-04-30');
    expect(monthPeriod(2016, 12).end).toBe('2016-12-31');
    expect(monthPeriod(2017, 1)).toMatchObject({ start: '2017-01-01', end: '2017-01-31', label: 'January 2017' });
  });

  it('refuses a month or year that is not a whole number in range', () => {
    expect(() => monthPeriod(2016, 0)).toThrow(RangeError);
    expect(() => monthPeriod(2016, 13)).toThrow(RangeError);
    expect(() => monthPeriod(2016.5, 6)).toThrow(RangeError);
  });
});

describe('monthEnd', () => {
  it('gives the last day of the month for any date in it', () => {
    expect(monthEnd('2016-08-01')).toBe('2016-08-31');
    expect(monthEnd('2016-08-17')).toBe('2016-08-31');
    expect(monthEnd('2016-08-31')).toBe('2016-08-31');
  });

  it('follows leap years', () => {
    expect(monthEnd('2016-02-10')).toBe('2016-02-29');
    expect(monthEnd('2017-02-10')).toBe('2017-02-28');
  });

  it('refuses a string that is not a real date', () => {
    expect(() => monthEnd('2017-02-29')).toThrow(RangeError);
    expect(() => monthEnd('31/08/2016')).toThrow(RangeError);
  });
});

describe('financialYearToDate', () => {
  it('runs from 1 April to the end of the month', () => {
    expect(financialYearToDate('2016-08-31')).toEqual({
      key: '2016-04-01/2016-08-31',
      label: 'April to August 2016',
      start: '2016-04-01',
      end: '2016-08-31',
      whole: false,
    });
  });

  it('takes any date in the month, or a period, as the end', () => {
    expect(financialYearToDate('2016-08-05').key).toBe('2016-04-01/2016-08-31');
    expect(financialYearToDate(monthPeriod(2016, 8)).key).toBe('2016-04-01/2016-08-31');
  });

  it('labels April alone as the month', () => {
    expect(financialYearToDate('2016-04-30')).toMatchObject({
      key: '2016-04-01/2016-04-30',
      label: 'April 2016',
      whole: false,
    });
  });

  it('starts in the previous April when the end is January to March, and names both years', () => {
    expect(financialYearToDate('2017-01-31')).toMatchObject({
      key: '2016-04-01/2017-01-31',
      label: 'April 2016 to January 2017',
    });
    expect(financialYearToDate('2017-02-28')).toMatchObject({
      key: '2016-04-01/2017-02-28',
      label: 'April 2016 to February 2017',
    });
  });

  it('ends February on the 29th in a leap year', () => {
    expect(financialYearToDate('2016-02-01')).toMatchObject({
      start: '2015-04-01',
      end: '2016-02-29',
      label: 'April 2015 to February 2016',
    });
  });

  it('is the whole financial year when it ends in March', () => {
    expect(financialYearToDate('2017-03-31')).toEqual(reportingYear(2017));
    expect(financialYearToDate(monthPeriod(2016, 3))).toMatchObject({ key: '2015-16', label: '2015-16', whole: true });
  });
});

describe('rolling12Months', () => {
  it('covers the 12 months ending with the month', () => {
    expect(rolling12Months('2016-08-31')).toEqual({
      key: '2015-09-01/2016-08-31',
      label: '12 months to August 2016',
      start: '2015-09-01',
      end: '2016-08-31',
      whole: false,
    });
  });

  it('starts in the same month a year earlier for a December end', () => {
    expect(rolling12Months('2016-12-31')).toMatchObject({
      key: '2016-01-01/2016-12-31',
      label: '12 months to December 2016',
    });
  });

  it('follows leap years at the end', () => {
    expect(rolling12Months(monthPeriod(2016, 2))).toMatchObject({
      key: '2015-03-01/2016-02-29',
      label: '12 months to February 2016',
    });
    expect(rolling12Months('2017-02-14')).toMatchObject({
      key: '2016-03-01/2017-02-28',
      label: '12 months to February 2017',
    });
  });

  it('is the financial year when it ends in March', () => {
    expect(rolling12Months('2017-03-31')).toEqual(reportingYear(2017));
    expect(rolling12Months('2016-03-15')).toMatchObject({
      key: '2015-16',
      start: '2015-04-01',
      end: '2016-03-31',
      whole: true,
    });
  });
});

/** February 2016 to March 2017: numerator n, denominator 50 + n, for n = 1 to 14. */
function fourteenMonths(): MonthlyCounts[] {
  const months: MonthlyCounts[] = [];
  for (let n = 1; n <= 14; n++) {
    const index = 2016 * 12 + 1 + (n - 1); // February 2016 is month index 1 of 2016
    months.push({ period: monthPeriod(Math.floor(index / 12), (index % 12) + 1), numerator: n, denominator: 50 + n });
  }
  return months;
}

function summary(rows: MonthlyCounts[]): [string, string, number, number][] {
  return rows.map((row) => [row.period.key, row.period.label, row.numerator, row.denominator]);
}

describe('aggregateMonths', () => {
  it('builds the fourteen months as intended', () => {
    const months = fourteenMonths();
    expect(months[0]!.period.label).toBe('February 2016');
    expect(months[2]!.period.label).toBe('April 2016');
    expect(months[13]!.period.label).toBe('March 2017');
  });

  it('sums the financial year to date, leaving out windows that start before the data', () => {
    // February and March 2016 need April 2015 onwards: left out. April 2016 is n = 3.
    expect(summary(aggregateMonths(fourteenMonths(), 'fytd', 'flow'))).toEqual([
      ['2016-04-01/2016-04-30', 'April 2016', 3, 53],
      ['2016-04-01/2016-05-31', 'April to May 2016', 7, 107], // 3+4; 53+54
      ['2016-04-01/2016-06-30', 'April to June 2016', 12, 162], // +5; +55
      ['2016-04-01/2016-07-31', 'April to July 2016', 18, 218], // +6; +56
      ['2016-04-01/2016-08-31', 'April to August 2016', 25, 275], // +7; +57
      ['2016-04-01/2016-09-30', 'April to September 2016', 33, 333],
      ['2016-04-01/2016-10-31', 'April to October 2016', 42, 392],
      ['2016-04-01/2016-11-30', 'April to November 2016', 52, 452],
      ['2016-04-01/2016-12-31', 'April to December 2016', 63, 513],
      ['2016-04-01/2017-01-31', 'April 2016 to January 2017', 75, 575], // 3..12 = 75; 10 * 50 + 75
      ['2016-04-01/2017-02-28', 'April 2016 to February 2017', 88, 638],
      ['2016-17', '2016-17', 102, 702], // the whole year: 3..14 = 102; 12 * 50 + 102
    ]);
  });

  it('returns the whole financial year for the March window', () => {
    const march = aggregateMonths(fourteenMonths(), 'fytd', 'flow').at(-1)!;
    expect(march.period).toEqual(reportingYear(2017));
  });

  it('sums rolling 12 months only where all 12 months are present', () => {
    // The first complete window is February 2016 to January 2017 (n = 1..12).
    expect(summary(aggregateMonths(fourteenMonths(), 'rolling12', 'flow'))).toEqual([
      ['2016-02-01/2017-01-31', '12 months to January 2017', 78, 678], // 1..12 = 78; 12 * 50 + 78
      ['2016-03-01/2017-02-28', '12 months to February 2017', 90, 690], // 2..13 = 90
      ['2016-17', '2016-17', 102, 702], // 3..14 = 102: April 2016 to March 2017 is the financial year
    ]);
  });

  it('sorts the input by end date', () => {
    const shuffled = fourteenMonths().reverse();
    expect(aggregateMonths(shuffled, 'rolling12', 'flow').map((row) => row.period.key)).toEqual([
      '2016-02-01/2017-01-31',
      '2016-03-01/2017-02-28',
      '2016-17',
    ]);
  });

  it('leaves out every window with a month missing, never summing part of one', () => {
    const withoutJune = fourteenMonths().filter((m) => m.period.key !== '2016-06-01/2016-06-30');
    expect(summary(aggregateMonths(withoutJune, 'fytd', 'flow'))).toEqual([
      ['2016-04-01/2016-04-30', 'April 2016', 3, 53],
      ['2016-04-01/2016-05-31', 'April to May 2016', 7, 107],
    ]);
    expect(aggregateMonths(withoutJune, 'rolling12', 'flow')).toEqual([]);
  });

  it('lets a gap before April affect rolling windows but not the new financial year to date', () => {
    const withoutFebruary = fourteenMonths().filter((m) => m.period.key !== '2016-02-01/2016-02-29');
    expect(aggregateMonths(withoutFebruary, 'fytd', 'flow')).toHaveLength(12);
    expect(summary(aggregateMonths(withoutFebruary, 'rolling12', 'flow'))).toEqual([
      ['2016-03-01/2017-02-28', '12 months to February 2017', 90, 690],
      ['2016-17', '2016-17', 102, 702],
    ]);
  });

  it('returns nothing for no months', () => {
    expect(aggregateMonths([], 'fytd', 'flow')).toEqual([]);
  });

  it('refuses to sum a snapshot measure, saying why', () => {
    expect(() => aggregateMonths(fourteenMonths(), 'fytd', 'snapshot')).toThrow(RangeError);
    expect(() => aggregateMonths(fourteenMonths(), 'rolling12', 'snapshot')).toThrow(
      /snapshot measure counts children on a date/,
    );
    expect(() => aggregateMonths([], 'fytd', 'snapshot')).toThrow(RangeError);
  });

  it('refuses a period that is not a calendar month, naming it', () => {
    const aprilToAugust = { period: periodBetween('2016-04-01', '2016-08-31'), numerator: 22, denominator: 259 };
    expect(() => aggregateMonths([aprilToAugust], 'fytd', 'flow')).toThrow(RangeError);
    expect(() => aggregateMonths([aprilToAugust], 'fytd', 'flow')).toThrow(/April to August 2016/);
    const wholeYear = { period: reportingYear(2017), numerator: 1, denominator: 2 };
    expect(() => aggregateMonths([...fourteenMonths(), wholeYear], 'rolling12', 'flow')).toThrow(/2016-17/);
    const partMonth = { period: periodBetween('2016-06-01', '2016-06-15'), numerator: 1, denominator: 2 };
    expect(() => aggregateMonths([partMonth], 'fytd', 'flow')).toThrow(/2016-06-01\/2016-06-15/);
  });

  it('refuses the same month twice', () => {
    const months = fourteenMonths();
    expect(() => aggregateMonths([...months, months[5]!], 'fytd', 'flow')).toThrow(/more than once/);
  });
});
