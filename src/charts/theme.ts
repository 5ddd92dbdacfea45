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
import type { SeriesName } from '../indicators/types.js';

const seriesStyle = z.strictObject({ color: z.string(), dash: z.array(z.number()), shape: z.string() });
const themeFile = z.looseObject({
  font: z.string(),
  series: z.strictObject({ council: seriesStyle, england: seriesStyle, region: seriesStyle, neighbours: seriesStyle }),
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
export type SeriesStyle = ThemeFile['series'][SeriesName];

export interface ChartTheme {
  readonly config: Config;
  readonly font: string;
  readonly series: Readonly<Record<SeriesName, SeriesStyle>>;
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
  const { series, colors, size, text, ...config } = checked.data;
  const axis = (config as Config).axis?.labelFontSize;
  return {
    config: config as Config,
    font: config.font,
    series,
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
