/**
 * Chromium names each tagged element of a PDF after its DOM node's id ("node00000037"), a counter its
 * renderer process shares between every page it holds: the same document printed beside another gets
 * other numbers, and the same inputs would not give the same file. Renumbered in their own order (the
 * smallest 1, the next 2...), which keeps the ID tree sorted and each table cell's /Headers naming the
 * same header cells. Every name keeps its width, so nothing else in the file moves.
 */
const NODE_ID = /(?<!\\)\(node(\d{8})\)/g;

/** The PDF with its element ids renumbered, in place. */
export function renumberNodeIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const found = [...text.matchAll(NODE_ID)];
  const numbers = [...new Set(found.map((match) => match[1]!))].sort();
  const renumbered = new Map(numbers.map((number, i) => [number, String(i + 1).padStart(8, '0')]));
  for (const match of found) {
    const digits = renumbered.get(match[1]!)!;
    const at = match.index + '(node'.length;
    for (let i = 0; i < digits.length; i += 1) pdf[at + i] = digits.charCodeAt(i);
  }
  return pdf;
}
