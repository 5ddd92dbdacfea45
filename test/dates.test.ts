/** The one dates module: real days only, the British way of writing them, month arithmetic without Date objects. */
import { describe, expect, it } from 'vitest';
import {
  firstDayOf,
  formatDate,
  fromMonthIndex,
  isRealDay,
  lastDayOf,
  monthIndex,
  parseCellDate,
  parseIsoDate,
  parseIsoMonth,
  yearMonthOf,
} from '../src/dates.js';

describe('dates', () => {
  it('knows which days are real: leap years by the Gregorian rule', () => {
    expect([isRealDay(2024, 2, 29), isRealDay(2025, 2, 29), isRealDay(2000, 2, 29), isRealDay(1900, 2, 29)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect([
      isRealDay(2025, 2, 30),
      isRealDay(2025, 4, 31),
      isRealDay(2025, 13, 1),
      isRealDay(2025, 0, 1),
      isRealDay(2025, 1, 0),
      isRealDay(2025, 1.5, 1),
    ]).toEqual([false, false, false, false, false, false]);
  });

  it('reads ISO dates and months, and the day-first dates officers type', () => {
    expect([parseIsoDate('2016-10-11'), parseIsoDate('2025-02-30'), parseIsoDate('2016-1-11')]).toEqual([
      '2016-10-11',
      undefined,
      undefined,
    ]);
    expect([parseIsoMonth('2016-06'), parseIsoMonth('2016-13')]).toEqual(['2016-06', undefined]);
    expect([
      parseCellDate('01/04/2016'),
      parseCellDate('1/4/2016'),
      parseCellDate('31/02/2016'),
      parseCellDate('2016-04-01'),
    ]).toEqual(['2016-04-01', '2016-04-01', undefined, '2016-04-01']);
  });

  it('writes dates the British way', () => {
    expect([formatDate('2016-10-11'), formatDate('2016-06'), formatDate('2025-03-01')]).toEqual([
      '11 October 2016',
      'June 2016',
      '1 March 2025',
    ]);
    expect(() => formatDate('2025-02-30')).toThrow(RangeError);
  });

  it('gives the first and last day of a month, and counts months across years', () => {
    expect([
      firstDayOf({ year: 2016, month: 2 }),
      lastDayOf({ year: 2016, month: 2 }),
      lastDayOf({ year: 2017, month: 2 }),
      lastDayOf({ year: 2016, month: 9 }),
    ]).toEqual(['2016-02-01', '2016-02-29', '2017-02-28', '2016-09-30']);
    expect(yearMonthOf('2016-08-17')).toEqual({ year: 2016, month: 8 });
    expect(() => yearMonthOf('2016-02-30')).toThrow(RangeError);
    // Eleven months before August 2016 is September 2015.
    expect(fromMonthIndex(monthIndex({ year: 2016, month: 8 }) - 11)).toEqual({ year: 2015, month: 9 });
  });
});
