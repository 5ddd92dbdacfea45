/** A build's files change together or not at all, across folders, and two writers take turns. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolder, writeOutput, type OutputFile } from '../../src/files/write-output.js';
import { ROOT, tempDir } from '../support/cli.js';

const files = (tag: string, names: readonly string[]): OutputFile[] =>
  names.map((name) => ({ name, content: `${tag}: ${name}` }));
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('writeOutput', () => {
  it('replaces every file of a set', async () => {
    const dir = tempDir();
    await writeOutput([{ dir, files: files('old', ['a.pdf', 'a.html', 'a/charts/x.svg']) }]);
    await writeOutput([{ dir, files: files('new', ['a.pdf', 'a.html', 'a/charts/x.svg']) }]);
    expect(['a.pdf', 'a.html', 'a/charts/x.svg'].map((name) => read(dir, name))).toEqual([
      'new: a.pdf',
      'new: a.html',
      'new: a/charts/x.svg',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a', 'a.html', 'a.pdf']); // no staged file, backup or lock left
  });

  it('puts the earlier files back when the third rename fails, and removes what it staged and made', async () => {
    const dir = tempDir();
    await writeOutput([{ dir, files: files('old', ['a.pdf', 'a.html']) }]);
    mkdirSync(join(dir, 'a.json', 'in-the-way'), { recursive: true }); // a folder where the third file goes
    const attempt = writeOutput([{ dir, files: files('new', ['a.pdf', 'a.html', 'a.json', 'a/charts/x.svg']) }]);
    await expect(attempt).rejects.toThrow(/a\.json/);
    expect([read(dir, 'a.pdf'), read(dir, 'a.html')]).toEqual(['old: a.pdf', 'old: a.html']);
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'a.json', 'a.pdf']);
    expect(existsSync(join(dir, 'a'))).toBe(false); // the charts folder made for the failed set is gone
  });

  it('writes several folders as one unit: a failure in the last leaves the first untouched', async () => {
    const [first, second] = [tempDir(), tempDir()];
    await writeOutput([{ dir: first, files: files('old', ['r.pdf']) }]);
    mkdirSync(join(second, 'pack.pdf', 'in-the-way'), { recursive: true });
    await expect(
      writeOutput([
        { dir: first, files: files('new', ['r.pdf']) },
        { dir: second, files: files('new', ['pack.pdf']) },
      ]),
    ).rejects.toThrow();
    expect(read(first, 'r.pdf')).toBe('old: r.pdf');
  });

  it('gives two writers into one folder turns: the folder ends with one whole set', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 40 }, (_, i) => `file-${i}.txt`);
    await Promise.all([
      writeOutput([{ dir, files: files('A', names) }]),
      writeOutput([{ dir, files: files('B', names) }]),
    ]);
    const tags = new Set(names.map((name) => read(dir, name).split(':')[0]));
    expect(tags.size).toBe(1);
    expect(readdirSync(dir).length).toBe(names.length);
  });

  it('removes files staged by a build that was killed outright, and only those', async () => {
    const dir = tempDir();
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no live process has it
    writeFileSync(join(dir, `.a.pdf.${dead}.0123abcd.tmp`), 'half a report');
    writeFileSync(join(dir, `.a.pdf.${process.pid}.0123abcd.tmp`), 'a live build of this process');
    writeFileSync(join(dir, '.notes.tmp'), 'not ours');
    await writeOutput([{ dir, files: files('new', ['a.pdf']) }]);
    expect(readdirSync(dir).sort()).toEqual([`.a.pdf.${process.pid}.0123abcd.tmp`, '.notes.tmp', 'a.pdf']);
  });
});

describe('another process writing into the folder', () => {
  it('waits while the folder is locked, and commits once the lock is released', async () => {
    const dir = tempDir();
    await writeOutput([{ dir, files: files('old', ['a.pdf', 'a.html']) }]);
    const release = await lockFolder(dir); // as another build committing its files would hold it
    const module = join(ROOT, 'dist/files/write-output.js');
    const script = `const { writeOutput } = await import(${JSON.stringify(module)});
      await writeOutput([{ dir: ${JSON.stringify(dir)}, files: [{ name: 'a.pdf', content: 'new: a.pdf' }, { name: 'a.html', content: 'new: a.html' }] }]);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Staged, and waiting for the lock: the previous set is still whole.
    for (let i = 0; i < 400 && readdirSync(dir).filter((name) => name.endsWith('.tmp')).length < 2; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(2);
    expect([read(dir, 'a.pdf'), read(dir, 'a.html')]).toEqual(['old: a.pdf', 'old: a.html']);
    await release();
    expect(await exited).toBe(0);
    expect([read(dir, 'a.pdf'), read(dir, 'a.html')]).toEqual(['new: a.pdf', 'new: a.html']);
  });
});
