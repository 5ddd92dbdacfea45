/**
 * What the build reads back from a PDF it printed: its number of pages and its bookmarks, read from
 * the page tree and the outline alone (plain-pdf.ts), not the thousands of tags beside them. A report's
 * PDF is asked about up to four times (its contents, its information, its record, its place in a pack),
 * so its facts are kept beside its bytes, which are never changed once made.
 */
import type { Bookmark } from './outline.js';
import { asDict, Name, NotPlainPdf, plainPdf, Ref, textOf, type PlainPdf, type PdfValue } from './plain-pdf.js';
import type { PdfFacts } from './types.js';

const known = new WeakMap<Uint8Array, Promise<PdfFacts>>();

/** Records the facts of a PDF made from another without changing its pages or bookmarks. */
export function remember(pdf: Uint8Array, facts: PdfFacts): void {
  known.set(pdf, Promise.resolve(facts));
}

/** A PDF's facts: known already, or read (by plain-pdf.ts, or pdf-lib for a PDF of another shape). */
export function pdfFacts(pdf: Uint8Array): Promise<PdfFacts> {
  let facts = known.get(pdf);
  if (!facts) {
    try {
      facts = Promise.resolve(plainFacts(plainPdf(pdf)));
    } catch (error) {
      if (!(error instanceof NotPlainPdf)) throw error;
      facts = import('./pdf-lib-fallback.js').then(({ factsWithPdfLib }) => factsWithPdfLib(pdf));
    }
    known.set(pdf, facts);
  }
  return facts;
}

/** The number of pages, as the PDF's page tree counts them. */
export async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await pdfFacts(pdf)).pages;
}

export async function readBookmarks(pdf: Uint8Array): Promise<Bookmark[]> {
  return [...(await pdfFacts(pdf)).bookmarks];
}

/** The pages in order, from the page tree's leaves, and each bookmark's page (1-based). */
export function plainFacts(pdf: PlainPdf): PdfFacts {
  const catalog = asDict(pdf.resolve(pdf.trailer.get('Root')));
  const pages: number[] = [];
  const visit = (node: PdfValue | undefined, depth: number) => {
    if (!(node instanceof Ref) || depth > 32) throw new NotPlainPdf('a page tree out of shape');
    const dict = asDict(pdf.resolve(node));
    const type = dict.get('Type');
    const kids = pdf.resolve(dict.get('Kids'));
    if (type instanceof Name && type.name === 'Pages' && Array.isArray(kids))
      for (const kid of kids) visit(kid, depth + 1);
    else if (type instanceof Name && type.name === 'Page') pages.push(node.num);
    else throw new NotPlainPdf('a page tree node of no known type');
  };
  visit(catalog.get('Pages'), 0);
  const bookmarks: Bookmark[] = [];
  const seen = new Set<number>();
  const walk = (first: PdfValue | undefined) => {
    for (let ref = first; ref instanceof Ref;) {
      if (seen.has(ref.num)) throw new NotPlainPdf('an outline that loops');
      seen.add(ref.num);
      const item = asDict(pdf.resolve(ref));
      const dest = pdf.resolve(item.get('Dest'));
      const target = Array.isArray(dest) ? dest[0] : undefined;
      if (target instanceof Ref) {
        const title = item.has('Title') ? textOf(pdf.resolve(item.get('Title'))) : '';
        bookmarks.push({ title, page: pages.indexOf(target.num) + 1 });
      }
      walk(item.get('First'));
      ref = item.get('Next');
    }
  };
  const outlines = pdf.resolve(catalog.get('Outlines'));
  if (outlines instanceof Map) walk(outlines.get('First'));
  return { pages: pages.length, bookmarks };
}
