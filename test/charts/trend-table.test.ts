/**
 * The numbers table under a trend chart: periods across while they fit A4's width, periods down when a
 * long run of years would make the table wider than the page (and Chromium print the report smaller).
 */
import { describe, expect, it } from 'vitest';
import { trendTable } from '../../src/charts/presets/trend.js';
import type { IndicatorResult } from '../../src/indicators/types.js';
import { repeatPlans, series, year } from '../support/indicator-results.js';

/** Thirteen whole years, 2012-13 to 2024-25, Walsall's figure rising by a point a year from 10.0. */
function thirteenYears(): IndicatorResult {
  const years = Array.from({ length: 13 }, (_, i) => year(`${2012 + i}-${String(13 + i).padStart(2, '0')}`, 2013 + i));
  const figures = (start: number) => Object.fromEntries(years.map((period, i) => [period.key, { value: start + i }]));
  return {
    ...repeatPlans,
    periods: years,
    series: {
      ...repeatPlans.series,
      council: series('Walsall', figures(10)),
      england: series('England', figures(20)),
    },
  };
}

describe('trendTable', () => {
  it('puts the example’s four years and its part year across, one row per area', () => {
    const table = trendTable(repeatPlans, ['council', 'england']);
    expect(table.head).toEqual(['Area', '2012-13', '2013-14', '2014-15', '2015-16', 'April to August 2016']);
    expect(table.rows).toEqual([
      { name: 'Walsall', cells: ['10.4', '13.8', '13.3', '17.2', '8.5'] },
      { name: 'England', cells: ['14.9', '15.8', '16.6', '17.9', 'x'] },
    ]);
  });

  it('puts thirteen years down, one row per year and one column per area', () => {
    const table = trendTable(thirteenYears(), ['council', 'england']);
    expect(table.head).toEqual(['Period', 'Walsall', 'England']);
    expect(table.rows.length).toBe(13);
    expect(table.rows[0]).toEqual({ name: '2012-13', cells: ['10.0', '20.0'] });
    expect(table.rows[12]).toEqual({ name: '2024-25', cells: ['22.0', '32.0'] });
  });
});
