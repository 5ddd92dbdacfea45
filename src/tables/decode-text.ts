/**
 * A csv file's bytes -> text. Excel writes UTF-8 only when asked ("CSV UTF-8") and Windows-1252
 * otherwise ("CSV (Comma delimited)"); a lenient decoder turned the latter's "£" and "é" into U+FFFD,
 * which then appeared in published reports. So UTF-8 is tried strictly, then Windows-1252, and bytes
 * that fit neither are refused at their line and column.
 */
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import { validUtf8Prefix } from '../files/read-file.js';
import type { TextEncoding } from './table.js';

export interface DecodedText {
  /** Without the byte-order mark. */
  readonly text: string;
  readonly encoding: TextEncoding;
}

// Windows-1252 leaves these five bytes undefined; the WHATWG decoder (and this one) passes them on as C1 controls.
const UNDEFINED_IN_1252 = /[\u0081\u008d\u008f\u0090\u009d]/;
// Bytes 0x80-0x9F, where Windows-1252 differs from Latin-1. Not TextDecoder('windows-1252'): since
// Node 20.18.3 and 22.13.0 it decodes as Latin-1, giving C1 controls for "€", "–" and "’"
// (nodejs/node#60888).
const C1_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeCsv(file: string, bytes: Uint8Array): DecodedText {
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return refuseNul(file, { text: utf8, encoding: 'utf-8' });
  // A byte-order mark says UTF-8: reading the rest as Windows-1252 would garble its UTF-8 characters.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const valid = new TextDecoder('utf-8').decode(bytes.subarray(0, validUtf8Prefix(bytes)), { stream: true });
    throw new ReportError(message.csvBadUtf8AfterBom(placeInText(file, valid, valid.length)));
  }
  // Every byte is one character in Windows-1252, so places in the text are places in the file.
  const decoded = refuseNul(file, { text: windows1252(bytes), encoding: 'windows-1252' });
  const undefinedAt = decoded.text.search(UNDEFINED_IN_1252);
  if (undefinedAt >= 0) throw new ReportError(message.csvNeitherEncoding(placeInText(file, decoded.text, undefinedAt)));
  return decoded;
}

/** The 1-based line and column (in characters) of text[index]; CRLF, LF and a lone CR each end a line. */
export function placeInText(file: string, text: string, index: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, column: [...text.slice(lineStart, index)].length + 1 };
}

/** No text file holds NUL: a workbook or a UTF-16 file saved under a .csv name does. */
function refuseNul(file: string, decoded: DecodedText): DecodedText {
  const at = decoded.text.indexOf('\u0000');
  if (at >= 0) throw new ReportError(message.csvNotText(placeInText(file, decoded.text, at)));
  return decoded;
}

function windows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => C1_1252[c.charCodeAt(0) - 0x80]!);
}

/** The text if the bytes are well-formed UTF-8 (a leading byte-order mark is dropped), else undefined. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
