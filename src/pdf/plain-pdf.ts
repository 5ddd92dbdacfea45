/**
 * A PDF as Chromium writes it, read and edited as it is written: every object uncompressed, one classic
 * cross-reference table at the end, no update after it. Only the objects asked for are parsed (the page
 * tree and the bookmarks, not the thousands of tags), and only the document information is rewritten,
 * in place, each later object's offset moved by the difference. pdf-lib parsed every object of a pack's
 * print and wrote every one again: about a tenth of a pack's time.
 *
 * Anything else (a cross-reference stream, an update, a string this reader does not decode) is a
 * NotPlainPdf, and read-pdf.ts and metadata.ts use pdf-lib instead.
 */
export class NotPlainPdf extends Error {}

export type PdfValue = number | boolean | null | Name | Ref | PdfString | PdfValue[] | PdfDict;
export type PdfDict = Map<string, PdfValue>;
export class Name {
  constructor(readonly name: string) {}
}
export class Ref {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
}
/** A string's bytes, one character a byte (latin1), as written between its brackets once unescaped. */
export class PdfString {
  constructor(readonly bytes: string) {}
}

interface Entry {
  readonly offset: number;
}

export interface PlainPdf {
  readonly text: string;
  readonly trailer: PdfDict;
  /** The object a value stands for, if it is a reference. */
  resolve(value: PdfValue | undefined): PdfValue | undefined;
  /** The same file with object `num` written anew. */
  replace(num: number, body: string): Uint8Array;
}

export function plainPdf(bytes: Uint8Array): PlainPdf {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!end) throw new NotPlainPdf('no cross-reference table at the end');
  const xrefAt = Number(end[1]);
  const { entries, trailerAt } = crossReferences(text, xrefAt);
  const trailer = asDict(parseAt(text, trailerAt + 'trailer'.length));
  if (trailer.has('Prev') || trailer.has('XRefStm')) throw new NotPlainPdf('the file has been updated');
  if (trailer.has('Encrypt')) throw new NotPlainPdf('the file is encrypted');
  const parsed = new Map<string, PdfValue>();

  const object = ({ num, gen }: Ref): PdfValue => {
    const known = parsed.get(`${num} ${gen}`);
    if (known !== undefined) return known;
    const entry = entries.get(num);
    if (!entry) throw new NotPlainPdf(`no object ${num}`);
    const head = /^(\d+) (\d+) obj\b/.exec(text.slice(entry.offset, entry.offset + 32));
    if (!head || Number(head[1]) !== num || Number(head[2]) !== gen)
      throw new NotPlainPdf(`object ${num} is not where the table says`);
    const value = parseAt(text, entry.offset + head[0].length);
    parsed.set(`${num} ${gen}`, value);
    return value;
  };

  return {
    text,
    trailer,
    resolve: (value) => (value instanceof Ref ? object(value) : value),
    replace(num, body) {
      const entry = entries.get(num);
      if (!entry) throw new NotPlainPdf(`no object ${num}`);
      // The next object's start (a loop: a pack's print can have more objects than a call takes arguments).
      let next = xrefAt;
      for (const { offset } of entries.values()) if (offset > entry.offset && offset < next) next = offset;
      const written = `${num} 0 obj\n${body}\nendobj\n`;
      const delta = written.length - (next - entry.offset);
      const moved = (offset: number) => (offset > entry.offset ? offset + delta : offset);
      const table = text
        .slice(xrefAt, trailerAt)
        .replace(
          /^(\d{10})( \d{5} n)/gm,
          (_, offset: string, rest: string) => `${String(moved(Number(offset))).padStart(10, '0')}${rest}`,
        );
      const out =
        text.slice(0, entry.offset) +
        written +
        text.slice(next, xrefAt) +
        table +
        text.slice(trailerAt, text.lastIndexOf('startxref')) +
        `startxref\n${xrefAt + delta}\n%%EOF\n`;
      return Buffer.from(out, 'latin1');
    },
  };
}

/** The table's entries by object number, and where the trailer starts. */
function crossReferences(text: string, at: number): { entries: Map<number, Entry>; trailerAt: number } {
  if (!text.startsWith('xref', at)) throw new NotPlainPdf('a cross-reference stream');
  const trailerAt = text.indexOf('trailer', at);
  if (trailerAt < 0) throw new NotPlainPdf('no trailer');
  const entries = new Map<number, Entry>();
  const lines = text.slice(at + 4, trailerAt).split(/\r\n|\r|\n/);
  let num = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const section = /^(\d+) (\d+)$/.exec(line);
    if (section) {
      num = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(line);
    if (!entry) throw new NotPlainPdf('an unreadable cross-reference entry');
    if (entry[3] === 'n') entries.set(num, { offset: Number(entry[1]) });
    num += 1;
  }
  return { entries, trailerAt };
}

export function asDict(value: PdfValue | undefined): PdfDict {
  if (!(value instanceof Map)) throw new NotPlainPdf('a dictionary expected');
  return value;
}

/**
 * A string's text: UTF-16BE after its byte order mark, else printable ASCII, where PDFDocEncoding is
 * ASCII too (the rest of PDFDocEncoding, which Chromium does not write, is left to pdf-lib).
 */
export function textOf(value: PdfValue | undefined): string {
  if (!(value instanceof PdfString)) throw new NotPlainPdf('a string expected');
  const { bytes } = value;
  if (bytes.startsWith('\xfe\xff')) {
    if (bytes.length % 2 !== 0) throw new NotPlainPdf('a UTF-16 string cut short');
    return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
  }
  if (/[^\t\n\r\x20-\x7e]/.test(bytes)) throw new NotPlainPdf('a string in PDFDocEncoding');
  return bytes;
}

const DELIMITER = /[\s()<>[\]{}/%]/;
/** Arrays and dictionaries within each other: Chromium's go a few deep, and a parse must not exhaust the stack. */
const MOST_NESTED = 64;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)/;

/** The value written at `at`. */
function parseAt(text: string, at: number): PdfValue {
  let i = at;
  const skip = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text[i] !== '%') return;
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    }
  };
  let depth = 0;
  const value = (): PdfValue => {
    skip();
    const c = text[i];
    if ((c === '[' || text.startsWith('<<', i)) && ++depth > MOST_NESTED)
      throw new NotPlainPdf('values nested too deep');
    if (text.startsWith('<<', i)) {
      i += 2;
      const dict: PdfDict = new Map();
      for (skip(); !text.startsWith('>>', i); skip()) {
        const key = value();
        if (!(key instanceof Name)) throw new NotPlainPdf('a dictionary key that is not a name');
        dict.set(key.name, value());
      }
      i += 2;
      depth--;
      return dict;
    }
    if (c === '[') {
      i++;
      const array: PdfValue[] = [];
      for (skip(); text[i] !== ']'; skip()) array.push(value());
      i++;
      depth--;
      return array;
    }
    if (c === '<') {
      const close = text.indexOf('>', i);
      const hex = text.slice(i + 1, close).replace(/\s/g, '');
      if (close < 0 || /[^0-9a-fA-F]/.test(hex)) throw new NotPlainPdf('an unreadable hex string');
      i = close + 1;
      return new PdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'));
    }
    if (c === '(') return literal();
    if (c === '/') {
      let j = i + 1;
      while (j < text.length && !DELIMITER.test(text[j]!)) j++;
      const name = text
        .slice(i + 1, j)
        .replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      i = j;
      return new Name(name);
    }
    for (const [word, meaning] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (text.startsWith(word, i)) {
        i += word.length;
        return meaning;
      }
    const number = NUMBER.exec(text.slice(i, i + 32));
    if (!number) throw new NotPlainPdf(`an unreadable value at byte ${i}`);
    i += number[0].length;
    const ref = /^\s+(\d+)\s+R\b/.exec(text.slice(i, i + 32));
    if (ref && /^\d+$/.test(number[0])) {
      i += ref[0].length;
      return new Ref(Number(number[0]), Number(ref[1]));
    }
    return Number(number[0]);
  };
  const literal = (): PdfString => {
    let depth = 0;
    let out = '';
    for (i++; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\') {
        const next = text[++i]!;
        const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
        if (octal) {
          out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
          i += octal[0].length - 1;
        } else if (next === '\r') {
          if (text[i + 1] === '\n') i++;
        } else if (next !== '\n') out += { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[next] ?? next;
      } else if (c === '(') {
        depth++;
        out += c;
      } else if (c === ')') {
        if (depth-- === 0) {
          i++;
          return new PdfString(out);
        }
        out += c;
      } else out += c;
    }
    throw new NotPlainPdf('a string without its end');
  };
  return value();
}
