/**
 * What a report says, in the form two builds are compared in: every figure (indicator, area, period,
 * as the report prints it, and the file and cell it came from), every block of text with its place,
 * and every diagram with a fingerprint of its data. Kept in the build's manifest, so any two builds
 * can be compared later without rebuilding either.
 */
import { createHash } from 'node:crypto';
import type { RenderedDiagram } from '../charts/render-charts.js';
import type { DiagramSpec } from '../definition/schema.js';
import { describePlace } from '../diagnostics/place.js';
import type { Figure, IndicatorResult, IndicatorSet, Series } from '../indicators/types.js';
import { formatValue } from '../wording/figures.js';
import { paragraphsOf, type Paragraph } from './paragraphs.js';

export interface FigureEntry {
  /** indicator id / series / period key: the same figure in two builds has the same key. */
  readonly key: string;
  readonly indicator: string;
  readonly area: string;
  readonly period: string;
  /** As the report prints it: "17.2%", "not published (suppressed)". */
  readonly value: string;
  /** "data/walsall-local.xlsx, sheet 'CPP', cell C7", when known. */
  readonly source?: string;
}

export interface ChartEntry {
  readonly id: string;
  readonly title: string;
  /** sha256 of the numbers the diagram draws and its text alternative. */
  readonly data: string;
}

export interface ReportContent {
  readonly figures: readonly FigureEntry[];
  readonly paragraphs: readonly Paragraph[];
  readonly charts: readonly ChartEntry[];
}

export function reportContent(
  set: IndicatorSet,
  diagrams: readonly DiagramSpec[],
  charts: ReadonlyMap<string, RenderedDiagram>,
  html: string,
): ReportContent {
  return {
    figures: Object.values(set.indicators).flatMap(figuresOf),
    paragraphs: paragraphsOf(html),
    charts: diagrams.flatMap((diagram) => {
      const chart = charts.get(diagram.id);
      if (!chart) return [];
      return [{ id: diagram.id, title: diagram.title, data: sha256(JSON.stringify([chart.table, chart.description])) }];
    }),
  };
}

function figuresOf(indicator: IndicatorResult): FigureEntry[] {
  const labels = new Map(indicator.periods.map((period) => [period.key, period.label]));
  const entries = (seriesKey: string, series: Series) =>
    Object.entries(series.figures).map(([period, figure]: [string, Figure]) => ({
      key: `${indicator.id}/${seriesKey}/${period}`,
      indicator: indicator.title,
      area: series.name,
      period: labels.get(period) ?? period,
      value: formatValue(figure, indicator),
      ...(figure.source ? { source: describePlace(figure.source) } : {}),
    }));
  return [
    ...Object.entries(indicator.series).flatMap(([key, series]) => (series ? entries(key, series) : [])),
    ...(indicator.areas?.series.flatMap((series) => entries(`${indicator.areas!.column}:${series.name}`, series)) ??
      []),
  ];
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
