/** The same inputs give the same files, byte for byte, and the PDF's dates come from the report, not the clock. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfInfo, runCli, tempDir } from '../support/cli.js';

function hashes(dir: string): Record<string, string> {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return Object.fromEntries(files.sort().map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

describe('rebuilding the example', () => {
  it('gives byte-identical PDF, HTML, indicator JSON, SVG and PNG files', async () => {
    const [first, second] = [tempDir(), tempDir()];
    for (const out of [first, second]) expect((await runCli(['build', '--out', out, '--quiet'])).code).toBe(0);
    const a = hashes(first);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['walsall-repeat-child-protection-plans.pdf', 'walsall-repeat-child-protection-plans.html', 'walsall-repeat-child-protection-plans/charts/repeat-plans.png']));
    expect(hashes(second)).toEqual(a);
  });

  it("dates the PDF from the data's as-at date, or from SOURCE_DATE_EPOCH when given", async () => {
    const out = tempDir();
    await runCli(['build', '--out', out, '--quiet']);
    const info = await pdfInfo(join(out, 'walsall-repeat-child-protection-plans.pdf'));
    expect(info.CreationDate).toBe('Mon Sep  5 00:00:00 2016 UTC'); // data.local[0].asAt: 2016-09-05
    expect(info.ModDate).toBe(info.CreationDate);

    const pinned = tempDir();
    await runCli(['build', '--out', pinned, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect((await pdfInfo(join(pinned, 'walsall-repeat-child-protection-plans.pdf'))).CreationDate).toBe('Tue Nov 14 22:13:20 2023 UTC');
  });

  it('sets author, subject and keywords, and keeps the tags', async () => {
    const out = tempDir();
    await runCli(['build', '--out', out, '--quiet']);
    const info = await pdfInfo(join(out, 'walsall-repeat-child-protection-plans.pdf'));
    expect(info.Author).toBe('Deb Carter, Assistant Director, Social Care and Safeguarding');
    expect(info.Subject).toBe("Education & Children's Services Overview & Scrutiny Committee, 11 October 2016");
    expect(info.Keywords).toBe('child protection repeat plans scrutiny Walsall');
    expect(info.Creator).toMatch(/^scrutiny \d+\.\d+\.\d+$/);
    expect(info.Tagged).toBe('yes');
  });
});
