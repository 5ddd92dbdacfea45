/**
 * Small zip archives written by hand, to give the central-directory reader what real tools write and
 * what a zip bomb declares, and the inflater a bomb whose directory lies. Entries are stored (not
 * compressed) unless deflated.
 */
import JSZip from 'jszip';
import { constants, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** The uncompressed size the central directory declares; the data's length unless given. */
  readonly declared?: number;
  /** Declare 0xFFFFFFFF and put this size in a ZIP64 extra field. */
  readonly zip64Size?: number;
  /** Deflate the data (method 8). */
  readonly deflate?: boolean;
  /** The bytes as written instead, compressed by `method` (data then only sets the declared size). */
  readonly raw?: { readonly method: number; readonly bytes: Uint8Array };
  /** The general-purpose flags, in both headers (bit 0: encrypted). */
  readonly flags?: number;
  /** An extra field in the local header only, as some tools write one there and not in the directory. */
  readonly localExtra?: Uint8Array;
}

export interface ZipOptions {
  /** Write the ZIP64 end record and its locator, with 0xFFFFFFFF in the classic end record. */
  readonly zip64End?: boolean;
  /** Bytes before the archive, as a self-extractor's stub has. */
  readonly prefix?: Uint8Array;
}

export function zipBytes(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.raw?.method ?? (entry.deflate ? 8 : 0);
    const written = Buffer.from(entry.raw?.bytes ?? (entry.deflate ? deflateRawSync(entry.data) : entry.data));
    const localExtra = Buffer.from(entry.localExtra ?? []);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.flags ?? 0, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(written.length, 18);
    header.writeUInt32LE(entry.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(localExtra.length, 28);
    local.push(header, name, localExtra, written);

    const extra = entry.zip64Size === undefined ? Buffer.alloc(0) : Buffer.alloc(12);
    if (entry.zip64Size !== undefined) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(entry.zip64Size), 4);
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(entry.flags ?? 0, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(written.length, 20);
    record.writeUInt32LE(entry.zip64Size !== undefined ? 0xffffffff : (entry.declared ?? entry.data.length), 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE(offset, 42);
    central.push(record, name, extra);
    offset += 30 + name.length + localExtra.length + written.length;
  }
  const directory = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (options.zip64End) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeBigUInt64LE(BigInt(entries.length), 24);
    end64.writeBigUInt64LE(BigInt(entries.length), 32);
    end64.writeBigUInt64LE(BigInt(directory.length), 40);
    end64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(end64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64End ? 0xffff : entries.length, 8);
  end.writeUInt16LE(options.zip64End ? 0xffff : entries.length, 10);
  end.writeUInt32LE(options.zip64End ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(options.zip64End ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([Buffer.from(options.prefix ?? []), ...local, directory, ...tail, end]));
}

/** A copy of a real zip whose central directory declares `size` for the entry named `name`. */
export function declaringSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) continue;
    const length = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + length) === name) {
      bytes.writeUInt32LE(size, at + 24);
      return new Uint8Array(bytes);
    }
  }
  throw new Error(`no entry ${name}`);
}

/**
 * A raw deflate stream of `megabytes` MB of zeros, about 1 KB a megabyte, made without the zeros: one
 * megabyte deflated up to a sync flush (which ends on a byte), repeated, then an empty final block.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const megabyte = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  return new Uint8Array(Buffer.concat([...Array<Buffer>(megabytes).fill(megabyte), deflateRawSync(Buffer.alloc(0))]));
}

/** A real zip (a workbook) written again by zipBytes, every part deflated, each entry as `change` makes it. */
export async function rezipped(
  zip: Uint8Array,
  change: (entry: ZipEntry) => ZipEntry = (entry) => entry,
): Promise<Uint8Array> {
  const archive = await JSZip.loadAsync(zip);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(archive.files)) {
    if (!file.dir) entries.push(change({ name: file.name, data: await file.async('uint8array'), deflate: true }));
  }
  return zipBytes(entries);
}
