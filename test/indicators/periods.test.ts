/**
 * Periods are financial years, April to March, written 2015-16; DfE's "reporting year 2016" is the year
 * ending 31 March 2016. A council's own figures may cover part of a year ("April to August 2016").
 */
import { describe, expect, it } from 'vitest';
import {
  byEndDate,
  financialYearLabel,
  parseFinancialYear,
  periodBetween,
  reportingYear,
  sameTimeYearBefore,
  type Period,
} from '../../src/indicators/periods.js';

describe('financialYearLabel', () => {
  it('labels the year ending March 2016 as 2015-16', () => {
    expect(financialYearLabel(2016)).toBe('2015-16');
  });

  it('labels the year ending March 2025 (DfE reporting year 2025) as 2024-25', () => {
    expect(financialYearLabel(2025)).toBe('2024-25');
  });

  it('keeps two digits for the second year, across a decade and a century', () => {
    expect(financialYearLabel(2010)).toBe('2009-10');
    expect(financialYearLabel(2009)).toBe('2008-09');
    expect(financialYearLabel(2000)).toBe('1999-00');
  });
});

describe('reportingYear', () => {
  it('runs from 1 April to 31 March, keyed and labelled as the financial year', () => {
    expect(reportingYear(2016)).toEqual({
      key: '2015-16',
      label: '2015-16',
      start: '2015-04-01',
      end: '2016-03-31',
      whole: true,
    });
  });

  it('is a whole year', () => {
    expect(reportingYear(2025).whole).toBe(true);
    expect(reportingYear(2025).end).toBe('2025-03-31');
  });
});

describe('parseFinancialYear', () => {
  it('reads 2015-16 as the year ending March 2016', () => {
    expect(parseFinancialYear('2015-16')).toBe(2016);
    expect(parseFinancialYear('2024-25')).toBe(2025);
  });

  it('reads a year that crosses a century', () => {
    expect(parseFinancialYear('1999-00')).toBe(2000);
  });

  it('rejects two halves that do not follow on', () => {
    expect(parseFinancialYear('2015-17')).toBeUndefined();
    expect(parseFinancialYear('2015-15')).toBeUndefined();
    expect(parseFinancialYear('2016-15')).toBeUndefined();
  });

  it('rejects text that is not a financial year', () => {
    expect(parseFinancialYear('2016')).toBeUndefined();
    expect(parseFinancialYear('2015-2016')).toBeUndefined();
    expect(parseFinancialYear('15-16')).toBeUndefined();
    expect(parseFinancialYear(' 2015-16')).toBeUndefined();
    expect(parseFinancialYear('')).toBeUndefined();
  });

  it('is the inverse of financialYearLabel', () => {
    for (const year of [2001, 2010, 2013, 2016, 2025, 2100])
      expect(parseFinancialYear(financialYearLabel(year))).toBe(year);
  });
});

describe('periodBetween', () => {
  it('gives a whole financial year its usual key and label', () => {
    expect(periodBetween('2015-04-01', '2016-03-31')).toEqual({
      key: '2015-16',
      label: '2015-16',
      start: '2015-04-01',
      end: '2016-03-31',
      whole: true,
    });
  });

  it('labels April to August 2016 as "April to August 2016", a part year', () => {
    const period = periodBetween('2016-04-01', '2016-08-31');
    expect(period.label).toBe('April to August 2016');
    expect(period.whole).toBe(false);
    expect(period.start).toBe('2016-04-01');
    expect(period.end).toBe('2016-08-31');
  });

  it('keys a part year by its dates, distinct from any financial year key', () => {
    expect(periodBetween('2016-04-01', '2016-08-31').key).toBe('2016-04-01/2016-08-31');
    expect(periodBetween('2016-04-01', '2016-08-31').key).not.toBe(periodBetween('2016-04-01', '2016-07-31').key);
  });

  it('names both years when a period spans a new year', () => {
    const period = periodBetween('2016-10-01', '2017-02-28');
    expect(period.label).toBe('October 2016 to February 2017');
    expect(period.whole).toBe(false);
  });

  it('treats rolling 12 months that are not April to March as a part period, labelled with both years', () => {
    const period = periodBetween('2015-09-01', '2016-08-31');
    expect(period.label).toBe('September 2015 to August 2016');
    expect(period.whole).toBe(false);
  });

  it('does not treat two financial years, or a year starting mid-April, as one whole year', () => {
    expect(periodBetween('2014-04-01', '2016-03-31').whole).toBe(false);
    expect(periodBetween('2014-04-01', '2016-03-31').label).toBe('April 2014 to March 2016');
    expect(periodBetween('2015-04-02', '2016-03-31').whole).toBe(false);
    expect(periodBetween('2015-04-01', '2016-03-30').whole).toBe(false);
  });

  it('labels a single month as "June 2016", not "June to June 2016"', () => {
    expect(periodBetween('2016-06-01', '2016-06-30').label).toBe('June 2016');
    expect(periodBetween('2016-06-01', '2016-06-30').key).toBe('2016-06-01/2016-06-30');
  });
});

describe('sameTimeYearBefore', () => {
  const months = [
    periodBetween('2015-02-01', '2015-02-28'),
    periodBetween('2015-04-01', '2015-07-31'),
    reportingYear(2016),
  ];

  it('finds the same months a year earlier, a leap-year February ending with its month', () => {
    expect(sameTimeYearBefore(periodBetween('2016-02-01', '2016-02-29'), months)?.key).toBe('2015-02-01/2015-02-28');
    expect(sameTimeYearBefore(periodBetween('2016-04-01', '2016-07-31'), months)?.label).toBe('April to July 2015');
  });

  it('finds nothing when the year before has no such part, and never a whole year for a part', () => {
    expect(sameTimeYearBefore(periodBetween('2016-04-01', '2016-08-31'), months)).toBeUndefined();
    expect(sameTimeYearBefore(periodBetween('2017-01-01', '2017-01-31'), months)).toBeUndefined();
  });
});

describe('byEndDate', () => {
  const p = (start: string, end: string): Period => periodBetween(start, end);

  it('orders periods by their last day', () => {
    const periods = [reportingYear(2017), p('2016-04-01', '2016-08-31'), reportingYear(2014), reportingYear(2016)];
    expect([...periods].sort(byEndDate).map((period) => period.label)).toEqual([
      '2013-14',
      '2015-16',
      'April to August 2016',
      '2016-17',
    ]);
  });

  it('puts the later national year after an earlier part year, and the part year after the year before it', () => {
    expect(byEndDate(reportingYear(2016), p('2016-04-01', '2016-08-31'))).toBeLessThan(0);
    expect(byEndDate(p('2016-04-01', '2016-08-31'), reportingYear(2016))).toBeGreaterThan(0);
  });

  it('puts the longer of two periods ending on the same day first (earlier start)', () => {
    const rolling = p('2015-09-01', '2016-08-31');
    const yearToDate = p('2016-04-01', '2016-08-31');
    expect(byEndDate(rolling, yearToDate)).toBeLessThan(0);
    expect(byEndDate(yearToDate, rolling)).toBeGreaterThan(0);
  });

  it('says two identical periods are equal', () => {
    expect(byEndDate(reportingYear(2016), reportingYear(2016))).toBe(0);
  });
});
