/**
 * The printed PDF's document information: title, author, subject, keywords, creator, and creation and
 * modification dates that come from the report (SOURCE_DATE_EPOCH, or the data's "as at" date), not
 * the clock, so the same inputs give the same file byte for byte. Only the information is edited: the
 * tags, bookmarks and fonts Chromium wrote are kept.
 */
import { formatDate } from '../dates.js';
import type { ReportDefinition } from '../definition/normalize.js';
import { TOOL_VERSION } from '../version.js';
import { asDict, NotPlainPdf, plainPdf, Ref, type PlainPdf } from './plain-pdf.js';
import { pdfFacts, remember } from './read-pdf.js';
import type { PdfMetadata } from './types.js';

export type { PdfMetadata } from './types.js';

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
  const facts = await pdfFacts(pdf); // the information changes; the pages and bookmarks do not
  let edited: Uint8Array;
  try {
    edited = withInformation(plainPdf(pdf), metadata);
  } catch (error) {
    if (!(error instanceof NotPlainPdf)) throw error;
    edited = await (await import('./pdf-lib-fallback.js')).informationWithPdfLib(pdf, metadata);
  }
  remember(edited, facts);
  return edited;
}

/** The PDF with its information object written anew; Chromium has already set the title to be shown. */
function withInformation(pdf: PlainPdf, metadata: PdfMetadata): Uint8Array {
  const info = pdf.trailer.get('Info');
  const catalog = asDict(pdf.resolve(pdf.trailer.get('Root')));
  const preferences = pdf.resolve(catalog.get('ViewerPreferences'));
  if (!(info instanceof Ref) || !(preferences instanceof Map) || preferences.get('DisplayDocTitle') !== true)
    throw new NotPlainPdf('no information object, or a title not shown');
  const entries = {
    Title: text(metadata.title),
    Author: metadata.author ? text(metadata.author) : undefined,
    Subject: text(metadata.subject),
    Keywords: text(metadata.keywords.join(' ')),
    Creator: text(metadata.creator),
    Producer: text(metadata.creator),
    CreationDate: date(metadata.date),
    ModDate: date(metadata.date),
    Revision: metadata.revision ? text(metadata.revision) : undefined,
  };
  const written = Object.entries(entries).filter(([, value]) => value !== undefined);
  const edited = pdf.replace(info.num, `<<\n${written.map(([key, value]) => `/${key} ${value}`).join('\n')}\n>>`);
  // Chromium's header says 1.4; a tagged PDF for PDF/UA is one of ISO 32000-1, PDF 1.7 (which every 1.4 file is).
  if (/^%PDF-1\.[0-6]/.test(pdf.text)) edited[7] = '7'.charCodeAt(0);
  return edited;
}

/** Text as UTF-16BE after its byte order mark, in hex: any character, and nothing to escape. */
const text = (value: string) => `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

/** D:YYYYMMDDHHmmSSZ, in UTC. */
const date = (value: Date) => `(D:${value.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
