import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { unpackedSize, unpackWithin } from '../../src/tables/zip-size.js';
import { oneSheet } from '../support/workbook.js';
import { deflatedZeros, rezipped, zipBytes } from './zip-bytes.js';

const GB = 1024 * 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

/** What JSZip, exceljs's zip reader, really inflates: every entry's contents, in bytes. */
async function inflatedSize(zip: Uint8Array): Promise<number> {
  const archive = await JSZip.loadAsync(zip);
  const sizes = await Promise.all(
    Object.values(archive.files).map(async (file) => (await file.async('uint8array')).length),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

describe('unpackedSize', () => {
  it('gives exactly what JSZip inflates, for the example workbook and one exceljs writes', async () => {
    const example = new Uint8Array(readFileSync(join(process.cwd(), 'data', 'walsall-local.xlsx')));
    const written = await oneSheet('Data', [['Plans starting'], [259]]);
    for (const zip of [example, written]) expect(unpackedSize(zip)).toBe(await inflatedSize(zip));
  });

  it('sums the sizes the central directory declares, without inflating anything', () => {
    const zip = zipBytes([
      { name: 'a.xml', data: text('<a/>') },
      { name: 'b.xml', data: text('<b/>'), declared: 300 * 1024 * 1024 },
    ]);
    expect(unpackedSize(zip)).toBe(4 + 300 * 1024 * 1024);
  });

  it('reads a size of 0xFFFFFFFF from the ZIP64 extra field', () => {
    expect(unpackedSize(zipBytes([{ name: 'a.xml', data: text('<a/>'), zip64Size: 5 * GB }]))).toBe(5 * GB);
  });

  it('keeps a size of 0xFFFFFFFF with no ZIP64 extra field as 4 GB', () => {
    expect(unpackedSize(zipBytes([{ name: 'a.xml', data: text('<a/>'), declared: 0xffffffff }]))).toBe(0xffffffff);
  });

  it('finds the directory through the ZIP64 end record, as JSZip does', async () => {
    const zip = zipBytes(
      [
        { name: 'a.xml', data: text('<a/>') },
        { name: 'b.xml', data: text('<bb/>') },
      ],
      { zip64End: true },
    );
    expect(unpackedSize(zip)).toBe(9);
    expect(await inflatedSize(zip)).toBe(9);
  });

  it('finds the directory after bytes put before the archive, as JSZip does', async () => {
    const zip = zipBytes([{ name: 'a.xml', data: text('<a/>') }], { prefix: text('#!stub\n'.repeat(10)) });
    expect(unpackedSize(zip)).toBe(4);
    expect(await inflatedSize(zip)).toBe(4);
  });

  it.each([
    ['text', text('period,plans\n2016,259\n')],
    ['nothing', new Uint8Array(0)],
    ['an end record with a directory beyond the file', zipBytes([{ name: 'a.xml', data: text('<a/>') }]).subarray(40)],
  ])('gives undefined for %s, which is not a zip', (_, bytes) => {
    expect(unpackedSize(bytes)).toBeUndefined();
  });
});

describe('unpackWithin', () => {
  const MB = 1024 * 1024;
  const example = () => new Uint8Array(readFileSync(join(process.cwd(), 'data', 'walsall-local.xlsx')));

  it('finds nothing wrong with the example workbook, one exceljs writes, or either written again with extra local fields', async () => {
    const written = await oneSheet('Data', [['Plans starting'], [259]]);
    const padded = (zip: Uint8Array) =>
      rezipped(zip, (entry) => ({ ...entry, localExtra: new Uint8Array(36).fill(0xaa) }));
    for (const zip of [example(), written, await padded(example()), await padded(written)]) {
      expect(unpackWithin(zip, unpackedSize(zip)!)).toBeUndefined();
    }
  });

  it('finds the local headers after bytes put before the archive, and through the ZIP64 end record', () => {
    const entries = [
      { name: 'a.xml', data: text('<a>' + 'x'.repeat(1000) + '</a>'), deflate: true },
      { name: 'b.xml', data: text('<b/>') },
    ];
    expect(unpackWithin(zipBytes(entries, { prefix: text('#!stub\n'.repeat(10)) }), 2000)).toBeUndefined();
    expect(unpackWithin(zipBytes(entries, { zip64End: true }), 2000)).toBeUndefined();
  });

  it("reads the local header's own name and extra field lengths, not the central record's", () => {
    // Read with the central record's lengths (no extra field), the deflated data would start 40 bytes early.
    const zip = zipBytes([
      {
        name: 'a.xml',
        data: text('<a>' + 'x'.repeat(1000) + '</a>'),
        deflate: true,
        localExtra: new Uint8Array(40).fill(0xff),
      },
    ]);
    expect(unpackWithin(zip, MB)).toBeUndefined();
  });

  it('stops inflating a part at one byte past its declared size', () => {
    const zip = zipBytes([
      { name: 'bomb.xml', data: new Uint8Array(100), raw: { method: 8, bytes: deflatedZeros(16) } },
    ]);
    expect(unpackWithin(zip, 100 * MB)).toEqual({ kind: 'larger-than-declared', part: 'bomb.xml' });
  });

  it('takes a stored part as its data, refusing data longer than declared', () => {
    expect(unpackWithin(zipBytes([{ name: 'a.xml', data: new Uint8Array(3000), declared: 2999 }]), MB)).toEqual({
      kind: 'larger-than-declared',
      part: 'a.xml',
    });
    expect(unpackWithin(zipBytes([{ name: 'a.xml', data: new Uint8Array(3000) }]), MB)).toBeUndefined();
  });

  it('refuses parts that together inflate to more than the limit, even when each is as declared', () => {
    const zip = zipBytes([
      { name: 'a.xml', data: new Uint8Array(600 * 1024), deflate: true },
      { name: 'b.xml', data: new Uint8Array(600 * 1024), deflate: true },
    ]);
    expect(unpackWithin(zip, 1200 * 1024)).toBeUndefined();
    expect(unpackWithin(zip, MB)).toEqual({ kind: 'over-limit', part: 'b.xml', bytes: MB + 1 });
  });

  it('refuses an encrypted part and an unknown compression method, without inflating', () => {
    expect(unpackWithin(zipBytes([{ name: 'a.xml', data: text('<a/>'), flags: 0x0001 }]), MB)).toEqual({
      kind: 'encrypted',
      part: 'a.xml',
    });
    expect(
      unpackWithin(zipBytes([{ name: 'a.xml', data: text('<a/>'), raw: { method: 14, bytes: text('LZMA') } }]), MB),
    ).toEqual({
      kind: 'unknown-compression',
      part: 'a.xml',
      method: 14,
    });
  });

  it('refuses a part with no local header where the directory says, or whose data runs past the end', () => {
    const zip = zipBytes([{ name: 'a.xml', data: text('<a/>') }]);
    const moved = Buffer.from(zip);
    moved.writeUInt32LE(0, 0); // the local header's signature
    expect(unpackWithin(new Uint8Array(moved), MB)).toEqual({
      kind: 'damaged',
      part: 'a.xml',
      detail: 'there is no local header where the zip directory says',
    });
    const long = Buffer.from(zip);
    long.writeUInt32LE(1_000_000, long.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 20); // the central record's compressed size
    expect(unpackWithin(new Uint8Array(long), MB)).toEqual({
      kind: 'damaged',
      part: 'a.xml',
      detail: 'its data runs past the end of the file',
    });
  });

  it('says when the bytes are not a zip', () => {
    expect(unpackWithin(text('period,plans\n'), MB)).toEqual({ kind: 'not-zip' });
  });
});
