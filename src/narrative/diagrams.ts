/**
 * Diagrams (a table of figures and a chart) placed by templates with {{diagram "id"}} and referred to
 * with {{diagramRef "id"}}. Numbers are given in order of first mention, so "see Diagram 2" and the
 * caption always agree. The markup comes from the partial templates/partials/diagram.hbs.
 */
import type { RenderedChart } from '../charts/render-charts.js';
import type { DiagramSpec } from '../definition/schema.js';
import type { IndicatorSet } from '../indicators/compute.js';
import { formatCell } from './phrases.js';
import { TemplateUsageError, type DiagramPlacer } from './helpers.js';

export interface DiagramView {
  readonly id: string;
  readonly diagramNumber: number;
  readonly title: string;
  readonly unitNote: string;
  readonly table?: {
    readonly periods: readonly string[];
    readonly rows: readonly { readonly name: string; readonly cells: readonly string[] }[];
    readonly notes: readonly string[];
  };
  readonly chart?: RenderedChart;
  readonly source: string;
}

export function createDiagramPlacer(
  diagrams: readonly DiagramSpec[],
  set: IndicatorSet,
  charts: ReadonlyMap<string, RenderedChart>,
  renderPartial: (view: DiagramView) => string,
): DiagramPlacer & { readonly placed: readonly string[] } {
  const numbers = new Map<string, number>();
  const placed: string[] = [];

  const specOf = (id: string, line: number | undefined): DiagramSpec => {
    const spec = diagrams.find((diagram) => diagram.id === id);
    if (spec) return spec;
    const known = diagrams.map((diagram) => `"${diagram.id}"`).join(', ') || 'none';
    throw new TemplateUsageError(`there is no diagram "${id}"; the report defines ${known}`, line);
  };

  const numberOf = (id: string, line: number | undefined): number => {
    specOf(id, line);
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return numbers.get(id)!;
  };

  return {
    placed,
    numberOf,
    render(id, line) {
      const spec = specOf(id, line);
      if (placed.includes(id)) throw new TemplateUsageError(`diagram "${id}" is placed twice; refer to it again with {{diagramRef "${id}"}}`, line);
      placed.push(id);
      return renderPartial(diagramView(spec, numberOf(id, line), set, charts.get(id)));
    },
  };
}

function diagramView(spec: DiagramSpec, number: number, set: IndicatorSet, chart: RenderedChart | undefined): DiagramView {
  const indicator = set.indicators[spec.indicator]!;
  const unitNote = indicator.unit === 'percent' ? 'Figures are percentages.' : 'Figures are rates per 10,000 children aged 0 to 17.';
  const average = set.comparators.neighbours.average;
  const neighbours = set.comparators.neighbours;
  const notes = [
    spec.series.includes('neighbours') &&
      `Statistical neighbours: the ${average} of the figures of the ${neighbours.areas.length} councils most like ${set.comparators.council.name} in DfE's ${neighbours.model === '2021' ? 'April 2021' : '2025'} statistical neighbour model (${neighbours.areas.map((a) => a.name).join(', ')}).`,
    hasMissing(spec, set) && 'x: not available (national figures are not yet published for this period); c: suppressed to protect confidentiality.',
    indicator.periods.some((period) => !period.whole) &&
      `A period shorter than a year is the council's own figure for those months and is not shown in the chart.`,
  ].filter((note): note is string => typeof note === 'string');

  return {
    id: spec.id,
    diagramNumber: number,
    title: spec.title,
    unitNote,
    table: spec.table
      ? {
          periods: indicator.periods.map((period) => period.label),
          rows: spec.series.map((name) => ({
            name: indicator.series[name].name,
            cells: indicator.periods.map((period) => formatCell(indicator.series[name].figures[period.key], indicator)),
          })),
          notes,
        }
      : undefined,
    chart,
    source: `Source: ${indicator.sourceName}${indicator.periods.some((p) => !p.whole) ? `; ${set.comparators.council.name}'s own records` : ''}.`,
  };
}

function hasMissing(spec: DiagramSpec, set: IndicatorSet): boolean {
  const indicator = set.indicators[spec.indicator]!;
  return spec.series.some((name) => indicator.periods.some((period) => indicator.series[name].figures[period.key]?.value == null));
}
