/**
 * The page each bookmark of a printed PDF points to: Chromium has no target-counter(), so a contents
 * page is made in two passes, reading the first print's bookmarks (one per heading) for page numbers.
 * Read here with pdf-lib for a PDF not as Chromium writes it; read-pdf.ts reads Chromium's own.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

export interface Bookmark {
  readonly title: string;
  /** 1-based. */
  readonly page: number;
}

export function bookmarksOf(document: PDFDocument): Bookmark[] {
  const pages = document.getPages().map((page) => page.ref.toString());
  const bookmarks: Bookmark[] = [];
  const seen = new Set<PDFDict>(); // an outline that loops ends where it comes round again
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item && !seen.has(item); item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(item);
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const target = item.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0)?.toString();
      if (target) bookmarks.push({ title, page: pages.indexOf(target) + 1 });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return bookmarks;
}
