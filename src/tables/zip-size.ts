/**
 * How big a zip archive (an .xlsx workbook) says its contents are, from its central directory alone,
 * so that a zip bomb is refused before exceljs inflates every part of it into memory. The records are
 * found the way JSZip (exceljs's zip reader, jszip/lib/zipEntries.js) finds them, so that both see the
 * same entries. The sizes are as declared: JSZip refuses an entry whose inflated size differs, but only
 * after inflating all of it.
 */
const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const ENTRY = 0x02014b50;
const MAX32 = 0xffffffff;

/** The sum of every entry's uncompressed size, or undefined when the bytes are not a zip JSZip could read. */
export function unpackedSize(bytes: Uint8Array): number | undefined {
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
    if (u16(end + 4) === 0xffff || u16(end + 6) === 0xffff || u16(end + 8) === 0xffff || u16(end + 10) === 0xffff || size === MAX32 || offset === MAX32) {
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
    let at = offset + (end - expectedEnd);
    let total = 0;
    while (at + 46 <= bytes.length && u32(at) === ENTRY) {
      const nameLength = u16(at + 28);
      const extraLength = u16(at + 30);
      total += entrySize(u32(at + 24), at + 46 + nameLength, extraLength);
      at += 46 + nameLength + extraLength + u16(at + 32);
    }
    return total;
  } catch {
    return undefined; // a record runs past the end of the bytes
  }

  /** A size of 0xFFFFFFFF is in the ZIP64 extra field if there is one (otherwise it stands, at 4 GB). */
  function entrySize(declared: number, extra: number, extraLength: number): number {
    if (declared !== MAX32) return declared;
    let zip64: number | undefined;
    for (let at = extra; at + 4 < extra + extraLength; at += 4 + u16(at + 2)) if (u16(at) === 0x0001) zip64 = at + 4;
    return zip64 === undefined ? declared : u64(zip64);
  }
}
