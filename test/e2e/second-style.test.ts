/** The same report from the same data in a second house style: a council's own templates folder, logo and colours. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfText, runCli, tempDir, type CliResult } from '../support/cli.js';

const out = tempDir();
const SLUG = 'walsall-repeat-child-protection-plans';
let second: CliResult;
let first: CliResult;

beforeAll(async () => {
  [first, second] = await Promise.all([
    runCli(['build', '--out', out, '--quiet']),
    runCli(['build', 'examples/second-style/report.config.yaml', '--root', '.', '--out', out, '--quiet']),
  ]);
});

describe('the second house style', () => {
  it('builds', () => {
    expect(first.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
  });

  it('has its own shape: purpose first, implications, a table of report facts and a contents list', async () => {
    const text = (await pdfText(join(out, `${SLUG}-second-style.pdf`))).replace(/\s+/g, ' ');
    for (const words of [
      'Purpose of report',
      'Report to',
      'Date of meeting',
      'Financial implications',
      'Risk implications',
      'Contents',
    ])
      expect(text).toContain(words);
    expect(text.indexOf('Purpose of report')).toBeLessThan(text.indexOf('Recommendations'));
    const plain = (await pdfText(join(out, `${SLUG}.pdf`))).replace(/\s+/g, ' ');
    expect(plain).not.toContain('Purpose of report');
    expect(plain).not.toContain('Risk implications');
  });

  it('states the same figures from the same data', async () => {
    const figures = async (file: string) =>
      (await pdfText(join(out, file), true))
        .replace(/[ \t]+/g, ' ')
        .match(/(Walsall|England) 1\d\.\d 1\d\.\d 1\d\.\d 1\d\.\d[^\n]*/g);
    expect(await figures(`${SLUG}-second-style.pdf`)).toEqual(await figures(`${SLUG}.pdf`));
  });

  it("embeds the council's logo and applies its colours, loading nothing", () => {
    const html = readFileSync(join(out, `${SLUG}-second-style.html`), 'utf8');
    expect(html).toMatch(
      /<img class="logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/&#x;]+" alt="Walsall Council logo">/,
    );
    expect(html).toContain(':root { --accent: #5b2c83; --table-head: #efeaf5; }');
    expect(html).not.toMatch(/\b(src|href)="(https?:|file:)/);
  });

  it('is tagged, with every font embedded and no fallback', async () => {
    const pdf = join(out, `${SLUG}-second-style.pdf`);
    expect((await pdfInfo(pdf)).Tagged).toBe('yes');
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded).toBe(true);
      expect(font.name).toMatch(/SourceSans3/);
    }
  });

  it('neither report, in either form, prints NaN, undefined, null or an empty figure', async () => {
    for (const slug of [SLUG, `${SLUG}-second-style`]) {
      const html = readFileSync(join(out, `${slug}.html`), 'utf8').replace(/<style>[\s\S]*?<\/style>/, '');
      const text = await pdfText(join(out, `${slug}.pdf`));
      for (const body of [html, text]) {
        expect(body, slug).not.toMatch(/\b(NaN|undefined|null|Infinity)\b/);
        expect(body, slug).not.toMatch(/ %|\(\)|<td><\/td>| per 10,000\)/);
      }
    }
  });
});
