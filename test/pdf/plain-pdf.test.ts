/**
 * Chromium's PDFs read and edited without pdf-lib (src/pdf/plain-pdf.ts): the same pages, bookmarks and
 * information as pdf-lib finds, checked against pdf-lib and poppler on real prints; any other PDF falls
 * back to pdf-lib.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFDict } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { setPdfMetadata } from '../../src/pdf/metadata.js';
import { bookmarksOf } from '../../src/pdf/outline.js';
import { NotPlainPdf, plainPdf, Ref, textOf, type PdfValue } from '../../src/pdf/plain-pdf.js';
import { launchPrinter, type Printer } from '../../src/pdf/print.js';
import { pageCount, plainFacts, readBookmarks } from '../../src/pdf/read-pdf.js';
import { pdfInfo, pdfText, tempDir } from '../support/cli.js';

// Headings that test the strings: quotes and brackets, a pound sign, an apostrophe, a nested level.
// Text that looks like the file's own structure, as a council's heading might hold anything.
const HEADINGS = ['Purpose (and scope)', 'Children’s services: £2.4m', 'A \\ backslash', 'Résumé endobj trailer'];
const html = `<!DOCTYPE html><html lang="en-GB"><head><title>A (test) report – 2025 endobj xref 0 1 trailer startxref 9 %%EOF</title>
<style>@page { size: A4; } h1, h2 { break-before: page; }</style></head><body>
${HEADINGS.map((h, i) => `<h1>${h.replace(/&/g, '&amp;')}</h1><p>Page ${i + 1}.</p><h2>Sub ${i + 1}</h2><p>More.</p>`).join('\n')}
</body></html>`;

const information = {
  title: 'Children’s social care (2025) \\ “summary”',
  author: 'Performance & Intelligence',
  subject: 'Scrutiny',
  keywords: ['children', 'Walsall'],
  creator: 'scrutiny 0.1.0',
  date: new Date('2025-11-20T00:00:00Z'),
  revision: 'Revised on 21 November 2025: one figure corrected.',
};

let printer: Printer;
let printed: Uint8Array;
beforeAll(async () => {
  printer = await launchPrinter(findBrowser({ env: process.env, platform: process.platform }), { timeoutMs: 30_000 });
  printed = await printer.print(html);
}, 60_000);
afterAll(() => printer.close());

/** A PDF of these objects, numbered from 1, under one cross-reference table (the first is the catalog). */
function handMade(objects: readonly string[], trailer = ''): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function pdfLibFacts(pdf: Uint8Array) {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return { pages: document.getPageCount(), bookmarks: bookmarksOf(document) };
}

describe('a PDF as Chromium prints it', () => {
  it('is read as plain: its pages and bookmarks are those pdf-lib finds', async () => {
    expect(() => plainPdf(printed)).not.toThrow();
    const expected = await pdfLibFacts(printed);
    expect(expected.pages).toBe(8);
    expect(expected.bookmarks.map((b) => b.title)).toContain('Children’s services: £2.4m');
    expect(await pageCount(printed)).toBe(expected.pages);
    expect(await readBookmarks(printed)).toEqual(expected.bookmarks);
  });

  it('takes its information without losing a page, a bookmark, a word or its tags', async () => {
    const edited = await setPdfMetadata(printed, information);
    const file = join(tempDir(), 'edited.pdf');
    writeFileSync(file, edited);
    const info = await pdfInfo(file);
    expect(info['Title']).toBe(information.title);
    expect(info['Author']).toBe(information.author);
    expect(info['Keywords']).toBe('children Walsall');
    expect(info['Tagged']).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(info['Pages']).toBe('8');
    expect(await pdfText(file)).toContain('Résumé endobj trailer');
    // pdf-lib reads it whole: the same pages and bookmarks, the information as written, nothing of Chromium's.
    const document = await PDFDocument.load(edited, { updateMetadata: false });
    expect(await pdfLibFacts(edited)).toEqual(await pdfLibFacts(printed));
    expect(document.getTitle()).toBe(information.title);
    expect(document.getCreationDate()?.toISOString()).toBe('2025-11-20T00:00:00.000Z');
    const infoDict = document.context.lookup(document.context.trailerInfo.Info) as PDFDict;
    expect(infoDict.lookup(PDFName.of('Revision'), PDFString, PDFHexString).decodeText()).toBe(information.revision);
    expect(Buffer.from(edited).toString('latin1')).not.toContain('HeadlessChrome');
  });

  it('is the same bytes when given the same information again', async () => {
    const first = await setPdfMetadata(printed, information);
    const again = await setPdfMetadata(printed, information);
    expect(Buffer.from(first).equals(Buffer.from(again))).toBe(true);
  });
});

describe('a PDF of another shape', () => {
  it('is read and edited with pdf-lib: one with its objects in streams', async () => {
    const document = await PDFDocument.load(printed, { updateMetadata: false });
    const compressed = await document.save({ useObjectStreams: true });
    expect(() => plainPdf(compressed)).toThrow(NotPlainPdf);
    expect(await readBookmarks(compressed)).toEqual((await pdfLibFacts(printed)).bookmarks);
    const edited = await setPdfMetadata(compressed, information);
    expect((await PDFDocument.load(edited)).getTitle()).toBe(information.title);
  });

  it('is read right, or left to pdf-lib, when it is not as Chromium writes it: never read wrong', async () => {
    const catalog = '<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >>';
    const page = '<< /Type /Page /Parent 2 0 R >>';
    const shapes: Record<string, string[]> = {
      // Kids given by reference; an outline whose item is its own next; a title in PDFDocEncoding's
      // own characters; a UTF-16 title cut short; an encrypted file's trailer.
      'indirect kids': [catalog, '<< /Type /Pages /Kids 5 0 R /Count 1 >>', page, '<< /Count 0 >>', '[3 0 R]'],
      'a looping outline': [
        catalog,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        page,
        '<< /First 5 0 R /Last 5 0 R >>',
        '<< /Title (Loop) /Dest [3 0 R /XYZ 0 0 0] /Next 5 0 R >>',
      ],
      PDFDocEncoding: [
        catalog,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        page,
        '<< /First 5 0 R /Last 5 0 R >>',
        '<< /Title <1D41> /Dest [3 0 R /XYZ 0 0 0] >>',
      ],
      'UTF-16 cut short': [
        catalog,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        page,
        '<< /First 5 0 R /Last 5 0 R >>',
        '<< /Title <FEFF00410> /Dest [3 0 R /XYZ 0 0 0] >>',
      ],
    };
    for (const [shape, objects] of Object.entries(shapes)) {
      const pdf = handMade(objects);
      const expected = await pdfLibFacts(pdf);
      try {
        expect(plainFacts(plainPdf(pdf)), shape).toEqual(expected);
      } catch (error) {
        expect(error, shape).toBeInstanceOf(NotPlainPdf);
      }
      expect(await readBookmarks(pdf), shape).toEqual(expected.bookmarks);
      expect(await pageCount(pdf), shape).toBe(1);
    }
    expect(plainFacts(plainPdf(handMade(shapes['indirect kids']!)))).toEqual({ pages: 1, bookmarks: [] });
    expect(() => plainFacts(plainPdf(handMade(shapes['a looping outline']!)))).toThrow(NotPlainPdf);
    const encrypted = handMade(shapes['indirect kids']!, '/Encrypt << /Filter /Standard >>');
    expect(() => plainPdf(encrypted)).toThrow(NotPlainPdf);
  });

  it('takes its information however many objects it has (a long pack of tables has hundreds of thousands)', async () => {
    const fillers = Array.from({ length: 200_000 }, (_, i) => `(filler ${i})`);
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R >>',
      '<< /Title (Chromium) /CreationDate (D:20261204203801) >>',
      ...fillers,
    ];
    const edited = plainPdf(await setPdfMetadata(handMade(objects, '/Info 4 0 R'), information));
    const info = edited.resolve(edited.trailer.get('Info')) as Map<string, PdfValue>;
    expect(textOf(info.get('Title'))).toBe(information.title);
    // Every object after the information moved by the same amount, the last included.
    expect(textOf(edited.resolve(new Ref(objects.length)))).toBe(`filler ${fillers.length - 1}`);
    expect(plainFacts(edited)).toEqual({ pages: 1, bookmarks: [] });
  });

  it('decodes literal strings with their escapes, and hex strings, as pdf-lib does', () => {
    const pdf = plainPdf(
      handMade([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [] /Count 0 >>',
        String.raw`<< /A (a \(b\) \\ c\050d\)\nx) /B <FEFF00A3 0032> /C (one
two) /D <41424> >>`,
      ]),
    );
    const strings = pdf.resolve(new Ref(3)) as Map<string, PdfValue>;
    expect(textOf(strings.get('A'))).toBe('a (b) \\ c(d)\nx');
    expect(textOf(strings.get('B'))).toBe('£2');
    expect(textOf(strings.get('C'))).toBe('one\ntwo');
    expect(textOf(strings.get('D'))).toBe('AB@'); // an odd last digit is followed by 0
    expect(plainFacts(pdf)).toEqual({ pages: 0, bookmarks: [] });
  });
});
