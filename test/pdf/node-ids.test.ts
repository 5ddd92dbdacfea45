/**
 * A printed PDF does not depend on what else the browser printed: beside it (Chromium numbers tags from
 * a counter its renderer process shares between pages, and the build renumbers them in their own
 * order) or before it in the same page (a page is used again for the next document).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, tempDir } from '../support/cli.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { setPdfMetadata } from '../../src/pdf/metadata.js';
import { renumberNodeIds } from '../../src/pdf/node-ids.js';
import { launchPrinter, type Printer } from '../../src/pdf/print.js';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const textOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('renumbering the tags’ ids', () => {
  it('numbers them 1, 2, 3 in their own order, everywhere each is named, keeping every width', () => {
    const pdf = [
      '7 0 obj << /Type /StructElem /S /TH /ID (node00000412) >> endobj',
      '8 0 obj << /Type /StructElem /S /TH /ID (node00000037) >> endobj',
      '9 0 obj << /Type /StructElem /S /TD /A << /O /Table /Headers [(node00000412) (node00000037)] >> >> endobj',
      '10 0 obj << /Names [(node00000037) 8 0 R (node00000412) 7 0 R] >> endobj',
    ].join('\n');
    const renumbered = textOf(renumberNodeIds(latin1(pdf)));
    expect(renumbered).toBe(
      [
        '7 0 obj << /Type /StructElem /S /TH /ID (node00000002) >> endobj',
        '8 0 obj << /Type /StructElem /S /TH /ID (node00000001) >> endobj',
        '9 0 obj << /Type /StructElem /S /TD /A << /O /Table /Headers [(node00000002) (node00000001)] >> >> endobj',
        '10 0 obj << /Names [(node00000001) 8 0 R (node00000002) 7 0 R] >> endobj',
      ].join('\n'),
    );
  });

  it('leaves text that only looks like an id (inside a string, its brackets escaped) as it is', () => {
    const pdf = '(Section \\(node00000099\\)) /ID (node00000500)';
    expect(textOf(renumberNodeIds(latin1(pdf)))).toBe('(Section \\(node00000099\\)) /ID (node00000001)');
  });
});

describe('a document printed beside others, or after another', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await launchPrinter(findBrowser({ env: process.env, platform: process.platform }), { timeoutMs: 30_000 });
  });
  afterAll(() => printer.close());

  const table = (rows: number) =>
    `<!DOCTYPE html><html lang="en"><body><h1>Figures</h1><table><thead><tr><th scope="col">Area</th><th scope="col">2024-25</th></tr></thead><tbody>${Array.from(
      { length: rows },
      (_, i) => `<tr><th scope="row">Council ${i + 1}</th><td>${(i * 7.3).toFixed(1)}</td></tr>`,
    ).join('')}</tbody></table></body></html>`;
  const information = { title: 'Figures', subject: 'Test', keywords: [], creator: 'scrutiny', date: new Date(0) };

  it('gives the same bytes as printed alone', async () => {
    const alone = await setPdfMetadata(await printer.print(table(12)), information);
    // Others printing at the same time share its renderer process, and the counter its ids come from.
    const together = await Promise.all([table(40), table(12), table(25), table(12)].map((html) => printer.print(html)));
    const besides = await Promise.all([together[1]!, together[3]!].map((pdf) => setPdfMetadata(pdf, information)));
    expect(textOf(alone)).toMatch(/\/ID \(node00000001\)/);
    for (const pdf of besides) expect(Buffer.from(pdf).equals(Buffer.from(alone))).toBe(true);
  });

  it('keeps nothing of the document printed before it in the same page', async () => {
    const before = `<!DOCTYPE html><html lang="en"><head><style>@page { size: A5 landscape; } p { color: red; }</style></head><body><p>Exempt: not for publication</p></body></html>`;
    const dir = tempDir();
    const printed: Record<string, string> = {};
    for (const [name, html] of [
      ['before', before],
      ['after', table(3)],
      ['again', table(3)],
    ] as const) {
      printed[name] = join(dir, `${name}.pdf`);
      writeFileSync(printed[name], await setPdfMetadata(await printer.print(html), information));
    }
    expect(await pdfText(printed.before!)).toContain('Exempt: not for publication');
    expect(await pdfText(printed.after!)).not.toContain('Exempt');
    expect((await pdfInfo(printed.before!))['Page size']).toMatch(/\(A5\)$/);
    expect((await pdfInfo(printed.after!))['Page size']).not.toMatch(/\(A5\)$/);
    expect(Buffer.from(readFileSync(printed.again!)).equals(readFileSync(printed.after!))).toBe(true);
  });

  it('prints the same bytes in a page that drew charts before', async () => {
    const alone = await setPdfMetadata(await printer.print(table(5)), information);
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#c00"/></svg>';
    // Drawing and printing one after another, then both at once, in the pages the first left idle.
    for (const round of [1, 2]) {
      const [pngs, pdf] =
        round === 1
          ? [await printer.rasterize([svg], ''), await printer.print(table(5))]
          : await Promise.all([printer.rasterize([svg], ''), printer.print(table(5))]);
      expect(Buffer.from(pngs[0]!).readUInt32BE(16)).toBe(80); // drawn at twice its size
      expect(Buffer.from(await setPdfMetadata(pdf, information)).equals(Buffer.from(alone))).toBe(true);
    }
  });
});
