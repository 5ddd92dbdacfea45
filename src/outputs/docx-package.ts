/**
 * The Word package finished: made reproducible, so that two builds give the same bytes, and given its
 * fonts. The docx package stamps its parts and core properties with the time of writing, keys each
 * embedded font with a random GUID, and deflates everything in JavaScript, the fonts (most of the
 * package's bytes) on every build. So the document is written with placeholder faces and pictures:
 * here the dates become the report's date, each placeholder face the real face under a fixed key,
 * obfuscated and deflated once per process, and each placeholder picture its PNG or JPEG. (Hashing and
 * deflating a report's three charts in JavaScript took the docx package a third of the twin's time.)
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { TrueTypeFaces } from '../fonts.js';
import { deflated, zipArchive, type Deflated } from './zip-archive.js';

/** What the docx package embeds for each face: the real one is put in its place by `finished`. */
export const FONT_PLACEHOLDER = Buffer.alloc(32);

type Parts = Map<string, Uint8Array | Deflated>;

/** The document's pictures, each given to the docx package as a few bytes of its own that stand for it. */
export class Pictures {
  readonly #pictures = new Map<string, Uint8Array>();

  placeholder(picture: Uint8Array): Uint8Array {
    const key = `scrutiny picture ${this.#pictures.size + 1}`;
    this.#pictures.set(key, picture);
    return Buffer.from(key, 'latin1');
  }

  /** The picture a part of the package stands for, if it is a placeholder. */
  standingFor(part: Uint8Array): Uint8Array | undefined {
    return part.length < 32 ? this.#pictures.get(Buffer.from(part).toString('latin1')) : undefined;
  }
}

export function finished(docx: Uint8Array, date: Date, faces: TrueTypeFaces, pictures: Pictures): Uint8Array {
  const parts: Parts = new Map(Object.entries(unzipSync(docx)));
  for (const [name, part] of parts) {
    const picture = name.startsWith('word/media/') && part instanceof Uint8Array && pictures.standingFor(part);
    if (picture) parts.set(name, picture);
  }
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  edit(parts, 'docProps/core.xml', (xml) => xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*</g, `$1${stamp}<`));
  embedFonts(parts, faces);
  return zipArchive(parts, date);
}

/** A part's text changed in place; nothing if the package has no such part. */
function edit(parts: Parts, name: string, change: (xml: string) => string): void {
  const part = parts.get(name);
  if (part instanceof Uint8Array) parts.set(name, strToU8(change(strFromU8(part))));
}

const FACES = { Regular: 'regular', Bold: 'bold', Italic: 'italic' } as const;

/**
 * Puts each face in its placeholder's part under a fixed key, and the key in the font table. Word's
 * obfuscation (ECMA-376 part 1, 17.8.1) is the font's first 32 bytes XORed with the key's 16 bytes in
 * reverse order; it hides nothing, so a key derived from the face's place serves.
 */
function embedFonts(parts: Parts, faces: TrueTypeFaces): void {
  const rels = parts.get('word/_rels/fontTable.xml.rels');
  if (!(rels instanceof Uint8Array)) return;
  const targets = new Map(
    [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)].flatMap(([element]) => {
      const id = /\bId="([^"]+)"/.exec(element)?.[1];
      const target = /\bTarget="([^"]+)"/.exec(element)?.[1];
      return id && target ? [[id, `word/${target}`] as const] : [];
    }),
  );
  edit(parts, 'word/fontTable.xml', (table) => {
    let xml = table;
    const embeds = [
      ...xml.matchAll(/<w:embed(Regular|Bold|Italic) r:id="([^"]+)" w:fontKey="\{([0-9A-F-]{36})\}"\/>/g),
    ];
    for (const [index, [element, kind, id, key]] of embeds.entries()) {
      const target = targets.get(id!);
      if (!target || !parts.has(target)) continue;
      const guid = fixedKey(index);
      parts.set(target, obfuscated(faces[FACES[kind as keyof typeof FACES]], guid));
      xml = xml.replace(element, element.replace(key!, guid));
    }
    return xml;
  });
}

/** The same GUID for the same place in the font table, build after build. */
function fixedKey(index: number): string {
  const hex = createHash('sha256')
    .update(`scrutiny font ${index + 1}`)
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Each face obfuscated under each key, deflated: the same for every report a process writes. */
const obfuscations = new WeakMap<Uint8Array, Map<string, Deflated>>();

function obfuscated(face: Uint8Array, guid: string): Deflated {
  const byKey = obfuscations.get(face) ?? new Map<string, Deflated>();
  obfuscations.set(face, byKey);
  let part = byKey.get(guid);
  if (!part) {
    const bytes = Uint8Array.from(face);
    const key = keyBytes(guid);
    for (let i = 0; i < 32 && i < bytes.length; i++) bytes[i] = bytes[i]! ^ key[i % 16]!;
    part = deflated(bytes);
    byKey.set(guid, part);
  }
  return part;
}

/** A GUID's 16 bytes in the order the obfuscation uses them: from its last hex pair to its first. */
const keyBytes = (guid: string) =>
  (guid.replace(/-/g, '').match(/../g) ?? []).map((pair) => parseInt(pair, 16)).reverse();
