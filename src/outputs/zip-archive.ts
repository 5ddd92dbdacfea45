/**
 * A zip archive written with the same bytes every time: each entry deflated by Node's zlib (several
 * times faster than the JavaScript deflaters the zip libraries carry), stamped with one date, in the
 * order given, with its sizes and checksum in its local header (no data descriptors).
 */
import { crc32, deflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20; // 2.0: deflate
const DEFLATED = 8;
const UTF8_NAMES = 0x0800;

/** An entry's bytes deflated, with what its headers say of the original: made once for a part many archives share. */
export interface Deflated {
  readonly data: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

export function deflated(bytes: Uint8Array): Deflated {
  return { data: deflateRawSync(bytes, { level: 6 }), crc: crc32(bytes), size: bytes.length };
}

export function zipArchive(entries: ReadonlyMap<string, Uint8Array | Deflated>, date: Date): Uint8Array {
  const [time, day] = dosDateTime(date);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, entry] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const { data, crc, size } = entry instanceof Uint8Array ? deflated(entry) : entry;
    const fields = {
      flags: nameBytes.length === name.length ? 0 : UTF8_NAMES,
      time,
      day,
      crc,
      compressed: data.length,
      size,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    writeEntryFields(local, 6, fields);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
    central.writeUInt16LE(VERSION, 6);
    writeEntryFields(central, 8, fields);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directorySize = centrals.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

interface EntryFields {
  readonly flags: number;
  readonly time: number;
  readonly day: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
}

/** The fields local header and central record share, in the same order: flags to uncompressed size. */
function writeEntryFields(record: Buffer, at: number, fields: EntryFields): void {
  record.writeUInt16LE(fields.flags, at);
  record.writeUInt16LE(DEFLATED, at + 2);
  record.writeUInt16LE(fields.time, at + 4);
  record.writeUInt16LE(fields.day, at + 6);
  record.writeUInt32LE(fields.crc, at + 8);
  record.writeUInt32LE(fields.compressed, at + 12);
  record.writeUInt32LE(fields.size, at + 16);
}

/** The date as MS-DOS time and date fields, in UTC (two-second steps, years from 1980). */
function dosDateTime(date: Date): [number, number] {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return [
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  ];
}
