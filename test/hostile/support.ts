/**
 * Hostile input, as an attacker or a careless user would give it: the shared fixture.
 *
 * Each test file builds the example report (or meeting) once, for real, in a copy of the project;
 * every case then gets a fresh copy of the project with that good output in its output folder, edits
 * it, runs the CLI and checks three things: the exit code, that stderr is sentences each naming the
 * file and the place (never a stack), and that the previous good output is byte for byte as it was,
 * with nothing staged or locked left beside it.
 */
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, expect } from 'vitest';
import { ROOT, runCli, tempDir, type CliResult } from '../support/cli.js';

export { ROOT };
export const SLUG = 'walsall-repeat-child-protection-plans';
export const PACK_SLUG = 'walsall-scrutiny-2025-11-20';
/** Enough "../" to reach / from any temporary folder. */
export const UP = Array.from({ length: 16 }, () => '..').join('/');
/** The national file the example's indicator reads. */
export const D3 = 'data/dfe/d3_cpps_subsequent_plan_2013_to_2025.csv';

export type Kind = 'report' | 'pack';

export interface Fixture {
  /** The project copy: the definition's (and agenda's) folder. */
  readonly dir: string;
  /** Its output folder, holding the previous good output. */
  readonly out: string;
  /** Every file under the output folder when the case started. */
  readonly before: Snapshot;
}

/** Relative path -> sha256 of a file, "folder" or "link -> target". */
export type Snapshot = Record<string, string>;

const made: string[] = [];

/** A copy of what a definition (and, for a pack, the agenda) reads, all inside one folder. */
function copyProject(dir: string, kind: Kind): void {
  const names = ['report.config.yaml', 'data', 'templates', ...(kind === 'pack' ? ['agenda.yaml', 'examples'] : [])];
  for (const name of names) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
}

/** A real build of a copy of the example, once per test file: its output folder holds the previous good output. */
export async function goodOutput(kind: Kind = 'report'): Promise<string> {
  const dir = track(tempDir('scrutiny-good-'));
  copyProject(dir, kind);
  const result = await runCli(kind === 'pack' ? ['pack', '--quiet'] : ['build', '--quiet'], { cwd: dir });
  if (result.code !== 0) throw new Error(`the good ${kind} did not build (exit ${result.code}): ${result.stderr}`);
  return join(dir, 'output');
}

/** A fresh project copy with the good output in its output folder; `edit` then makes it hostile. */
export function fixture(good: string, kind: Kind = 'report', edit: (dir: string) => void = () => undefined): Fixture {
  const dir = track(tempDir('scrutiny-hostile-'));
  copyProject(dir, kind);
  const out = join(dir, 'output');
  cpSync(good, out, { recursive: true });
  edit(dir);
  return { dir, out, before: snapshot(out) };
}

/** Runs the CLI in the fixture's folder. */
export function run(fx: Fixture, args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { cwd: fx.dir, env });
}

/**
 * The CLI, for a case that must be refused before anything is printed: with a browser that cannot
 * start, a case that got as far as printing would say so (and fail its test), and no case pays for
 * launching a browser it never uses.
 */
export function refuse(fx: Fixture, args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return run(fx, args, { SCRUTINY_BROWSER: '/bin/false', ...env });
}

/** The CLI, which must return within `seconds` (a FIFO or a device must never make it wait). */
export async function runWithin(seconds: number, fx: Fixture, args: readonly string[]): Promise<CliResult> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`scrutiny ${args.join(' ')} did not return within ${seconds} s`)),
      seconds * 1000,
    );
  });
  try {
    return await Promise.race([run(fx, args), hung]);
  } finally {
    clearTimeout(timer);
  }
}

export function snapshot(folder: string): Snapshot {
  const files: Snapshot = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = relative(folder, path);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) files[key] = `link -> ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        files[key] = 'folder';
        walk(path);
      } else files[key] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return files;
}

/** The output folder exactly as before: every file the same bytes, none added (no ".*.tmp", no ".scrutiny-lock"). */
export function expectOutputUnchanged(fx: Fixture): void {
  expect(snapshot(fx.out)).toEqual(fx.before);
}

/** After a build that succeeded: nothing staged, backed up or locked is left in the output folder. */
export function expectNothingLeftOver(fx: Fixture): void {
  const leftovers = Object.keys(snapshot(fx.out)).filter((path) =>
    path.split('/').some((part) => part.startsWith('.')),
  );
  expect(leftovers).toEqual([]);
}

const STACK = [/^ {4}at /m, /Error:/, /ErrorEvent/, /Unexpected error/];

/**
 * stderr as sentences: every line is a sentence (ending . ? or !) with no stack trace, and every line
 * matches one of `places` (each anchored at the file and the place), and each of `places` matches a
 * line. Returns the lines.
 */
export function expectProblems(stderr: string, places: readonly RegExp[]): string[] {
  for (const pattern of STACK) expect(stderr).not.toMatch(pattern);
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line, 'each problem is a sentence').toMatch(/[.?!]["')]?$/);
    expect(
      places.some((place) => place.test(line)),
      `"${line}" names no expected file and place`,
    ).toBe(true);
  }
  for (const place of places)
    expect(
      lines.some((line) => place.test(line)),
      `no problem matches ${place}`,
    ).toBe(true);
  return lines;
}

/** A hostile case that must be refused: exit 2, located sentences, the previous output untouched. */
export function expectRefused(fx: Fixture, result: CliResult, places: readonly RegExp[]): string[] {
  expect(result.code, result.stderr).toBe(2);
  const lines = expectProblems(result.stderr, places);
  expectOutputUnchanged(fx);
  return lines;
}

/** The 1-based line of the first line of a file that contains `text`. */
export function lineOf(file: string, text: string): number {
  const line =
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1;
  if (line === 0) throw new Error(`"${text}" is not in ${file}`);
  return line;
}

/** The 1-based line and column at which `text` first stands in a file. */
export function placeOf(file: string, text: string): { line: number; column: number } {
  const content = readFileSync(file, 'utf8');
  const index = content.indexOf(text);
  if (index < 0) throw new Error(`"${text}" is not in ${file}`);
  const before = content.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Regex-escapes text (file names, quoted values) for a place pattern. */
export function re(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** ^file, line N, column M: */
export function yamlPlace(file: string, line: number | string, column?: number): string {
  return `^${re(file)}, line ${line}${column === undefined ? '' : `, column ${column}`}: `;
}

/** Edits a text file of the fixture, requiring that the edit changed it. */
export function editText(dir: string, file: string, edit: (text: string) => string): string {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit left ${file} as it was`);
  writeFileSync(path, after);
  return path;
}

/** Edits bytes of a line (1-based) of a file of the fixture, leaving every other byte as it was. */
export function editLineBytes(dir: string, file: string, line: number, edit: (bytes: Buffer) => Buffer): void {
  const path = join(dir, file);
  const lines = splitBytes(readFileSync(path));
  lines[line - 1] = edit(lines[line - 1]!);
  writeFileSync(path, Buffer.concat(lines.flatMap((bytes, i) => (i === 0 ? [bytes] : [Buffer.from('\n'), bytes]))));
}

function splitBytes(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, at));
    start = at + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/** A file somewhere outside the fixture (another temporary folder). */
export function outsideFile(name: string, content: string | Uint8Array): string {
  const dir = track(tempDir('scrutiny-outside-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** One entry of a zip archive, as written by zipArchive. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** The size the archive declares for the entry once unpacked (default: the truth). */
  readonly declaredSize?: number;
}

/** A zip archive (deflate, no data descriptors), written out by hand so a test can make it lie. */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every entry of a zip archive (as ExcelJS writes one), by its central directory. */
export function unzipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  const entries: ZipEntry[] = [];
  for (let at = zip.readUInt32LE(end + 16), i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const packedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + packedSize);
    entries.push({ name, data: method === 0 ? packed : inflateRawSync(packed) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function track(dir: string): string {
  made.push(dir);
  return dir;
}

/** Removes every folder this file's cases made (call from afterAll). */
/** A fixture whose `file` has `from` replaced by `to`; returns it with the place `to` stands at. */
export function withReplaced(
  good: string,
  kind: Kind,
  file: string,
  from: string,
  to: string,
  more: (dir: string) => void = () => undefined,
) {
  const fx = fixture(good, kind, (dir) => {
    editText(dir, file, (text) => text.replace(from, to));
    more(dir);
  });
  return { fx, at: placeOf(join(fx.dir, file), to) };
}

/** The previous good output of this test file, built once before its tests; its fixtures are removed after them. */
export function useGoodOutput(kind: Kind = 'report'): { readonly folder: string } {
  const good = { folder: '' };
  beforeAll(async () => {
    good.folder = await goodOutput(kind);
  }, 180_000);
  afterAll(removeFixtures);
  return good;
}

export function removeFixtures(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
