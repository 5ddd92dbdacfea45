/**
 * The printed PDF's document information: title, author, subject, keywords, creator, and creation and
 * modification dates that come from the report (SOURCE_DATE_EPOCH, or the data's "as at" date), not
 * the clock, so the same inputs give the same file byte for byte. Only the information is edited: the
 * tags, bookmarks and fonts Chromium wrote are kept.
 */
import { PDFDict, PDFHexString, PDFName } from 'pdf-lib';
import { formatDate } from '../dates.js';
import type { ReportDefinition } from '../definition/normalize.js';
import { TOOL_VERSION } from '../version.js';
import { factsOf, loadPdf, remember } from './read-pdf.js';

export interface PdfMetadata {
  readonly title: string;
  readonly author?: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** The tool and its version. */
  readonly creator: string;
  readonly date: Date;
  /** "Revised on 14 November 2025: ...", kept under the information's own Revision key. */
  readonly revision?: string;
}

/**
 * A report's information. Its dates are the build's SOURCE_DATE_EPOCH if given, else the latest "as at"
 * date of the report's data, else the meeting date: never the clock, so rebuilding gives the same file.
 */
export function reportInformation(
  definition: ReportDefinition,
  sourceDate: Date | undefined,
  revision?: { readonly date: string; readonly text: string },
): PdfMetadata {
  const r = definition.report;
  const asAt = definition.data.local
    .map((source) => source.asAt)
    .filter((date): date is string => Boolean(date))
    .sort()
    .pop();
  return {
    title: r.title,
    author: r.author,
    subject: revision ? `${r.subject} (revised ${formatDate(revision.date)})` : r.subject,
    keywords: r.keywords,
    ...(revision ? { revision: `Revised on ${formatDate(revision.date)}: ${revision.text}` } : {}),
    creator: `scrutiny ${TOOL_VERSION}`,
    date: sourceDate ?? new Date(`${asAt ?? r.meetingDate}T00:00:00Z`),
  };
}

export async function setPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await loadPdf(pdf);
  const facts = factsOf(document); // the information changes; the pages and bookmarks do not
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
  const saved = await document.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity, // written in one go, as it is read (read-pdf.ts)
  });
  remember(saved, facts);
  return saved;
}
