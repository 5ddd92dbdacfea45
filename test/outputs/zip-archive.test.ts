/**
 * The Word twin's zip writer, read back by JSZip (another implementation) and tested by Info-ZIP's
 * `unzip` (which `npm test` installs): the same parts, the same bytes, the one date, no data descriptors.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../src/outputs/zip-archive.js';
import { tempDir } from '../support/cli.js';

const date = new Date('2016-09-05T14:37:58Z');
const random = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2_654_435_761) >>> 24);
const parts = new Map<string, Uint8Array>([
  ['[Content_Types].xml', new TextEncoder().encode('<?xml version="1.0"?><Types/>'.repeat(50))],
  ['word/media/chart 1.png', random],
  ['word/empty.xml', new Uint8Array()],
  ['word/Ünïcode-name.xml', new TextEncoder().encode('£ and €')],
]);

describe('zipArchive', () => {
  const archive = zipArchive(parts, date);

  it('holds every part with its bytes, in the order given, as JSZip reads it', async () => {
    const zip = await JSZip.loadAsync(archive);
    const names = Object.keys(zip.files);
    expect(names).toEqual([...parts.keys()]);
    for (const [name, bytes] of parts) {
      expect(Buffer.from(await zip.file(name)!.async('uint8array')).equals(Buffer.from(bytes))).toBe(true);
      // DOS times are in two-second steps: 14:37:58 is kept exactly.
      expect(zip.files[name]!.date.toISOString()).toBe('2016-09-05T14:37:58.000Z');
    }
  });

  it('gives the same bytes for the same parts and date, and other bytes for another date', () => {
    expect(Buffer.from(zipArchive(parts, date)).equals(Buffer.from(archive))).toBe(true);
    expect(Buffer.from(zipArchive(parts, new Date('2017-01-01T00:00:00Z'))).equals(Buffer.from(archive))).toBe(false);
  });

  it('puts sizes and checksums in each local header (no data descriptor), and compresses', () => {
    const bytes = Buffer.from(archive);
    let at = 0;
    for (const [name, data] of parts) {
      expect(bytes.readUInt32LE(at)).toBe(0x04034b50);
      expect(bytes.readUInt16LE(at + 6) & 0x0008).toBe(0);
      expect(bytes.readUInt32LE(at + 22)).toBe(data.length);
      const nameLength = bytes.readUInt16LE(at + 26);
      expect(bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8')).toBe(name);
      at += 30 + nameLength + bytes.readUInt32LE(at + 18);
    }
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50); // the central directory follows the last part
    const text = parts.get('[Content_Types].xml')!;
    expect(archive.length).toBeLessThan(random.length + text.length / 4);
  });

  it('passes unzip -t', () => {
    const file = join(tempDir(), 'a.zip');
    writeFileSync(file, archive);
    const result = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(result.stdout).toContain('No errors detected');
    expect(result.status).toBe(0);
  });
});
