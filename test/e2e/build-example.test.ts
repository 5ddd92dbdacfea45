/** Builds the shipped example with the real CLI and checks the PDF as a reader and a screen reader would meet it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfStructure, pdfText, runCli, tempDir, type CliResult } from '../support/cli.js';

const SLUG = 'walsall-repeat-child-protection-plans';
const out = tempDir();
const pdf = join(out, `${SLUG}.pdf`);
const html = join(out, `${SLUG}.html`);
let result: CliResult;
let text: string;

beforeAll(async () => {
  result = await runCli(['build', 'report.config.yaml', '--out', out]);
  if (result.code === 0) text = (await pdfText(pdf, true)).replace(/[ \t]+/g, ' ');
});

describe('npx scrutiny build (the Walsall example)', () => {
  it('exits 0 and writes the PDF and its HTML twin', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(pdf)).toBe(true);
    expect(existsSync(html)).toBe(true);
    expect(result.stdout).toContain(`${SLUG}.pdf`);
  });

  it('is a tagged A4 PDF titled with the report title', async () => {
    const info = await pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Children who become subject to a Child Protection Plan for a second or subsequent time');
    expect(info['Page size']).toContain('(A4)');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(3);
  });

  it('keeps the main body within four sides of A4, appendices aside', async () => {
    const pages = (await pdfText(pdf)).split('\f');
    const appendixPage = pages.findIndex((page) => /^Appendix A: /m.test(page));
    expect(appendixPage, 'the appendix starts on a page of its own').toBeGreaterThan(0);
    expect(appendixPage, 'a paper should not exceed four sides of A4').toBeLessThanOrEqual(4);
    expect(pages.slice(0, appendixPage).join('')).toMatch(/3\.\s+Conclusion/);
  });

  it('declares its language as en-GB and has bookmarks for the headings', () => {
    const bytes = readFileSync(pdf).toString('latin1');
    expect(bytes).toMatch(/\/Lang\s*\(en-GB\)/);
    expect(bytes).toContain('/Outlines');
    for (const heading of ['Executive summary', 'Recommendations', '1. Background and context', '3. Conclusion'])
      expect(bytes).toContain(`/Title (${heading}`);
  });

  it('embeds every font, all of them the bundled one', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name, 'a fallback font was used').toMatch(/SourceSans3/);
    }
  });

  it('has the paper’s sections in order, with the body numbered', () => {
    const headings = [
      'Executive summary',
      'Reason for scrutiny',
      'Recommendations',
      'Background papers',
      'Resource and legal considerations',
      'Citizen impact',
      'Environmental impact',
      'Performance management',
      'Equality implications',
      'Consultation',
      'Contact officers',
      '1. Background and context',
      '2. Audit',
      '3. Conclusion',
    ];
    const positions = headings.map((heading) => text.indexOf(heading));
    for (const [i, position] of positions.entries()) expect(position, headings[i]).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/1\.1 Diagram 1 shows/);
    expect(text).toMatch(/2\.3 Neglect and domestic abuse/);
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('reproduces the published figures in Diagram 1', () => {
    expect(text).toMatch(/Walsall 10\.4 13\.8 13\.3 17\.2 8\.5/);
    expect(text).toMatch(/England 14\.9 15\.8 16\.6 17\.9 x/);
    expect(text).toMatch(/Statistical neighbours \(mean\) [\d.]+ [\d.]+ [\d.]+ [\d.]+ x/);
    expect(text).toContain('April 2021 statistical neighbour model');
    expect(text).toContain('the mean of the figures');
  });

  it('states the audit and the local figure from the data', () => {
    const prose = text.replace(/\s+/g, ' ');
    expect(prose).toContain('8 cases involving 26 children');
    expect(prose).toContain('22 of the 259 plans');
    expect(prose).toContain(
      'fell from 17.2% in 2015-16 to 8.5% in April to August 2016 (part of a year, so not directly comparable)',
    );
  });

  it('tags each chart as one figure whose alternative text describes it', async () => {
    const structure = await pdfStructure(pdf);
    expect(structure).toMatch(/Table/);
    expect(structure).toMatch(/TH/);
    const bytes = readFileSync(pdf).toString('latin1');
    const alts = bytes.match(/\/Alt \(/g) ?? [];
    expect(alts, 'one figure per chart, not one per data point').toHaveLength(3);
    expect(bytes).toMatch(/\/Alt \((?:[^)\\]|\\.)*Line chart of second or subsequent plans/);
  });

  it('writes an HTML twin that loads nothing from outside', () => {
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<html lang="en-GB">/);
    expect(page).not.toMatch(/\b(src|href)="(https?:|file:|\/\/)/);
    expect(page).not.toMatch(/url\((?!data:|#)/);
    expect(page).not.toMatch(/\b(NaN|undefined|null)\b/);
  });
});
