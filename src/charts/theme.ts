/**
 * The chart house style lives in templates/chart-theme.json: a Vega-Lite config, plus each comparator's
 * colour, dash and marker under "series" (so series differ by more than colour), the colours of
 * highlights and reference lines under "colors", the plot size under "size" and the sizes of the text
 * the presets draw under "text". A report's `theme` overrides any of it.
 */
import type { Config } from 'vega-lite';
import { z } from 'zod';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { isBuiltInSeries, type BuiltInSeries, type SeriesName } from '../indicators/types.js';

const seriesStyle = z.strictObject({ color: z.string(), dash: z.array(z.number()), shape: z.string() });
const themeFile = z.looseObject({
  font: z.string(),
  series: z.strictObject({ council: seriesStyle, england: seriesStyle, region: seriesStyle, neighbours: seriesStyle }),
  /** Other councils named as comparators, in turn: distinct from the standing series by colour, dash and marker. */
  comparators: z
    .array(seriesStyle)
    .min(1)
    .prefault([
      { color: '#00703c', dash: [4, 2], shape: 'diamond' },
      { color: '#d4351c', dash: [1, 3], shape: 'triangle-up' },
      { color: '#5694ca', dash: [6, 2, 1, 2], shape: 'cross' },
      { color: '#912b88', dash: [3, 3], shape: 'triangle-down' },
    ]),
  colors: z.strictObject({
    /** The council's own bar or point among others. */
    highlight: z.string(),
    /** Every other council. */
    others: z.string(),
    /** England's reference line. */
    reference: z.string(),
    target: z.string(),
    /** Alternate quartile bands. */
    band: z.string(),
    /** Financial-year boundaries. */
    boundary: z.string(),
  }),
  size: z.strictObject({ width: z.number().positive(), height: z.number().positive() }),
  /** Text the presets draw themselves: labels on marks, notes on lines, small print, a standalone title. */
  text: z
    .strictObject({
      label: z.number().positive().default(13),
      note: z.number().positive().default(12),
      small: z.number().positive().default(11),
      title: z.number().positive().default(15),
    })
    .prefault({}),
});

type ThemeFile = z.output<typeof themeFile>;
export type SeriesStyle = ThemeFile['series']['council'];

export interface ChartTheme {
  readonly config: Config;
  readonly font: string;
  readonly series: Readonly<Record<BuiltInSeries, SeriesStyle>>;
  readonly comparators: readonly SeriesStyle[];
  readonly colors: ThemeFile['colors'];
  readonly size: ThemeFile['size'];
  readonly text: ThemeFile['text'];
  /** The axis labels' size, which decides whether period labels fit side by side. */
  readonly axisLabelSize: number;
}

/** The theme file's text, with the report's overrides laid over it -> theme; a problem names the file. */
export function parseChartTheme(
  file: string,
  json: string,
  overrides: Readonly<Record<string, unknown>> = {},
): ChartTheme {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ReportError(message.badThemeFile(file, error instanceof Error ? error.message : String(error)));
  }
  const checked = themeFile.safeParse(deepMerge(parsed, overrides));
  if (!checked.success) {
    throw new ReportError(
      checked.error.issues.map((issue) => message.badThemeFile(file, `"${issue.path.join('.')}" ${issue.message}`)),
    );
  }
  const { series, comparators, colors, size, text, ...config } = checked.data;
  const axis = (config as Config).axis?.labelFontSize;
  return {
    config: config as Config,
    font: config.font,
    series,
    comparators,
    colors,
    size,
    text,
    axisLabelSize: typeof axis === 'number' ? axis : text.label,
  };
}

/** Objects merged key by key; anything else (numbers, strings, arrays) replaced. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue; // never an object's own machinery
    merged[key] = deepMerge(base[key], value);
  }
  return merged;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The style of each series drawn together: the standing ones from "series", other councils from "comparators" in turn. */
export function seriesStyles(theme: ChartTheme, names: readonly SeriesName[]): SeriesStyle[] {
  let next = 0;
  return names.map((name) =>
    isBuiltInSeries(name) ? theme.series[name] : theme.comparators[next++ % theme.comparators.length]!,
  );
}
