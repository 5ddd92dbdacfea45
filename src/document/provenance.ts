/** What the end of a report says it was made from: the tool, the national sources, the neighbour model and the council's own files. */
import { formatDate } from '../dates.js';
import type { ReportDefinition } from '../definition/normalize.js';
import type { IndicatorSet } from '../indicators/types.js';
import { neighbourModelLabel } from '../indicators/neighbours.js';
import { TOOL_VERSION } from '../version.js';
import type { Provenance } from './assemble.js';

export function provenanceOf(definition: ReportDefinition, set: IndicatorSet): Provenance {
  const national = [...new Set(Object.values(set.indicators).map((indicator) => indicator.sourceName))];
  const model = neighbourModelLabel(set.comparators.neighbours.model);
  const local = definition.data.local.map(
    (source) => `${source.file}${source.asAt ? `, as at ${formatDate(source.asAt)}` : ''}`,
  );
  return {
    tool: `scrutiny ${TOOL_VERSION}`,
    sources: [...national, `DfE statistical neighbour model (${model})`, ...local],
  };
}

/** A logo file as a data: URL, so the document loads nothing. */
export function logoDataUrl(path: string, content: Uint8Array): string {
  const type = path.toLowerCase().endsWith('.svg')
    ? 'image/svg+xml'
    : /\.jpe?g$/i.test(path)
      ? 'image/jpeg'
      : 'image/png';
  return `data:${type};base64,${Buffer.from(content).toString('base64')}`;
}
