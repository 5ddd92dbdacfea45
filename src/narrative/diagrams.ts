/**
 * Diagrams (a table of figures and a chart) placed by templates with {{diagram "id"}} and referred to
 * with {{diagramRef "id"}}. Numbers are given in order of first mention, so "see Diagram 2" and the
 * caption always agree. The markup comes from the partial templates/partials/diagram.hbs.
 */
import type { RenderedDiagram } from '../charts/render-charts.js';
import { symbolLegend } from '../tables/values.js';
import type { DiagramSpec } from '../definition/schema.js';
import type { IndicatorResult, IndicatorSet } from '../indicators/types.js';
import { neighbourModelLabel } from '../indicators/neighbours.js';
import { unitNote } from '../indicators/units.js';
import { joinList, possessive } from '../format.js';
import { formatValue } from '../wording/figures.js';
import * as message from '../diagnostics/messages.js';
import type { DiagramPlacer } from './helpers.js';
import { TemplateUsageError } from './lookups.js';

export interface DiagramView {
  readonly id: string;
  readonly diagramNumber: number;
  readonly title: string;
  readonly unitNote: string;
  readonly table?: {
    readonly head: readonly string[];
    readonly rows: readonly { readonly name: string; readonly cells: readonly string[] }[];
    readonly notes: readonly string[];
  };
  /** The chart's SVG, when the diagram has one. */
  readonly chart?: string;
  readonly source: string;
}

export function createDiagramPlacer(
  diagrams: readonly DiagramSpec[],
  set: IndicatorSet,
  rendered: ReadonlyMap<string, RenderedDiagram>,
  renderPartial: (view: DiagramView) => string,
): DiagramPlacer & { readonly unplaced: () => string[]; readonly placed: () => readonly DiagramSpec[] } {
  const numbers = new Map<string, number>();
  const placed: string[] = [];

  const specOf = (id: string, line: number | undefined): DiagramSpec => {
    const spec = diagrams.find((diagram) => diagram.id === id);
    if (spec) return spec;
    throw new TemplateUsageError(
      message.noSuchDiagram(
        id,
        diagrams.map((diagram) => diagram.id),
      ),
      line,
    );
  };

  const numberOf = (id: string, line: number | undefined): number => {
    specOf(id, line);
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return numbers.get(id)!;
  };

  return {
    /** Diagrams referred to ("see Diagram 2") but never drawn. */
    unplaced: () => [...numbers.keys()].filter((id) => !placed.includes(id)),
    /** Diagrams drawn in the report, in order. */
    placed: () => placed.map((id) => specOf(id, undefined)),
    numberOf,
    render(id, line) {
      const spec = specOf(id, line);
      if (placed.includes(id)) throw new TemplateUsageError(message.diagramPlacedTwice(id), line);
      placed.push(id);
      return renderPartial(diagramView(spec, numberOf(id, line), set, rendered.get(id)!));
    },
  };
}

function diagramView(spec: DiagramSpec, number: number, set: IndicatorSet, rendered: RenderedDiagram): DiagramView {
  const indicator = set.indicators[spec.indicator]!;
  const notes = [
    (spec.series.includes('neighbours') && (spec.chart === 'trend' || spec.chart === 'none')) ||
    spec.chart === 'neighbours'
      ? neighboursNote(set, indicator)
      : undefined,
    symbolsNote(rendered.table.rows.flatMap((row) => row.cells)),
    replacedNote(set, indicator),
    publishedNote(set, indicator),
    indicator.periods.some((period) => !period.whole) && spec.chart === 'trend'
      ? `A period shorter than a year is the council's own figure for those months and is not shown in the chart.`
      : undefined,
  ].filter((note): note is string => note !== undefined);

  return {
    id: spec.id,
    diagramNumber: number,
    title: spec.title,
    unitNote: unitNote(indicator),
    table: spec.table ? { ...rendered.table, notes } : undefined,
    chart: rendered.svg,
    source: rendered.source,
  };
}

/** Which published figures the council's own records stand in for. */
function replacedNote(set: IndicatorSet, indicator: IndicatorResult): string | undefined {
  const replaced = indicator.periods.flatMap((period) => {
    const figure = indicator.series.council.figures[period.key];
    return figure?.replaces ? [{ period, figure, published: figure.replaces }] : [];
  });
  if (replaced.length === 0) return undefined;
  const each = replaced.map(
    ({ period, figure, published }) =>
      `${period.label} (${formatValue(published, indicator)} published${figure.source ? `; ${figure.source.file}` : ''})`,
  );
  return `${possessive(set.comparators.council.name)} own figure is shown in place of the one published in ${indicator.sourceName} for ${joinList(each)}.`;
}

/** Figures quoted as published (value:), which the report took as they were and did not compute. */
function publishedNote(set: IndicatorSet, indicator: IndicatorResult): string | undefined {
  const quoted = indicator.periods.filter((period) => indicator.series.council.figures[period.key]?.published);
  if (quoted.length === 0) return undefined;
  return `${possessive(set.comparators.council.name)} figures for ${joinList(quoted.map((p) => p.label))} are as the council published them, not computed from counts.`;
}

/** Which model, which average, which councils, and any year in which fewer of them had a figure. */
function neighboursNote(set: IndicatorSet, indicator: IndicatorResult): string {
  const { areas, average, model } = set.comparators.neighbours;
  const short = indicator.periods.flatMap((period) => {
    const count = indicator.series.neighbours.figures[period.key]?.count;
    return count !== undefined && count > 0 && count < areas.length ? [`${period.label} (${count})`] : [];
  });
  return (
    `Statistical neighbours: the ${average} of the figures of the ${areas.length} councils most like ${set.comparators.council.name} ` +
    `in DfE's ${neighbourModelLabel(model)} statistical neighbour model (${areas.map((a) => a.name).join(', ')}).` +
    (short.length ? ` Fewer of them had a figure in ${joinList(short)}.` : '')
  );
}

/** The meaning of each symbol the table shows, and only those. */
function symbolsNote(cells: readonly string[]): string | undefined {
  const legend = symbolLegend(cells);
  return legend.length ? `${legend.join('; ')}.` : undefined;
}
