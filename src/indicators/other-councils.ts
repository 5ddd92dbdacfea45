/**
 * Other councils a report names as comparators (a neighbouring unitary, the county's other councils,
 * a council the committee asks about), by DfE code or by name, resolved against the national data.
 */
import * as message from '../diagnostics/messages.js';
import { nearest } from '../diagnostics/nearest.js';
import type { Place } from '../diagnostics/place.js';
import type { ProblemList } from '../diagnostics/report-error.js';
import { isBuiltInSeries, type Comparators, type CouncilCode, type SeriesName } from './types.js';

export type OtherCouncil = Comparators['others'][number];

/** "889" or "Blackburn with Darwen" -> the council; a name or code the data does not have is a problem at its place. */
export function resolveOtherCouncils(
  named: readonly { readonly text: string; readonly place: Place }[],
  councils: ReadonlyMap<string, string>,
  problems: ProblemList,
  /** The report's own council, when there is one: it is not its own comparator. */
  own?: string,
): OtherCouncil[] {
  const byName = new Map([...councils].map(([code, name]) => [name.toLowerCase(), code]));
  const seen = new Set<string>();
  return named.flatMap(({ text, place }) => {
    const written = text.trim();
    const code = /^\d{3}$/.test(written) ? written : byName.get(written.toLowerCase());
    if (code === undefined || !councils.has(code)) {
      problems.add(message.unknownComparatorCouncil(place, written, nearest(written, [...councils.values()])));
      return [];
    }
    if (code === own) {
      problems.add(message.comparatorIsOwn(place, written));
      return [];
    }
    if (seen.has(code)) {
      problems.add(message.comparatorTwice(place, written));
      return [];
    }
    seen.add(code);
    return [{ code: code as CouncilCode, name: councils.get(code)!, asWritten: written }];
  });
}

/** A series named in a diagram or a helper: a standing one, or another council by its code, name or the words the definition used. */
export function findSeries(others: readonly OtherCouncil[], name: string): SeriesName | undefined {
  const text = name.trim();
  if (isBuiltInSeries(text.toLowerCase())) return text.toLowerCase() as SeriesName;
  const lower = text.toLowerCase();
  return others.find((o) => [o.code, o.name, o.asWritten].some((n) => n.toLowerCase() === lower))?.code;
}
