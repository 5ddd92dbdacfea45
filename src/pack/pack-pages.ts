/**
 * Where each item of a pack starts, for the agenda's page numbers. Chromium has no target-counter(), so
 * the numbers are worked out before the pack is printed, and the print is checked against them:
 *
 *   - every item starts on a page of its own;
 *   - a report's item runs to as many pages as the report's own print, as the pack lays the report out
 *     as the report's own document does;
 *   - the cover, the agenda and each text item are counted from a print of the pack with every report
 *     left empty (a few pages, soon printed).
 *
 * A report whose own house style or layout differs from the pack's runs differently in it: the check
 * finds that, and the pack is printed once more with the pages its print showed.
 */
import { sectionPages, type PageMark } from '../document/contents.js';
import type { RenderedSection } from '../narrative/render-narrative.js';

export interface CountedItem {
  readonly number: string;
  /** Left out of this pack (an exempt item in the public pack). */
  readonly excluded: boolean;
  /** A report's item: its own print (none when the report makes no PDF). */
  readonly report?: {
    readonly print?: OwnPrint;
    readonly sections: readonly RenderedSection[];
    /** Whether the report has a contents list, whose page numbers the pack gives too. */
    readonly contents: boolean;
  };
}

/** What a report's own PDF shows: its length, and where its sections start (for its contents list). */
export interface OwnPrint {
  readonly pages: number;
  readonly sections: ReadonlyMap<string, number>;
}

/** The pages a pack's agenda and its reports' contents lists give. */
export interface PackPages {
  /** Where each item starts. */
  readonly items: ReadonlyMap<string, number>;
  /** Where each section of each report starts, by item. */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Each item's first page, from the bookmarks Chromium makes of the "Item N: ..." headings. */
export function pagesOfItems(bookmarks: readonly PageMark[]): Map<string, number> {
  const pages = new Map<string, number>();
  for (const bookmark of bookmarks) {
    const number = /^Item (\S+?):/.exec(bookmark.title)?.[1];
    if (number && !pages.has(number)) pages.set(number, bookmark.page);
  }
  return pages;
}

/**
 * The pages each item and each report's section will start on, from the skeleton's print (reports
 * empty) and the reports' own prints; undefined when they do not tell.
 */
export function predictPages(
  items: readonly CountedItem[],
  skeleton: { readonly bookmarks: readonly PageMark[]; readonly pages: number },
): PackPages | undefined {
  const included = items.filter((item) => !item.excluded);
  const starts = pagesOfItems(skeleton.bookmarks);
  if (included.some((item) => !starts.has(item.number) || (item.report && !item.report.print))) return undefined;
  const pages = { items: new Map<string, number>(), sections: new Map<string, ReadonlyMap<string, number>>() };
  let next = included.length > 0 ? starts.get(included[0]!.number)! : skeleton.pages + 1;
  included.forEach((item, i) => {
    const start = next;
    pages.items.set(item.number, start);
    const own = item.report?.print;
    if (own) {
      if (item.report!.contents)
        pages.sections.set(item.number, new Map([...own.sections].map(([id, page]) => [id, page + start - 1])));
      next += own.pages;
    } else {
      const after = included[i + 1];
      next += (after ? starts.get(after.number)! : skeleton.pages + 1) - starts.get(item.number)!;
    }
  });
  return pages;
}

/** The pages a printed pack shows: each item's first, and each report's sections after its item's start. */
export function pagesInPrint(items: readonly CountedItem[], bookmarks: readonly PageMark[]): PackPages {
  const pages = { items: pagesOfItems(bookmarks), sections: new Map<string, ReadonlyMap<string, number>>() };
  for (const item of items) {
    if (!item.report?.contents || item.excluded) continue;
    const from = bookmarks.findIndex((bookmark) => bookmark.title.startsWith(`Item ${item.number}:`));
    if (from >= 0) pages.sections.set(item.number, sectionPages(item.report.sections, bookmarks.slice(from)));
  }
  return pages;
}

/** Whether a print shows every page where the pack's agenda and contents lists said it would be. */
export function samePages(expected: PackPages, found: PackPages): boolean {
  const same = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number> | undefined) =>
    [...a].every(([key, page]) => b?.get(key) === page);
  return same(expected.items, found.items) && [...expected.sections].every(([n, a]) => same(a, found.sections.get(n)));
}
