/** What the end of a report says it was made from: the tool, the national sources, the neighbour model and the council's own files. */
import { formatDate } from '../dates.js';
import type { ReportDefinition } from '../definition/normalize.js';
import type { IndicatorSet } from '../indicators/types.js';
import type { RenderedNarrative } from '../narrative/render-narrative.js';
import { neighbourModelLabel } from '../indicators/neighbours.js';
import { TOOL_VERSION } from '../version.js';
import { joinList } from '../format.js';
import type { Provenance } from './assemble.js';

/**
 * Only what the report states, each once: the publications of the indicators its prose and diagrams
 * show, the neighbour model when it speaks of neighbours (a diagram draws them, a helper states them or
 * the prose names them), and each of the council's own files that such an indicator reads.
 */
export function provenanceOf(
  definition: ReportDefinition,
  set: IndicatorSet,
  narrative: RenderedNarrative,
): Provenance {
  const { used, sections } = narrative;
  const shownIds = new Set([
    ...used.indicators,
    ...used.diagrams.flatMap((d) => [d.indicator, ...(d.indicators ?? [])]),
  ]);
  const shown = Object.values(set.indicators).filter((i) => shownIds.has(i.id));
  // "DfE, Characteristics of children in need; ONS mid-year population estimates" is two publications.
  const national = [...new Set(shown.filter((i) => i.base !== 'custom').flatMap((i) => i.sourceName.split('; ')))];
  const model = neighbourModelLabel(set.comparators.neighbours.model);
  const neighboursUsed =
    used.series.has('neighbours') ||
    used.diagrams.some((d) => d.chart === 'neighbours' || (drawsSeries(d.chart) && d.series.includes('neighbours'))) ||
    sections.some((section) => /statistical neighbour/i.test(section.html));
  const read = new Set(definition.indicators.flatMap((i) => (i.local && shownIds.has(i.id) ? [i.local.source] : [])));
  const files = new Map<string, Set<string>>();
  for (const source of definition.data.local.filter((s) => read.has(s.id))) {
    const dates = files.get(source.file) ?? new Set<string>();
    if (source.asAt) dates.add(source.asAt);
    files.set(source.file, dates);
  }
  const local = [...files].map(([file, dates]) =>
    dates.size === 0 ? file : `${file}, as at ${joinList([...dates].sort().map(formatDate))}`,
  );
  return {
    tool: `scrutiny ${TOOL_VERSION}`,
    sources: [...national, ...(neighboursUsed ? [`DfE statistical neighbour model (${model})`] : []), ...local],
  };
}

/** Whether a diagram draws its series: the charts of one council's figures among others (benchmark, areas) do not. */
function drawsSeries(chart: ReportDefinition['diagrams'][number]['chart']): boolean {
  return chart === 'trend' || chart === 'none' || chart === 'breakdown';
}
