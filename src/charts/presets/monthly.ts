/**
 * The monthly run chart: the council's figure month by month, with a labelled target line and the
 * start of each financial year marked, so a committee sees the run against the goal.
 */
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import { calendarMonth } from '../../indicators/monthly.js';
import { formatCell, formatValue } from '../../wording/figures.js';
import type { Period } from '../../indicators/periods.js';
import type { ChartTheme } from '../theme.js';
import type { ChartContext, ChartDraft, Layer } from './types.js';
import { valueChannel } from './value-axis.js';

/** A calendar month: starts on the 1st and ends on its last day. */
const isMonth = (period: Period) => calendarMonth(period) !== undefined;

export function monthlyChart({ diagram, indicator, theme }: ChartContext): ChartDraft {
  const months = indicator.periods.filter(isMonth);
  const figures = indicator.series.council.figures;
  const points = months.map((period) => ({
    month: `${period.start}T00:00:00Z`,
    label: period.label,
    value: figures[period.key]?.value ?? null,
  }));
  const aprils = months
    .filter((period, i) => i > 0 && period.start.slice(5, 7) === '04')
    .map((period) => ({
      month: betweenMarchAndApril(Number(period.start.slice(0, 4))),
      year: `${period.start.slice(0, 4)}-${String((Number(period.start.slice(0, 4)) + 1) % 100).padStart(2, '0')}`,
    }));
  const target = diagram.target;
  // Month over year on two short lines, so every month fits under its own tick without turning.
  const x: PositionFieldDef<Field> = {
    field: 'month',
    type: 'temporal',
    title: null,
    axis: {
      labelExpr: "[timeFormat(datum.value, '%b'), timeFormat(datum.value, '%Y')]",
      labelAngle: 0,
      tickCount: 'month',
      grid: false,
      labelLineHeight: 14,
    },
  };
  // The target line is drawn on the same scale as the months, so the scale covers it too.
  const y = valueChannel(indicator, [...points.map((p) => p.value), target], {
    zero: diagram.zero,
    pixels: theme.size.height,
  });

  const layers: Layer[] = [
    ...yearStarts(aprils, theme),
    ...(target === undefined ? [] : targetLine(target, `Target ${formatValue({ value: target }, indicator)}`, theme)),
    { mark: { type: 'line', color: theme.series.council.color }, encoding: { x, y } },
    {
      mark: { type: 'point', filled: true, color: theme.series.council.color, shape: theme.series.council.shape },
      encoding: { x, y },
    },
  ];

  const withValues = points.filter((p) => p.value !== null);
  const last = withValues[withValues.length - 1];
  const met =
    target === undefined
      ? undefined
      : withValues.filter((p) => (indicator.polarity === 'low-is-good' ? p.value! <= target : p.value! >= target))
          .length;
  const description = [
    months.length
      ? `Run chart of ${indicator.shortTitle.toLowerCase()} for each month from ${months[0]!.label} to ${months[months.length - 1]!.label}.`
      : `Run chart of ${indicator.shortTitle.toLowerCase()} with no monthly figures.`,
    last ? `The latest month, ${last.label}, is ${formatValue({ value: last.value }, indicator)}.` : '',
    target !== undefined && indicator.polarity !== 'none'
      ? `The target is ${formatValue({ value: target }, indicator)}; it was met in ${met} of ${withValues.length} months.`
      : '',
  ];

  return {
    spec: {
      width: theme.size.width,
      height: theme.size.height,
      data: { values: points },
      layer: layers,
    },
    description: description.filter(Boolean).join(' '),
    table: {
      head: ['Month', indicator.series.council.name],
      rows: months.map((period) => ({ name: period.label, cells: [formatCell(figures[period.key], indicator)] })),
    },
  };
}

/**
 * Where a financial year's boundary is drawn: each month is plotted at its first day, so the boundary
 * goes half way from March's point to April's, between the two months rather than on April.
 */
function betweenMarchAndApril(year: number): string {
  return new Date((Date.UTC(year, 2, 1) + Date.UTC(year, 3, 1)) / 2).toISOString();
}

/** The start of each financial year after the first: a dotted rule, labelled with the year at the top. */
function yearStarts(aprils: readonly { month: string; year: string }[], theme: ChartTheme): Layer[] {
  if (aprils.length === 0) return [];
  const data = { values: [...aprils] };
  return [
    {
      data,
      mark: { type: 'rule', color: theme.colors.boundary, strokeDash: [2, 3] },
      encoding: { x: { field: 'month', type: 'temporal' } },
    },
    {
      data,
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'top',
        dx: 4,
        dy: 2,
        fontSize: theme.text.small,
        color: theme.colors.boundary,
      },
      encoding: { x: { field: 'month', type: 'temporal' }, y: { value: 0 }, text: { field: 'year' } },
    },
  ];
}

/** The target: a dashed rule across the plot, labelled at its right end. */
function targetLine(value: number, text: string, theme: ChartTheme): Layer[] {
  const data = { values: [{ value }] };
  return [
    {
      data,
      mark: { type: 'rule', color: theme.colors.target, strokeWidth: 2, strokeDash: [8, 4] },
      encoding: { y: { field: 'value', type: 'quantitative' } },
    },
    {
      data,
      mark: { type: 'text', align: 'right', dy: -7, fontSize: theme.text.note, color: theme.colors.target },
      encoding: {
        x: { value: theme.size.width },
        y: { field: 'value', type: 'quantitative' },
        text: { value: text },
      },
    },
  ];
}
