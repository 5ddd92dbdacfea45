/**
 * The chart house style lives in templates/chart-theme.json: a Vega-Lite config plus, under "series",
 * each comparator's colour, dash and marker, so that series differ by more than colour.
 */
import type { Config } from 'vega-lite';
import { z } from 'zod';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
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

const seriesStyle = z.strictObject({ color: z.string(), dash: z.array(z.number()), shape: z.string() });
const themeFile = z.looseObject({
  series: z.strictObject({ council: seriesStyle, england: seriesStyle, region: seriesStyle, neighbours: seriesStyle }),
});

/** The theme file's text -> theme; a problem names the file and what is wrong. */
export function parseChartTheme(file: string, json: string): ChartTheme {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ReportError(message.badThemeFile(file, error instanceof Error ? error.message : String(error)));
  }
  const checked = themeFile.safeParse(parsed);
  if (!checked.success) {
    throw new ReportError(checked.error.issues.map((issue) => message.badThemeFile(file, `"${issue.path.join('.')}" ${issue.message}`)));
  }
  const { series, ...config } = checked.data;
  return { config: config as Config, series };
}
