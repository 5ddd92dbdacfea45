/**
 * A contents list with page numbers. Chromium has no target-counter(), so the pages come from a first
 * print's bookmarks: each section's heading is found among them, in order.
 */
import { headingText, numberSections } from './assemble.js';
import type { RenderedSection } from '../narrative/render-narrative.js';

/** A bookmark of a printed document: its title and the page it points to. */
export interface PageMark {
  readonly title: string;
  readonly page: number;
}

/** Each section's first page, by matching its heading to the bookmark Chromium made from it. */
export function sectionPages(
  sections: readonly RenderedSection[],
  bookmarks: readonly PageMark[],
): Map<string, number> {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const pages = new Map<string, number>();
  let from = 0;
  for (const section of numberSections(sections)) {
    const found = bookmarks.findIndex(
      (bookmark, i) => i >= from && squash(bookmark.title) === squash(headingText(section)),
    );
    if (found < 0) continue;
    pages.set(section.id, bookmarks[found]!.page);
    from = found + 1;
  }
  return pages;
}
