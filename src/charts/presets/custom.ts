/**
 * A chart the report writes in Vega-Lite itself. Its data comes only from indicators, bound by name
 * ({ "name": "repeat_plans" }): one row per area and period with series, period, value and symbol.
 */
import { ReportError } from '../../diagnostics/report-error.js';
import * as message from '../../diagnostics/messages.js';
import { seriesOf, SERIES_NAMES, type IndicatorSet } from '../../indicators/types.js';
import { trendChart } from './trend.js';
import type { ChartContext, ChartDraft } from './types.js';

export function customChart(context: ChartContext, spec: Readonly<Record<string, unknown>>, file: string): ChartDraft {
  // Checked against Vega-Lite's JSON Schema with the definition (check-vega-lite.ts), so it is a spec;
  // URLs and links were refused there too, and Vega's loader refuses them again.
  const bound = bindData(spec, context.set, context.diagram.id, file);
  const { table, description } = trendChart(context);
  return { spec: bound as ChartDraft['spec'], table, description: `${context.diagram.title}. ${description}` };
}

/** { data: { name: "<indicator>" } } anywhere -> the indicator's rows, inline. */
function bindData(value: unknown, set: IndicatorSet, diagram: string, file: string): unknown {
  if (Array.isArray(value)) return value.map((item) => bindData(item, set, diagram, file));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, v]) => {
    if (key === 'data' && typeof v === 'object' && v !== null && 'name' in v) {
      const id = String((v as { name: unknown }).name);
      const indicator = Object.hasOwn(set.indicators, id) ? set.indicators[id] : undefined;
      if (!indicator) throw new ReportError(message.chartUnknownData(file, diagram, id, Object.keys(set.indicators)));
      const values = SERIES_NAMES.flatMap((series) =>
        indicator.periods.map((period) => {
          const figure = seriesOf(indicator, series).figures[period.key];
          return {
            series: seriesOf(indicator, series).name,
            period: period.label,
            whole: period.whole,
            value: figure?.value ?? null,
            symbol: figure?.symbol ?? null,
          };
        }),
      );
      return [key, { values }];
    }
    return [key, bindData(v, set, diagram, file)];
  });
  return Object.fromEntries(entries);
}
