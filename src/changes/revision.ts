/**
 * The revision note: "Revised on 14 November 2025: <text>". The officer's own text when the definition
 * gives one; otherwise a draft made from what changed since the previous build (the figures that
 * differ and the paragraphs they moved), for the officer to keep or rewrite. A rebuild that changes
 * nothing keeps the previous build's note, so building twice does not lose it.
 */
import { capitalised, joinList, plural } from '../format.js';
import type { Changes } from './compare.js';
import type { Manifest } from './manifest.js';

export interface Revision {
  readonly date: string;
  readonly text: string;
  /** Drafted by the build, not written by the officer. */
  readonly drafted: boolean;
}

/** How many changed figures a draft names before counting the rest. */
const NAMED = 3;

export function settleRevision(
  asked: { readonly date: string; readonly text?: string } | undefined,
  changes: Changes | undefined,
  previous: Manifest | undefined,
): Revision | undefined {
  if (!asked) return undefined;
  if (asked.text) return { date: asked.date, text: asked.text, drafted: false };
  const nothingNew = changes && changes.figures.length + changes.paragraphs.length + changes.charts.length === 0;
  if (nothingNew && previous?.revision?.date === asked.date)
    return { date: asked.date, text: previous.revision.text, drafted: true };
  return {
    date: asked.date,
    text: changes ? draftOf(changes) : 'This version replaces the one published earlier.',
    drafted: true,
  };
}

export function draftOf(changes: Changes): string {
  const figures = changes.figures.filter((change) => change.old && change.new);
  const named = figures.slice(0, NAMED).map((change) => {
    const f = change.new!;
    return `${f.indicator} for ${f.area} in ${f.period} is now ${f.value} (was ${change.old!.value})`;
  });
  const rest = figures.length - named.length;
  const sentences: string[] = [];
  if (named.length > 0) {
    const others = rest > 0 ? [plural(rest, 'other figure', 'other figures')] : [];
    sentences.push(`Figures corrected: ${joinList([...named, ...others])}.`);
  }
  // Each passage by the place a reader finds it: "paragraph 1.4", "Recommendations item 1".
  const moved = [...new Set(changes.paragraphs.map((change) => (change.new ?? change.old)!.place.replace(', ', ' ')))];
  if (changes.charts.length > 0) moved.push(plural(changes.charts.length, 'diagram'));
  // "To match" only when figures were corrected: a change of wording alone has nothing to match.
  if (moved.length > 0)
    sentences.push(`${capitalised(joinList(moved))} ${named.length > 0 ? 'updated to match' : 'changed'}.`);
  return sentences.length > 0 ? sentences.join(' ') : 'This version replaces the one published earlier.';
}
