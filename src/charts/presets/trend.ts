/**
 * The trend chart: the council against its comparators over the whole financial years of an indicator.
 * Part-year local figures are left out: a year to date is not comparable with a whole year.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Axis } from 'vega-lite/types_unstable/axis.js';
import { seriesOf, type IndicatorResult, type SeriesName } from '../../indicators/types.js';
import { axisTitle } from '../../indicators/units.js';
import { formatCell } from '../../wording/figures.js';
import { measureText } from '../text-metrics.js';
import { describeTrend } from './describe-trend.js';
import { seriesStyles } from '../theme.js';
import type { ChartContext, ChartDraft, DiagramTable, Layer } from './types.js';
import { valueAxis, type ValueAxis } from './value-axis.js';

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
      const value = seriesOf(indicator, name).figures[period.key]?.value ?? null;
      return { series: seriesOf(indicator, name).name, period: period.label, value };
    }),
  );
}

/** The council against its comparators over time, with a table of every period (part years too). */
export function trendChart({ diagram, set, indicator, theme, series }: ChartContext): ChartDraft {
  return {
    spec: trendSpec(indicator, series, theme, diagram.zero),
    description: describeTrend(indicator, series, set.comparators.neighbours.average),
    table: trendTable(indicator, series),
  };
}

/**
 * The trend's numbers: a column for each period where the periods fit across an A4 page, and a row
 * for each where they do not (thirteen years of columns would make the table wider than the page, and
 * Chromium would print the whole report smaller to fit it).
 */
export function trendTable(indicator: IndicatorResult, series: readonly SeriesName[]): DiagramTable {
  const cell = (name: SeriesName, period: IndicatorResult['periods'][number]) =>
    formatCell(seriesOf(indicator, name).figures[period.key], indicator);
  if (periodsFitAcross(indicator.periods.map((period) => period.label)))
    return {
      head: ['Area', ...indicator.periods.map((period) => period.label)],
      rows: series.map((name) => ({
        name: seriesOf(indicator, name).name,
        cells: indicator.periods.map((period) => cell(name, period)),
      })),
    };
  return {
    head: ['Period', ...series.map((name) => seriesOf(indicator, name).name)],
    rows: indicator.periods.map((period) => ({ name: period.label, cells: series.map((name) => cell(name, period)) })),
  };
}

/** The text width of A4 less a first column, in points, and the padding and rule of a column (print.css). */
const TABLE_WIDTH_FOR_PERIODS = 476 - 120;
const COLUMN_PADDING = 11;

function periodsFitAcross(labels: readonly string[]): boolean {
  const width = labels.reduce((sum, label) => sum + measureText(label, 11, 600) + COLUMN_PADDING, 0);
  return width <= TABLE_WIDTH_FOR_PERIODS;
}

export function trendSpec(
  indicator: IndicatorResult,
  series: readonly SeriesName[],
  theme: ChartContext['theme'],
  zero = true,
): TopLevelSpec {
  const names = series.map((name) => seriesOf(indicator, name).name);
  const styles = seriesStyles(theme, series);
  const years = indicator.periods.filter((period) => period.whole);
  const points = trendPoints(indicator, series);
  // The scale's ends chosen here, so that line-end labels can be placed on it.
  const valueScale = valueAxis(
    points.map((p) => p.value),
    { zero, count: 5 },
  );
  const labels = valueScale && directLabels(points, years[years.length - 1]?.label, valueScale, theme);
  // Direct labels at the line ends where they fit; a legend (colour, dash and marker) where they would collide.
  const legend = labels ? null : { values: names, sort: names };
  return {
    width: theme.size.width - (labels?.width ?? 0),
    height: theme.size.height,
    data: { values: points },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        sort: years.map((p) => p.label),
        title: null,
        axis: periodAxis(
          years.map((p) => p.label),
          theme.size.width - (labels?.width ?? 0),
          theme.axisLabelSize,
        ),
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: axisTitle(indicator),
        scale: valueScale?.scale ?? { zero, nice: true },
        axis: { grid: true, ...(valueScale?.axis ?? { tickCount: 5 }) },
      },
      color: { field: 'series', type: 'nominal', scale: { domain: names, range: styles.map((s) => s.color) }, legend },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        scale: { domain: names, range: styles.map((s) => [...s.dash]) },
        legend,
      },
    },
    layer: [
      { mark: { type: 'line' } },
      // Markers only on the points: a shape means nothing to a line or a label.
      {
        mark: { type: 'point', filled: true },
        encoding: {
          shape: {
            field: 'series',
            type: 'nominal',
            scale: { domain: names, range: styles.map((s) => s.shape) },
            legend,
          },
        },
      },
      ...(labels ? lineEndLabels(labels.period, theme) : []),
    ],
  };
}

/** Each series named at the end of its line, in its own colour, where the names do not collide. */
function lineEndLabels(period: string, theme: ChartContext['theme']): Layer[] {
  return [
    {
      transform: [{ filter: { field: 'period', equal: period } }, { filter: 'isValid(datum.value)' }],
      mark: { type: 'text', align: 'left', dx: 9, fontSize: theme.text.label },
      encoding: { text: { field: 'series' }, color: { field: 'series', type: 'nominal', legend: null } },
    },
  ];
}

/** Year labels side by side where they fit; otherwise turned, each hanging from its own tick. */
function periodAxis(labels: readonly string[], width: number, fontSize: number): Axis {
  const widest = Math.max(0, ...labels.map((label) => measureText(label, fontSize)));
  const fits = labels.length * (widest + 8) <= width;
  return fits
    ? { labelPadding: 6 }
    : { labelPadding: 4, labelAngle: -45, labelAlign: 'right', labelBaseline: 'middle' };
}

/** The least vertical distance between two line-end labels, in pixels. */
const LABEL_GAP = 16;

/**
 * Whether every series can be named at the end of its line: the last year's values, placed on the
 * scale we chose ourselves, must be at least a label's height apart.
 */
function directLabels(
  points: readonly ChartPoint[],
  period: string | undefined,
  { low, top }: ValueAxis,
  theme: ChartContext['theme'],
) {
  const last = points.filter((p) => p.period === period && p.value !== null);
  if (period === undefined || last.length === 0) return undefined;
  const ys = last.map((p) => theme.size.height * (1 - (p.value! - low) / (top - low))).sort((a, b) => a - b);
  if (ys.some((y, i) => i > 0 && y - ys[i - 1]! < LABEL_GAP)) return undefined;
  const width = Math.max(...last.map((p) => measureText(p.series, theme.text.label))) + 14;
  return { period, width };
}
