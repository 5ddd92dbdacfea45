/**
 * The trend chart: the council against its comparators over the whole financial years of an indicator.
 * Part-year local figures are left out: a year to date is not comparable with a whole year.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorResult, SeriesName } from '../indicators/compute.js';
import { axisTitle } from '../indicators/units.js';
import type { ChartTheme } from './theme.js';

export interface ChartPoint {
  readonly series: string;
  readonly period: string;
  /** null where there is no figure: the line breaks there rather than bridging the gap. */
  readonly value: number | null;
}

export function trendPoints(indicator: IndicatorResult, series: readonly SeriesName[]): ChartPoint[] {
  const years = indicator.periods.filter((period) => period.whole);
  return series.flatMap((name) =>
    years.map((period) => {
      const value = indicator.series[name].figures[period.key]?.value ?? null;
      return { series: indicator.series[name].name, period: period.label, value };
    }),
  );
}

export function trendSpec(indicator: IndicatorResult, series: readonly SeriesName[], theme: ChartTheme): TopLevelSpec {
  const names = series.map((name) => indicator.series[name].name);
  const styles = series.map((name) => theme.series[name]);
  const years = indicator.periods.filter((period) => period.whole).map((period) => period.label);
  const legend = { values: names, sort: names };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: 220,
    data: { values: trendPoints(indicator, series) },
    encoding: {
      x: { field: 'period', type: 'ordinal', sort: years, title: null, axis: { labelPadding: 6 } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: axisTitle(indicator),
        scale: { zero: true },
        axis: { tickCount: 5, grid: true },
      },
      color: { field: 'series', type: 'nominal', scale: { domain: names, range: styles.map((s) => s.color) }, legend },
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: names, range: styles.map((s) => [...s.dash]) }, legend },
      shape: { field: 'series', type: 'nominal', scale: { domain: names, range: styles.map((s) => s.shape) }, legend },
    },
    layer: [{ mark: { type: 'line' } }, { mark: { type: 'point', filled: true } }],
    config: theme.config,
  } as TopLevelSpec;
}
