/**
 * The chart stage: every diagram -> its table, its text alternative and (unless it is a table alone)
 * its chart as SVG twice over: once to sit in the document under the diagram's own caption, and once
 * standalone, with its title and source line, for slides.
 *
 *   diagram ─► preset (trend, benchmark, neighbours, breakdown, monthly, or a Vega-Lite spec)
 *           ─► Vega-Lite + house theme ─► SVG (ids per chart, role="img", <title>, <desc>)
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { NonNormalizedSpec, UnitSpecWithFrame } from 'vega-lite/types_unstable/spec/index.js';
import type { DiagramSpec } from '../definition/schema.js';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { IndicatorSet } from '../indicators/types.js';
import { findPeriod } from '../indicators/periods.js';
import { findSeries } from '../indicators/other-councils.js';
import { possessive } from '../format.js';
import { areasChart } from './presets/areas.js';
import { benchmarkChart } from './presets/benchmark.js';
import { breakdownChart } from './presets/breakdown.js';
import { customChart } from './presets/custom.js';
import { monthlyChart } from './presets/monthly.js';
import { neighboursChart } from './presets/neighbours.js';
import { trendChart } from './presets/trend.js';
import type { ChartContext, ChartDraft, DiagramTable } from './presets/types.js';
import { drawSvg } from './draw-svg.js';
import type { ChartText } from './render-svg.js';
import type { ChartTheme } from './theme.js';

export interface RenderedDiagram {
  readonly id: string;
  readonly description: string;
  readonly table: DiagramTable;
  /** The source line under the chart. */
  readonly source: string;
  /** For the document: no title or source (the diagram's caption and notes give them as text). */
  readonly svg?: string;
  /**
   * For slides: with its title and source line. Drawn on request, so a build can draw these while the
   * browser prints the document.
   */
  readonly standalone?: () => Promise<string>;
}

const PRESETS = {
  trend: trendChart,
  benchmark: benchmarkChart,
  neighbours: neighboursChart,
  breakdown: breakdownChart,
  monthly: monthlyChart,
  areas: areasChart,
} as const;

export async function renderCharts(
  diagrams: readonly DiagramSpec[],
  set: IndicatorSet,
  theme: ChartTheme,
  file: string,
): Promise<Map<string, RenderedDiagram>> {
  // Every chart is sent to be drawn before any is awaited (draw-svg.ts draws them in a thread of their
  // own); they are awaited in order, so the problem reported is the first diagram's, as when drawn in turn.
  const drawing = diagrams.map((diagram) => renderDiagram(diagram, set, theme, file));
  for (const diagram of drawing) diagram.catch(() => undefined);
  const rendered = new Map<string, RenderedDiagram>();
  for (const diagram of drawing) {
    const done = await diagram;
    rendered.set(done.id, done);
  }
  return rendered;
}

async function renderDiagram(
  diagram: DiagramSpec,
  set: IndicatorSet,
  theme: ChartTheme,
  file: string,
): Promise<RenderedDiagram> {
  const context = contextOf(diagram, set, theme, file);
  const draft = draftOf(context, file);
  const source = sourceLine(context);
  const text = { id: diagram.id, title: diagram.title, description: draft.description };
  // A chart the report writes itself may hold what Vega cannot draw (an expression it refuses): a problem of the report's.
  const draw =
    typeof diagram.chart === 'object'
      ? (spec: TopLevelSpec, id: string) => drawOwnChart(spec, { ...text, id }, file)
      : (spec: TopLevelSpec, id: string) => drawSvg(spec, { ...text, id });
  const spec = draft.spec;
  const svg = spec && (await draw(themed(spec, theme), diagram.id));
  const standalone =
    spec &&
    (() => draw(withTitleAndSource(themed(spec, theme), diagram.title, source, theme), `${diagram.id}-standalone`));
  return { id: diagram.id, description: draft.description, table: draft.table, source, svg, standalone };
}

async function drawOwnChart(spec: TopLevelSpec, text: ChartText, file: string): Promise<string> {
  try {
    return await drawSvg(spec, text);
  } catch (error) {
    if (!(error instanceof Error) || error instanceof ReportError) throw error;
    throw new ReportError(message.chartCannotDraw(file, text.id.replace(/-standalone$/, ''), error.message));
  }
}

function contextOf(diagram: DiagramSpec, set: IndicatorSet, theme: ChartTheme, file: string): ChartContext {
  const indicator = set.indicators[diagram.indicator]!;
  const period = findPeriod(indicator.periods, diagram.period);
  if (!period)
    throw new ReportError(
      message.diagramPeriod(
        file,
        diagram.id,
        diagram.period,
        indicator.id,
        indicator.periods.map((p) => p.label),
      ),
    );
  // A council named among the comparators that is the report's own (in a run for many councils) is left out.
  const series = diagram.series.flatMap((name) => findSeries(set.comparators.others, name) ?? []);
  return { diagram, set, indicator, period, theme, series };
}

function draftOf(context: ChartContext, file: string): ChartDraft {
  const chart = context.diagram.chart;
  if (typeof chart === 'object') return customChart(context, chart.vegaLite, file);
  if (chart === 'none') {
    const { spec: _none, ...tableOnly } = trendChart(context);
    return tableOnly;
  }
  return PRESETS[chart](context);
}

/** "Source: DfE, Characteristics of children in need" (and the council's own records where used). */
function sourceLine({ indicator, set, diagram }: ChartContext): string {
  const showsLocal = diagram.chart === 'trend' || diagram.chart === 'none' || typeof diagram.chart === 'object';
  const local = showsLocal && indicator.periods.some((period) => !period.whole) && indicator.base !== 'custom';
  return `Source: ${indicator.sourceName}${local ? `; ${possessive(set.comparators.council.name)} own records` : ''}.`;
}

function themed(spec: TopLevelSpec, theme: ChartTheme): TopLevelSpec {
  return { ...spec, config: theme.config };
}

/** The chart with its title above and its source line below everything, legend included, for use on its own. */
function withTitleAndSource(spec: TopLevelSpec, title: string, source: string, theme: ChartTheme): TopLevelSpec {
  const { config = {}, ...chart } = spec;
  const sourceLine: UnitSpecWithFrame<Field> = {
    width: theme.size.width,
    height: 14,
    data: { values: [{ source }] },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'top',
      fontSize: theme.text.small,
      font: theme.font,
      color: theme.colors.reference,
    },
    encoding: { text: { field: 'source' }, x: { value: 0 }, y: { value: 0 } },
  };
  return {
    // The legend goes above the chart, so the source line is the last thing on it.
    config: { ...config, legend: { ...config.legend, orient: 'top' } },
    title: {
      text: title,
      anchor: 'start',
      fontSize: theme.text.title,
      fontWeight: 'bold',
      font: theme.font,
      offset: 12,
      limit: theme.size.width + 120,
    },
    // A preset's chart is made as a top-level spec; nested here, it may not hold top-level parameters, and none does.
    vconcat: [chart as NonNormalizedSpec, sourceLine],
    spacing: 12,
  };
}
