/**
 * All or nothing: a report's files change together or not at all. A rename that fails part-way puts
 * back the files already moved; what a killed build left behind (a stale lock, staged files) never
 * blocks the next build or stays in the folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLUG, expectNothingLeftOver, expectRefused, fixture, re, run, snapshot, useGoodOutput } from './support.js';

/** A build date other than the good build's (its data's "as at" date), so every new PDF differs. */
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const good = useGoodOutput('report');

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const CANNOT_WRITE = (out: string) =>
  `^${re(out)}: the report cannot be written there \\(EISDIR: illegal operation on a directory, rename .*\\); choose another folder with --out\\.$`;

/** Puts a non-empty folder where the build's file `name` goes. */
function blockWithFolder(out: string, name: string): void {
  rmSync(join(out, name), { force: true });
  mkdirSync(join(out, name));
  writeFileSync(join(out, name, 'keep'), 'a folder where a file of the report goes\n');
}

describe('all or nothing', () => {
  it('the third rename failing (<slug>.indicators.json a folder) leaves the PDF and HTML exactly as before', async () => {
    const fx = fixture(good.folder, 'report', (dir) => blockWithFolder(join(dir, 'output'), `${SLUG}.indicators.json`));
    const result = await run(fx, ['build'], EPOCH);
    expectRefused(fx, result, [new RegExp(CANNOT_WRITE(fx.out))]);

    // The PDF it would have written differs from the one kept, so keeping it proves the roll-back.
    const fresh = join(fx.dir, 'fresh');
    const rebuilt = await run(fx, ['build', '--quiet', '--out', fresh], EPOCH);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(sha(join(fresh, `${SLUG}.pdf`))).not.toBe(fx.before[`${SLUG}.pdf`]);
  }, 60_000);

  it('the last chart rename failing puts back the PDF, HTML, JSON and every chart before it', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      blockWithFolder(join(dir, 'output'), `${SLUG}/charts/all-councils-2015-16.png`),
    );
    const result = await run(fx, ['build'], EPOCH);
    expectRefused(fx, result, [new RegExp(CANNOT_WRITE(fx.out))]);
  }, 60_000);

  it('a file where the charts folder goes stops the build before anything is renamed', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      rmSync(join(dir, 'output', SLUG), { recursive: true });
      writeFileSync(join(dir, 'output', SLUG), 'a file where the charts folder goes\n');
    });
    const result = await run(fx, ['build'], EPOCH);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(fx.out)}: the report cannot be written there \\((EEXIST|ENOTDIR): .*\\); choose another folder with --out\\.$`,
      ),
    ]);
  }, 60_000);

  it('a stale lock left by a killed build does not block the next one, and is gone after it (exit 0)', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      const lock = join(dir, 'output', '.scrutiny-lock');
      mkdirSync(lock);
      const anHourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(lock, anHourAgo, anHourAgo);
    });
    const result = await run(fx, ['build', '--quiet'], EPOCH);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    // The same files, and the page of what changed since the build before.
    expect(Object.keys(snapshot(fx.out)).sort()).toEqual(
      [...Object.keys(fx.before).filter((name) => name !== '.scrutiny-lock'), `${SLUG}.changes.html`].sort(),
    );
    expect(snapshot(fx.out)[`${SLUG}.pdf`]).not.toBe(fx.before[`${SLUG}.pdf`]);
    expectNothingLeftOver(fx);
  }, 60_000);

  it('files staged by a build that was killed are removed by the next build (exit 0)', async () => {
    const dead = 4_194_305; // above the largest pid Linux allows (2^22)
    const fx = fixture(good.folder, 'report', (dir) => {
      writeFileSync(join(dir, 'output', `.${SLUG}.pdf.${dead}.0badf00d.tmp`), 'half a PDF');
      writeFileSync(join(dir, 'output', `.${SLUG}.html.${dead}.0badf00d.bak`), 'an old HTML');
    });
    const result = await run(fx, ['build', '--quiet'], EPOCH);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expectNothingLeftOver(fx);
  }, 60_000);
});
