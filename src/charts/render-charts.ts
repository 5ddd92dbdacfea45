/** The chart stage: every diagram that asks for a chart -> SVG with its text alternative. */
import type { DiagramSpec } from '../definition/schema.js';
import type { IndicatorSet } from '../indicators/compute.js';
import { describeTrend } from './describe.js';
import { renderSvg } from './render-svg.js';
import type { ChartTheme } from './theme.js';
import { trendSpec } from './trend.js';

export interface RenderedChart {
  readonly id: string;
  readonly svg: string;
  readonly description: string;
}

export async function renderCharts(diagrams: readonly DiagramSpec[], set: IndicatorSet, theme: ChartTheme): Promise<Map<string, RenderedChart>> {
  const charts = new Map<string, RenderedChart>();
  for (const diagram of diagrams) {
    if (diagram.chart === 'none') continue;
    const indicator = set.indicators[diagram.indicator]!;
    const description = describeTrend(indicator, diagram.series, set.comparators.neighbours.average);
    const svg = await renderSvg(trendSpec(indicator, diagram.series, theme), { id: diagram.id, title: diagram.title, description });
    charts.set(diagram.id, { id: diagram.id, svg, description });
  }
  return charts;
}
