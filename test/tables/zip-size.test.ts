import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { unpackedSize } from '../../src/tables/zip-size.js';
import { oneSheet } from '../support/workbook.js';
import { zipBytes } from './zip-bytes.js';

const GB = 1024 * 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

/** What JSZip, exceljs's zip reader, really inflates: every entry's contents, in bytes. */
async function inflatedSize(zip: Uint8Array): Promise<number> {
  const archive = await JSZip.loadAsync(zip);
  const sizes = await Promise.all(Object.values(archive.files).map(async (file) => (await file.async('uint8array')).length));
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
    const zip = zipBytes([{ name: 'a.xml', data: text('<a/>') }, { name: 'b.xml', data: text('<bb/>') }], { zip64End: true });
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
