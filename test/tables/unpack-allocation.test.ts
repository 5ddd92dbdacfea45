/**
 * How much inflating a workbook's parts may allocate before exceljs sees them: zlib is asked for no
 * more than each part declares (plus the one byte that shows it lied), so a zip whose directory
 * understates its sizes costs a few bytes, not the hundreds of megabytes JSZip would inflate first.
 */
import type * as Zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { DEFAULT_DATA_FILE_LIMIT as LIMIT } from '../../src/files/limits.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { unpackedSize } from '../../src/tables/zip-size.js';
import { rejection } from '../support/report-errors.js';
import { deflatedZeros, zipBytes } from './zip-bytes.js';

vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof Zlib>();
  return { ...zlib, inflateRawSync: vi.fn(zlib.inflateRawSync) };
});

const inflate = vi.mocked(inflateRawSync);
/** The most output zlib was allowed, call by call. */
const ceilings = () => inflate.mock.calls.map(([, options]) => options?.maxOutputLength ?? Infinity);
/** zlib's output chunk, call by call: one byte over the most allowed, so a part that lies is refused in its first. */
const chunks = () => inflate.mock.calls.map(([, options]) => options?.chunkSize);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('inflating the parts of a workbook before exceljs loads it', () => {
  afterEach(() => inflate.mockClear());

  it('allows zlib no more than the 100 bytes a 400 MB part declares, plus one', async () => {
    const bomb = zipBytes([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'), deflate: true },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(100), raw: { method: 8, bytes: deflatedZeros(400) } },
    ]);
    const before = process.memoryUsage().arrayBuffers;
    await rejection(readXlsx('data/local.xlsx', bomb, undefined, LIMIT));
    expect(ceilings()).toEqual([8 + 1, 100 + 1]);
    expect(chunks()).toEqual([64, 100 + 2]); // zlib's smallest chunk is 64 bytes
    // What is still held: far less than the 400 MB; not a measure of the peak, which the ceilings bound.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('allows zlib, over all the parts of an honest workbook, no more than it declares, plus one a part', async () => {
    const example = new Uint8Array(readFileSync(join(process.cwd(), 'data', 'walsall-local.xlsx')));
    await readXlsx('data/walsall-local.xlsx', example, 'Repeat plans', LIMIT);
    const allowed = ceilings();
    expect(allowed.length).toBeGreaterThan(0);
    expect(sum(allowed)).toBeLessThanOrEqual(unpackedSize(example)! + allowed.length);
    expect(chunks()).toEqual(allowed.map((ceiling) => Math.max(64, ceiling + 1)));
  });
});
