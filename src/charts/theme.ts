/**
 * The chart house style lives in templates/chart-theme.json: a Vega-Lite config plus, under "series",
 * each comparator's colour, dash and marker, so that series differ by more than colour.
 */
import type { Config } from 'vega-lite';
import type { SeriesName } from '../indicators/compute.js';

export interface SeriesStyle {
  readonly color: string;
  readonly dash: readonly number[];
  readonly shape: string;
}

export interface ChartTheme {
  readonly config: Config;
  readonly series: Readonly<Record<SeriesName, SeriesStyle>>;
}

export function parseChartTheme(json: string): ChartTheme {
  const { series, ...config } = JSON.parse(json) as Config & { series: Record<SeriesName, SeriesStyle> };
  return { config, series };
}
