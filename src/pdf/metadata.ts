/**
 * The printed PDF's document information: title, author, subject, keywords, creator, and creation and
 * modification dates that come from the report (SOURCE_DATE_EPOCH, or the data's "as at" date), not
 * the clock, so the same inputs give the same file byte for byte. Only the information is edited: the
 * tags, bookmarks and fonts Chromium wrote are kept.
 */
import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  readonly title: string;
  readonly author?: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** The tool and its version. */
  readonly creator: string;
  readonly date: Date;
}

export async function setPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords([...metadata.keywords]);
  document.setCreator(metadata.creator);
  document.setProducer(metadata.creator);
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  return document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
