/**
 * What read-pdf.ts and metadata.ts do with pdf-lib, for a PDF that is not as Chromium writes it
 * (plain-pdf.ts): every object parsed, and written again. Loaded only when such a PDF comes.
 */
import { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { bookmarksOf } from './outline.js';
import type { PdfFacts, PdfMetadata } from './types.js';

/**
 * Parsed in one go: pdf-lib otherwise waits for a timer every 100 objects, which doubles the time a
 * tagged PDF of thousands of objects takes.
 */
const load = (pdf: Uint8Array) => PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });

export async function factsWithPdfLib(pdf: Uint8Array): Promise<PdfFacts> {
  const document = await load(pdf);
  return { pages: document.getPageCount(), bookmarks: bookmarksOf(document) };
}

export async function informationWithPdfLib(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await load(pdf);
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords([...metadata.keywords]);
  document.setCreator(metadata.creator);
  document.setProducer(metadata.creator);
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  if (metadata.revision) {
    const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
    info.set(PDFName.of('Revision'), PDFHexString.fromText(metadata.revision));
  }
  return document.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity, // written in one go, as it is read
  });
}
