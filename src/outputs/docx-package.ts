/**
 * The Word package made reproducible, so that two builds give the same bytes: the docx package stamps
 * its parts and core properties with the time of writing, and keys each embedded font with a random
 * GUID. The dates become the report's date and the keys fixed ones.
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipArchive } from './zip-archive.js';

type Parts = Map<string, Uint8Array>;

export function reproducible(docx: Uint8Array, date: Date): Uint8Array {
  const parts: Parts = new Map(Object.entries(unzipSync(docx)));
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  edit(parts, 'docProps/core.xml', (xml) => xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*</g, `$1${stamp}<`));
  rekeyFonts(parts);
  return zipArchive(parts, date);
}

/** A part's text changed in place; nothing if the package has no such part. */
function edit(parts: Parts, name: string, change: (xml: string) => string): void {
  const part = parts.get(name);
  if (part) parts.set(name, strToU8(change(strFromU8(part))));
}

/**
 * Gives each embedded font face a fixed key in place of its random one, and obfuscates its file again
 * with it. Word's obfuscation (ECMA-376 part 1, 17.8.1) is the font's first 32 bytes XORed with the key's
 * 16 bytes in reverse order; it hides nothing, so a key derived from the face's place serves.
 */
function rekeyFonts(parts: Parts): void {
  const rels = parts.get('word/_rels/fontTable.xml.rels');
  if (!rels || !parts.has('word/fontTable.xml')) return;
  const targets = new Map(
    [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)].flatMap(([element]) => {
      const id = /\bId="([^"]+)"/.exec(element)?.[1];
      const target = /\bTarget="([^"]+)"/.exec(element)?.[1];
      return id && target ? [[id, `word/${target}`] as const] : [];
    }),
  );
  edit(parts, 'word/fontTable.xml', (table) => {
    let xml = table;
    const embeds = [...xml.matchAll(/<w:embed\w+ r:id="([^"]+)" w:fontKey="\{([0-9A-F-]{36})\}"\/>/g)];
    for (const [index, [element, id, key]] of embeds.entries()) {
      const bytes = parts.get(targets.get(id!) ?? '');
      if (!bytes) continue;
      const fixed = createHash('sha256')
        .update(`scrutiny font ${index + 1}`)
        .digest('hex')
        .slice(0, 32)
        .toUpperCase();
      const guid = `${fixed.slice(0, 8)}-${fixed.slice(8, 12)}-${fixed.slice(12, 16)}-${fixed.slice(16, 20)}-${fixed.slice(20)}`;
      const [from, to] = [keyBytes(key!), keyBytes(guid)];
      for (let i = 0; i < 32 && i < bytes.length; i++) bytes[i] = bytes[i]! ^ from[i % 16]! ^ to[i % 16]!;
      xml = xml.replace(element, element.replace(key!, guid));
    }
    return xml;
  });
}

/** A GUID's 16 bytes in the order the obfuscation uses them: from its last hex pair to its first. */
const keyBytes = (guid: string) =>
  (guid.replace(/-/g, '').match(/../g) ?? []).map((pair) => parseInt(pair, 16)).reverse();
