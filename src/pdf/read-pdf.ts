/**
 * What the build reads back from a PDF it printed: its number of pages and its bookmarks. Parsing a
 * tagged PDF is most of the cost (pdf-lib reads every object), and a report's PDF is asked about up
 * to four times (its contents, its information, its record, its place in a pack), so each PDF is
 * parsed once: its facts are kept beside its bytes, which are never changed once made.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { bookmarksOf, type Bookmark } from './outline.js';

export interface PdfFacts {
  readonly pages: number;
  readonly bookmarks: readonly Bookmark[];
}

const known = new WeakMap<Uint8Array, Promise<PdfFacts>>();

/**
 * Parsed in one go: pdf-lib otherwise waits for a timer every 100 objects, which doubles the time a
 * tagged PDF of thousands of objects takes (and a pack's print waits on it).
 */
export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

export function factsOf(document: PDFDocument): PdfFacts {
  return { pages: document.getPageCount(), bookmarks: bookmarksOf(document) };
}

/** Records the facts of a PDF made from another without changing its pages or bookmarks. */
export function remember(pdf: Uint8Array, facts: PdfFacts): void {
  known.set(pdf, Promise.resolve(facts));
}

function pdfFacts(pdf: Uint8Array): Promise<PdfFacts> {
  let facts = known.get(pdf);
  if (!facts) {
    facts = loadPdf(pdf).then(factsOf);
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
