/** The optional contents list: every page number it gives is the page where that section's heading is printed. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText, ROOT, runCli, tempDir } from '../support/cli.js';

describe('output.contents', () => {
  it('lists every section with the page its heading is on (two passes)', async () => {
    const dir = tempDir();
    const yaml = readFileSync(join(ROOT, 'report.config.yaml'), 'utf8')
      .replace('national: data/dfe', `national: ${join(ROOT, 'data/dfe')}`)
      .replace('file: data/walsall-local.xlsx', `file: ${join(ROOT, 'data/walsall-local.xlsx')}`)
      .replace('output:\n  folder: output', 'output:\n  folder: output\n  contents: true')
      .concat(`\ntemplates: ${join(ROOT, 'templates')}\n`);
    writeFileSync(join(dir, 'report.config.yaml'), yaml);
    expect((await runCli(['build', '--quiet', '--root', ROOT], { cwd: dir })).code).toBe(0);

    const pdf = join(dir, 'output', 'walsall-repeat-child-protection-plans.pdf');
    const pages = (await pdfText(pdf)).split('\f');
    // The contents block: from its heading to the first blank line.
    const listing = (await pdfText(pdf, true)).split('\nContents\n')[1]!.split('\n\n')[0]!;
    const entries = [...listing.matchAll(/^(\S.*?)\s{3,}(\d+)$/gm)].map((m) => ({
      title: m[1]!.trim(),
      page: Number(m[2]),
    }));
    expect(entries.map((e) => e.title)).toEqual(
      expect.arrayContaining(['Executive summary', 'Contact officers', '1. Background and context', '3. Conclusion']),
    );
    expect(entries.length).toBe(yaml.split('\n').filter((line) => line.startsWith('  - heading:')).length);
    for (const { title, page } of entries) {
      // A numbered heading's number is extracted as a text run of its own: match the words.
      const words = title.replace(/^\d+\. /, '');
      const lines = (n: number) => pages[n - 1]!.split('\n').map((line) => line.trim());
      expect(
        lines(page).some((line) => line === words || line === title),
        `${title} on page ${page}`,
      ).toBe(true);
    }
  });
});
