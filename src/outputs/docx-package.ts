/**
 * The Word package made reproducible, so that two builds give the same bytes: the docx package stamps
 * its parts and core properties with the time of writing, and keys each embedded font with a random
 * GUID. The dates become the report's date and the keys fixed ones.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';

export async function reproducible(docx: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core)
    zip.file(
      'docProps/core.xml',
      (await core.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*</g, `$1${stamp}<`),
    );
  await rekeyFonts(zip);
  for (const file of Object.values(zip.files)) file.date = date;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * Gives each embedded font face a fixed key in place of its random one, and obfuscates its file again
 * with it. Word's obfuscation (ECMA-376 part 1, 17.8.1) is the font's first 32 bytes XORed with the key's
 * 16 bytes in reverse order; it hides nothing, so a key derived from the face's place serves.
 */
async function rekeyFonts(zip: JSZip): Promise<void> {
  const table = zip.file('word/fontTable.xml');
  const rels = zip.file('word/_rels/fontTable.xml.rels');
  if (!table || !rels) return;
  const targets = new Map(
    [...(await rels.async('string')).matchAll(/<Relationship\b[^>]*>/g)].flatMap(([element]) => {
      const id = /\bId="([^"]+)"/.exec(element)?.[1];
      const target = /\bTarget="([^"]+)"/.exec(element)?.[1];
      return id && target ? [[id, `word/${target}`] as const] : [];
    }),
  );
  let xml = await table.async('string');
  const embeds = [...xml.matchAll(/<w:embed\w+ r:id="([^"]+)" w:fontKey="\{([0-9A-F-]{36})\}"\/>/g)];
  for (const [index, [element, id, key]] of embeds.entries()) {
    const part = zip.file(targets.get(id!) ?? '');
    if (!part) continue;
    const fixed = createHash('sha256')
      .update(`scrutiny font ${index + 1}`)
      .digest('hex')
      .slice(0, 32)
      .toUpperCase();
    const guid = `${fixed.slice(0, 8)}-${fixed.slice(8, 12)}-${fixed.slice(12, 16)}-${fixed.slice(16, 20)}-${fixed.slice(20)}`;
    const bytes = await part.async('uint8array');
    const [from, to] = [keyBytes(key!), keyBytes(guid)];
    for (let i = 0; i < 32 && i < bytes.length; i++) bytes[i] = bytes[i]! ^ from[i % 16]! ^ to[i % 16]!;
    zip.file(part.name, bytes);
    xml = xml.replace(element, element.replace(key!, guid));
  }
  zip.file('word/fontTable.xml', xml);
}

/** A GUID's 16 bytes in the order the obfuscation uses them: from its last hex pair to its first. */
const keyBytes = (guid: string) =>
  (guid.replace(/-/g, '').match(/../g) ?? []).map((pair) => parseInt(pair, 16)).reverse();
