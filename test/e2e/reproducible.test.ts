/** The same inputs give the same files, byte for byte, and the PDF's dates come from the report, not the clock. */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfInfo, ROOT, runCli, tempDir } from '../support/cli.js';
import { hashFolder as hashes } from '../support/folder-hash.js';

describe('rebuilding the example', () => {
  it('gives byte-identical PDF, HTML, indicator JSON, SVG and PNG files', async () => {
    const [first, second] = [tempDir(), tempDir()];
    for (const out of [first, second]) expect((await runCli(['build', '--out', out, '--quiet'])).code).toBe(0);
    const a = hashes(first);
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        'walsall-repeat-child-protection-plans.pdf',
        'walsall-repeat-child-protection-plans.html',
        'walsall-repeat-child-protection-plans/charts/repeat-plans.png',
      ]),
    );
    expect(hashes(second)).toEqual(a);
  });

  it('gives the same bytes whichever folder the command is run from', async () => {
    // A project of its own, built from inside it, from its parent and from somewhere else entirely.
    const project = join(tempDir(), 'council');
    for (const part of ['data', 'templates', 'report.config.yaml'])
      cpSync(join(ROOT, part), join(project, part), { recursive: true });
    const runs: [cwd: string, definition: string][] = [
      [project, 'report.config.yaml'],
      [join(project, '..'), 'council/report.config.yaml'],
      [tempDir(), join(project, 'report.config.yaml')],
    ];
    const outs = runs.map(() => tempDir());
    for (const [i, [cwd, definition]] of runs.entries())
      expect((await runCli(['build', definition, '--out', outs[i]!, '--quiet'], { cwd })).code).toBe(0);
    const [first, ...others] = outs.map(hashes);
    expect(Object.keys(first!).length).toBeGreaterThan(3);
    for (const other of others) expect(other).toEqual(first);
  });

  it("dates the PDF from the data's as-at date, or from SOURCE_DATE_EPOCH when given", async () => {
    const out = tempDir();
    await runCli(['build', '--out', out, '--quiet']);
    const info = await pdfInfo(join(out, 'walsall-repeat-child-protection-plans.pdf'));
    expect(info.CreationDate).toBe('Mon Sep  5 00:00:00 2016 UTC'); // data.local[0].asAt: 2016-09-05
    expect(info.ModDate).toBe(info.CreationDate);

    const pinned = tempDir();
    await runCli(['build', '--out', pinned, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect((await pdfInfo(join(pinned, 'walsall-repeat-child-protection-plans.pdf'))).CreationDate).toBe(
      'Tue Nov 14 22:13:20 2023 UTC',
    );
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a date a PDF can hold, and writes nothing', async () => {
    for (const epoch of ['100000000000000', '253402300800', '-5', '1.5e9', 'yesterday']) {
      const out = tempDir();
      const result = await runCli(['build', '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: epoch } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`SOURCE_DATE_EPOCH is "${epoch}", not a whole number of seconds`);
      expect(readdirSync(out)).toEqual([]);
    }
    // The last second of 9999 is a date a PDF can hold.
    const out = tempDir();
    const last = await runCli(['build', '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: '253402300799' } });
    expect(last.code).toBe(0);
    expect(readFileSync(join(out, 'walsall-repeat-child-protection-plans.pdf'), 'latin1')).toContain(
      '/CreationDate (D:99991231235959Z)',
    );
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
