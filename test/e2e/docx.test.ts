/**
 * The example's Word twin: read as Word reads it (its XML), built twice for the same bytes, and turned
 * into a PDF by LibreOffice to find the same headings, paragraphs and diagrams as our PDF, in order.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readBookmarks } from '../../src/pdf/read-pdf.js';
import { pdfText, ROOT, runCli, tempDir, type CliResult } from '../support/cli.js';

const run = promisify(execFile);
const SLUG = 'walsall-repeat-child-protection-plans';
const [first, second] = [tempDir(), tempDir()];
let result: CliResult;
let zip: JSZip;
let body: string;

const definition = parse(readFileSync(join(ROOT, 'report.config.yaml'), 'utf8')) as {
  report: { title: string; author: string; keywords: string[] };
  sections: unknown[];
};
const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
/** The words of each paragraph of the body, in order. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => ({
    xml: p[0],
    text: decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }));

beforeAll(async () => {
  result = await runCli(['build', 'report.config.yaml', '--out', first, '--quiet']);
  await runCli(['build', 'report.config.yaml', '--out', second, '--quiet', '--force']);
  zip = await JSZip.loadAsync(readFileSync(join(first, `${SLUG}.docx`)));
  body = await zip.file('word/document.xml')!.async('string');
}, 120_000);

describe('the example’s Word twin', () => {
  it('is written beside the PDF', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('uses Word’s heading styles: the title in Heading 1, each section in Heading 2', () => {
    const styled = (style: string) =>
      paragraphs(body)
        .filter((p) => p.xml.includes(`<w:pStyle w:val="${style}"/>`))
        .map((p) => p.text);
    expect(styled('Heading1')).toEqual([definition.report.title]);
    expect(styled('Heading2').length).toBe(definition.sections.length);
    expect(styled('Heading2')[0]).toBe('Executive summary');
    expect(styled('Heading2')).toContain('1. Background and context');
  });

  it('describes every image: the chart’s title and what it shows', () => {
    const images = [...body.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(images.length).toBe(3); // the example's three charts
    for (const image of images) {
      expect(image).toMatch(/ descr="[^"]{40,}"/);
      expect(image).toMatch(/ title="Diagram \d+: [^"]+"/);
    }
  });

  it('carries each chart as a whole PNG, in the proportions its drawing is shown at', async () => {
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    // <wp:extent cx cy> in EMUs, in the order the drawings come; Word names the media image1, image2...
    const extents = [...body.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]) / Number(m[2]));
    for (const [i, name] of media.sort().entries()) {
      const png = await zip.file(name)!.async('nodebuffer');
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
      expect(png.readUInt32BE(16) / png.readUInt32BE(20)).toBeCloseTo(extents[i]!, 2);
    }
  });

  it('marks the first row of every table as a header row that repeats', () => {
    const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
    }
  });

  it('uses no empty paragraph for spacing', () => {
    const outsideTables = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
    for (const p of paragraphs(outsideTables)) expect(p.text.trim() !== '' || p.xml.includes('<w:drawing>')).toBe(true);
  });

  it('has its title, author, subject and keywords, and en-GB as its language', async () => {
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(decode(/<dc:title>([^<]*)</.exec(core)![1]!)).toBe(definition.report.title);
    expect(decode(/<dc:creator>([^<]*)</.exec(core)![1]!)).toBe(definition.report.author);
    expect(decode(/<cp:keywords>([^<]*)</.exec(core)![1]!)).toBe(definition.report.keywords.join(', '));
    expect(/<dc:subject>([^<]+)</.test(core)).toBe(true);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('<w:lang w:val="en-GB"/>');
  });

  it('has the running header and a "Page X of Y" footer', async () => {
    const names = Object.keys(zip.files);
    const header = await zip.file(names.find((n) => /^word\/header\d*\.xml$/.test(n))!)!.async('string');
    const footer = await zip.file(names.find((n) => /^word\/footer\d*\.xml$/.test(n))!)!.async('string');
    expect(decode(header)).toContain("Education & Children's Services Overview & Scrutiny Committee, 11 October 2016");
    expect(footer).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
  });

  it('is the same, byte for byte, when built again', () => {
    expect(readFileSync(join(second, `${SLUG}.docx`)).equals(readFileSync(join(first, `${SLUG}.docx`)))).toBe(true);
  });

  it('opened by LibreOffice, shows the PDF’s headings, numbered paragraphs and diagrams, in the same order', async () => {
    await run(
      'soffice',
      ['--headless', '--convert-to', 'pdf', '--outdir', join(first, 'lo'), join(first, `${SLUG}.docx`)],
      {
        timeout: 120_000,
      },
    );
    const squash = (text: string) => text.replace(/\s+/g, '');
    const word = squash(await pdfText(join(first, 'lo', `${SLUG}.pdf`)));
    const ours = squash(await pdfText(join(first, `${SLUG}.pdf`)));
    // What to find: our PDF's bookmarks (title and every section), each paragraph number, each diagram.
    const headings = (await readBookmarks(readFileSync(join(first, `${SLUG}.pdf`)))).map((b) => squash(b.title));
    const numbers = [...ours.matchAll(/(?<=[.:)a-z])(\d\.\d)(?=[A-Z])/g)].map((m) => m[1]!);
    const diagrams = [...ours.matchAll(/Diagram\d+:/g)].map((m) => m[0]);
    expect(headings.length).toBe(definition.sections.length + 1);
    expect(numbers.length).toBeGreaterThan(8);
    for (const marks of [headings, numbers, diagrams]) {
      let from = 0;
      for (const mark of marks) {
        const at = word.indexOf(mark, from);
        expect(at, `"${mark}" after position ${from} of the Word twin`).toBeGreaterThanOrEqual(0);
        from = at + mark.length;
      }
    }
    // Set in the font the twin embeds, though this machine has no Source Sans 3 installed for LibreOffice.
    const { stdout: fonts } = await run('pdffonts', [join(first, 'lo', `${SLUG}.pdf`)]);
    expect(fonts).toMatch(/SourceSans3-Regular/);
    expect(fonts).toMatch(/SourceSans3-Bold/);
  });

  it('embeds the font it names: regular, bold and italic, as Word’s obfuscated font parts', async () => {
    const table = await zip.file('word/fontTable.xml')!.async('string');
    const font = /<w:font w:name="Source Sans 3">[\s\S]*?<\/w:font>/.exec(table)![0];
    for (const face of ['embedRegular', 'embedBold', 'embedItalic']) expect(font).toContain(`<w:${face} `);
    const parts = Object.keys(zip.files).filter((name) => name.endsWith('.odttf'));
    expect(parts).toHaveLength(3);
  });
});

describe('the Word twin in the second house style (templates/council-b)', () => {
  const out = tempDir();
  let styled: JSZip;

  beforeAll(async () => {
    const built = await runCli([
      'build',
      'examples/second-style/report.config.yaml',
      '--root',
      '.',
      '--out',
      out,
      '--quiet',
    ]);
    expect(built.stderr).toBe('');
    styled = await JSZip.loadAsync(readFileSync(join(out, `${SLUG}-second-style.docx`)));
  }, 120_000);

  it('has the council’s logo first, described, and its accent on the section headings', async () => {
    const xml = await styled.file('word/document.xml')!.async('string');
    const images = [...xml.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(images[0]).toContain('descr="Walsall Council logo"');
    expect(xml.indexOf('<w:drawing>')).toBeLessThan(xml.indexOf('Heading1'));
    const styles = await styled.file('word/styles.xml')!.async('string');
    const heading2 = /<w:style [^>]*w:styleId="Heading2"[\s\S]*?<\/w:style>/.exec(styles)![0];
    // templates/council-b/print.css: --accent: #5b2c83.
    expect(heading2).toContain('<w:color w:val="5b2c83"/>');
  });

  it('takes its front block from the style’s own layout: the council’s name, then the report’s facts as a table', async () => {
    const xml = await styled.file('word/document.xml')!.async('string');
    const texts = paragraphs(xml).map((p) => p.text);
    const layout = readFileSync(join(ROOT, 'templates', 'council-b', 'layout.hbs'), 'utf8');
    const labels = [...layout.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]!);
    expect(labels).toContain('Report to');
    const spec = parse(readFileSync(join(ROOT, 'examples', 'second-style', 'report.config.yaml'), 'utf8')) as {
      report: { council: string; committee: string; wards: string };
    };
    const at = (text: string) => texts.indexOf(text);
    expect(at(spec.report.council)).toBeGreaterThanOrEqual(0);
    expect(at(spec.report.council)).toBeLessThan(at(definition.report.title));
    // Each fact is a row of one table: its label in the first cell, the value beside it, as the PDF has them.
    for (const [label, value] of [
      ['Report to', spec.report.committee],
      ['Wards affected', spec.report.wards],
    ] as const) {
      expect(at(label)).toBeGreaterThan(at(definition.report.title));
      expect(texts[at(label) + 1]).toBe(value);
    }
    expect(texts).not.toContain('Ward(s): All');
  });

  it('lists its sections in Word’s own contents field (contents: true), as the HTML twin’s contents list does', async () => {
    const xml = await styled.file('word/document.xml')!.async('string');
    expect(decode(xml)).toContain('TOC \\h \\o "2-2"');
    const html = readFileSync(join(out, `${SLUG}-second-style.html`), 'utf8');
    const nav = /<nav class="contents"[\s\S]*?<\/nav>/.exec(html)![0];
    const listed = [...nav.matchAll(/<a href="#[^"]+">([^<]*)<\/a>/g)].map((m) => decode(m[1]!));
    expect(listed.length).toBeGreaterThan(5);
    // The field's entries as written (each linked to its heading), before Word fills in their pages.
    const entries = paragraphs(xml)
      .filter((p) => /<w:pStyle w:val="TOC\d"\/>/.test(p.xml))
      .map((p) => p.text);
    expect(entries).toEqual(listed);
    // Its heading is the layout's, and not itself a heading (or the contents would list it).
    const heading = paragraphs(xml).find((p) => p.text === 'Contents')!;
    expect(heading.xml).not.toContain('Heading');
    expect(body).not.toContain('TOC \\h');
  });

  it('has the house style’s A4 page and margins (20, 18, 22 and 18 mm)', async () => {
    const xml = await styled.file('word/document.xml')!.async('string');
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    expect(xml).toMatch(new RegExp(`<w:pgSz w:w="${twips(210)}" w:h="${twips(297)}"`));
    const margins = /<w:pgMar [^>]*>/.exec(xml)![0];
    for (const [side, mm] of [
      ['top', 20],
      ['right', 18],
      ['bottom', 22],
      ['left', 18],
    ] as const)
      expect(margins).toContain(`w:${side}="${twips(mm)}"`);
  });
});
