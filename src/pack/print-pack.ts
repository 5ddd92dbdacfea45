/**
 * One pack printed: its pages worked out from a skeleton's print and the reports' own prints, the pack
 * printed once with them and its print checked; printed again only when the check finds an item or a
 * section elsewhere (a report in a house style of its own).
 */
import { pageCount, readBookmarks } from '../pdf/read-pdf.js';
import { predictPages, pagesInPrint, samePages, type CountedItem } from './pack-pages.js';
import type { PagesToShow } from './layout-pack.js';

export async function printPack(
  layout: (pages: PagesToShow) => string,
  items: readonly CountedItem[],
  print: (html: string) => Promise<Uint8Array>,
): Promise<{ html: string; pdf: Uint8Array }> {
  const skeleton = await print(layout('skeleton'));
  const predicted = predictPages(items, { bookmarks: await readBookmarks(skeleton), pages: await pageCount(skeleton) });
  const pages = predicted ?? pagesInPrint(items, await readBookmarks(await print(layout('placeholder'))));
  const html = layout(pages);
  const pdf = await print(html);
  const found = pagesInPrint(items, await readBookmarks(pdf));
  if (samePages(pages, found)) return { html, pdf };
  const again = layout(found);
  return { html: again, pdf: await print(again) };
}
