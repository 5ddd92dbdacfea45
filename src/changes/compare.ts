/**
 * Two builds of a report -> what changed between them: figures (by indicator, area and period),
 * blocks of text (aligned in order, so a paragraph added early does not make every later one look
 * changed), diagrams whose data changed, input files, and the page count.
 */
import { diffArrays } from 'diff';
import { plural } from '../format.js';
import type { FigureEntry, ReportContent } from './content.js';
import type { Manifest } from './manifest.js';
import type { Paragraph } from './paragraphs.js';

export interface Changed<T> {
  /** Absent when the new build added it. */
  readonly old?: T;
  /** Absent when the new build no longer has it. */
  readonly new?: T;
}

export interface Changes {
  readonly figures: readonly Changed<FigureEntry>[];
  readonly paragraphs: readonly Changed<Paragraph>[];
  readonly charts: readonly Changed<Manifest['content']['charts'][number]>[];
  readonly inputs: readonly Changed<Manifest['inputs'][number]>[];
  readonly pages: Changed<number>;
}

/** What a build is compared by: a manifest, or a build not yet finished (no pages yet). */
export interface Comparable {
  readonly content: ReportContent;
  readonly inputs: readonly Manifest['inputs'][number][];
  readonly pages?: number;
}

export function compareBuilds(before: Comparable, after: Comparable): Changes {
  return {
    figures: byKey(
      before.content.figures,
      after.content.figures,
      (f) => f.key,
      (a, b) => a.value !== b.value,
    ),
    paragraphs: alignText(before.content.paragraphs, after.content.paragraphs),
    charts: byKey(
      before.content.charts,
      after.content.charts,
      (c) => c.id,
      (a, b) => a.data !== b.data,
    ),
    inputs: byKey(
      before.inputs,
      after.inputs,
      (i) => i.file,
      (a, b) => a.sha256 !== b.sha256,
    ),
    pages: { old: before.pages, new: after.pages },
  };
}

/** Whether anything a reader would see is different. */
export function anythingChanged(changes: Changes): boolean {
  return (
    changes.figures.length + changes.paragraphs.length + changes.charts.length > 0 ||
    changes.pages.old !== changes.pages.new
  );
}

/** "3 figures changed, 2 paragraphs changed, 1 diagram's data changed, pages 6 -> 6". */
export function summaryOf(changes: Changes): string {
  const pages =
    changes.pages.old !== undefined || changes.pages.new !== undefined
      ? [`pages ${changes.pages.old ?? 'none'} -> ${changes.pages.new ?? 'none'}`]
      : [];
  return [
    `${plural(changes.figures.length, 'figure')} changed`,
    `${plural(changes.paragraphs.length, 'paragraph')} changed`,
    `${plural(changes.charts.length, 'diagram')} with changed data`,
    ...pages,
  ].join(', ');
}

function byKey<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  differ: (a: T, b: T) => boolean,
): Changed<T>[] {
  const old = new Map(before.map((item) => [key(item), item]));
  const changes: Changed<T>[] = [];
  const seen = new Set<string>();
  for (const item of after) {
    const k = key(item);
    seen.add(k);
    const was = old.get(k);
    if (!was) changes.push({ new: item });
    else if (differ(was, item)) changes.push({ old: was, new: item });
  }
  for (const item of before) if (!seen.has(key(item))) changes.push({ old: item });
  return changes;
}

/**
 * Blocks kept in both builds anchor the alignment; between two anchors, removed and added blocks are
 * paired in order as one block changed, and any left over were removed or added outright.
 */
function alignText(before: readonly Paragraph[], after: readonly Paragraph[]): Changed<Paragraph>[] {
  const parts = diffArrays([...before], [...after], { comparator: (a, b) => a.text === b.text });
  const changes: Changed<Paragraph>[] = [];
  let removed: Paragraph[] = [];
  const flush = (added: readonly Paragraph[]) => {
    const n = Math.max(removed.length, added.length);
    for (let i = 0; i < n; i++) changes.push({ old: removed[i], new: added[i] });
    removed = [];
  };
  for (const part of parts) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) flush(part.value);
    else flush([]);
  }
  flush([]);
  return changes.map((change) => ({
    ...(change.old ? { old: change.old } : {}),
    ...(change.new ? { new: change.new } : {}),
  }));
}
