/**
 * How big a zip archive (an .xlsx workbook) is once unpacked, so that a zip bomb is refused before
 * exceljs inflates every part of it into memory. The records are found the way JSZip (exceljs's zip
 * reader, jszip/lib/zipEntries.js and zipEntry.js) finds them, so that both see the same entries.
 *
 * unpackedSize sums the sizes the central directory declares, without inflating anything. Those are
 * only declarations: JSZip refuses an entry whose inflated size differs, but only after inflating all
 * of it. unpackWithin inflates every entry once more, each with a ceiling of its declared size (and of
 * what is left of the limit), so that an archive that understates its sizes is found out having
 * allocated no more than the limit.
 */
import { kMaxLength } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';

const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const ENTRY = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x0001;
const utf8 = new TextDecoder();

/** One entry of the central directory, with the sizes and offset JSZip uses to read it. */
interface Entry {
  /** Where the name starts, in the central record, and its length. */
  readonly nameAt: number;
  readonly nameLength: number;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the local header is in `bytes`, after any bytes put before the archive. */
  readonly localHeader: number;
}

/** The sum of every entry's uncompressed size, or undefined when the bytes are not a zip JSZip could read. */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  const entries = centralDirectory(bytes);
  return entries?.reduce((total, entry) => total + entry.uncompressedSize, 0);
}

/** Why an archive's entries cannot be unpacked within the limit. */
export type UnpackProblem =
  /** Not a zip JSZip could read (unpackedSize gives undefined). */
  | { readonly kind: 'not-zip' }
  /** An entry inflates to more bytes than the central directory declares for it. */
  | { readonly kind: 'larger-than-declared'; readonly part: string }
  /** The entries inflate to more than the limit: at least `bytes`. */
  | { readonly kind: 'over-limit'; readonly part: string; readonly bytes: number }
  /** Encrypted (general-purpose flag bit 0), which JSZip refuses. */
  | { readonly kind: 'encrypted'; readonly part: string }
  /** Compressed by a method other than stored (0) or deflate (8), which JSZip refuses. */
  | { readonly kind: 'unknown-compression'; readonly part: string; readonly method: number }
  /** No local header where the directory says, data running past the end, or a corrupt deflate stream. */
  | { readonly kind: 'damaged'; readonly part: string; readonly detail: string };

/**
 * Inflates every entry, never to more than it declares nor, all together, to more than `limit` bytes,
 * and keeps none of it. Undefined when the entries unpack within both; the problem otherwise, or when
 * the bytes are not a zip JSZip could read (see unpackedSize, which says so first).
 */
export function unpackWithin(bytes: Uint8Array, limit: number): UnpackProblem | undefined {
  const entries = centralDirectory(bytes);
  if (entries === undefined) return { kind: 'not-zip' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const part = utf8.decode(bytes.subarray(entry.nameAt, entry.nameAt + entry.nameLength));
    if (entry.flags & ENCRYPTED) return { kind: 'encrypted', part };
    if (entry.method !== STORED && entry.method !== DEFLATED)
      return { kind: 'unknown-compression', part, method: entry.method };
    const at = entry.localHeader;
    if (at < 0 || at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
      return { kind: 'damaged', part, detail: 'there is no local header where the zip directory says' };
    }
    // The local header's own name and extra field, which need not be those of the central record.
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > bytes.length)
      return { kind: 'damaged', part, detail: 'its data runs past the end of the file' };
    const data = bytes.subarray(start, start + entry.compressedSize);

    const left = limit - total;
    // At most this part's declared size, and what is left of the limit: never more than the limit in all.
    const ceiling = Math.min(entry.uncompressedSize, left);
    let size: number;
    if (entry.method === STORED || data.length === 0) {
      // JSZip's inflater (pako) gives nothing for no data, and no error.
      size = entry.method === STORED ? data.length : 0;
    } else {
      try {
        size = inflateRawSync(data, {
          maxOutputLength: Math.min(ceiling + 1, kMaxLength),
          chunkSize: chunkFor(ceiling),
        }).length;
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'ERR_BUFFER_TOO_LARGE') {
          return { kind: 'damaged', part, detail: error instanceof Error ? error.message : String(error) };
        }
        size = ceiling + 1; // at least
      }
    }
    if (size > entry.uncompressedSize) return { kind: 'larger-than-declared', part };
    if (size > left) return { kind: 'over-limit', part, bytes: total + size };
    total += size;
  }
  return undefined;
}

/**
 * zlib's output chunk: one, big enough for the part and a byte over the most allowed. An honest part
 * then inflates into that one buffer, which is returned as it is; a part that inflates to more fills it
 * and is refused before a second is allocated. (zlib's default of 16 KB would make a large part cost
 * many small buffers and then their copy, twice its size.)
 */
function chunkFor(ceiling: number): number {
  return Math.max(64, Math.min(ceiling + 2, kMaxLength));
}

/** Every record of the central directory, found as JSZip finds it, or undefined when JSZip could not. */
function centralDirectory(bytes: Uint8Array): Entry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const last = (signature: number, before: number) => {
    for (let at = before; at >= 0; at--) if (u32(at) === signature) return at;
    return -1;
  };
  try {
    const end = last(END, bytes.length - 22);
    if (end < 0) return undefined;
    let size = u32(end + 12);
    let offset = u32(end + 16);
    let expectedEnd = offset + size;
    if (
      u16(end + 4) === 0xffff ||
      u16(end + 6) === 0xffff ||
      u16(end + 8) === 0xffff ||
      u16(end + 10) === 0xffff ||
      size === MAX32 ||
      offset === MAX32
    ) {
      // ZIP64: the real size and offset of the directory are in a second end record, found by a locator.
      const locator = last(ZIP64_LOCATOR, bytes.length - 20);
      if (locator < 0) return undefined;
      let end64 = u64(locator + 8);
      if (end64 + 56 > bytes.length || u32(end64) !== ZIP64_END) end64 = last(ZIP64_END, bytes.length - 56);
      if (end64 < 0) return undefined;
      size = u64(end64 + 40);
      offset = u64(end64 + 48);
      expectedEnd = offset + size + 20 + 12 + u64(end64 + 4);
    }
    // Bytes before the archive (a self-extractor's stub) shift every offset by their length.
    if (end < expectedEnd) return undefined;
    const shift = end - expectedEnd;
    let at = offset + shift;
    const entries: Entry[] = [];
    while (at + 46 <= bytes.length && u32(at) === ENTRY) {
      const nameLength = u16(at + 28);
      const extraLength = u16(at + 30);
      // A size or offset of 0xFFFFFFFF is in the ZIP64 extra field, in this order, if there is one
      // (otherwise it stands: a size of 4 GB).
      let field = zip64Field(at + 46 + nameLength, extraLength);
      const wide = (value: number) => {
        if (value !== MAX32 || field === undefined) return value;
        const wideValue = u64(field);
        field += 8;
        return wideValue;
      };
      const uncompressedSize = wide(u32(at + 24));
      const compressedSize = wide(u32(at + 20));
      const localHeader = wide(u32(at + 42)) + shift;
      entries.push({
        nameAt: at + 46,
        nameLength,
        flags: u16(at + 8),
        method: u16(at + 10),
        compressedSize,
        uncompressedSize,
        localHeader,
      });
      at += 46 + nameLength + extraLength + u16(at + 32);
    }
    return entries;
  } catch {
    return undefined; // a record runs past the end of the bytes
  }

  /** Where the last ZIP64 extra field (id 0x0001) starts among `length` bytes of extra fields: JSZip keeps the last. */
  function zip64Field(extra: number, length: number): number | undefined {
    let found: number | undefined;
    for (let at = extra; at + 4 < extra + length; at += 4 + u16(at + 2)) if (u16(at) === 0x0001) found = at + 4;
    return found;
  }
}
