/**
 * Advance widths read from the bundled font files with fontkit: the source of font-metrics.json, which
 * charts use at run time (decoding a woff2 font takes a cold build a fifth of a second).
 */
import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { fontFile } from '../fonts.js';

export interface FontMetricsTable {
  readonly unitsPerEm: number;
  /** Advance widths in font units, by character, for the regular and bold weights. */
  readonly regular: Readonly<Record<string, number>>;
  readonly bold: Readonly<Record<string, number>>;
}

export function fontMetricsTable(): FontMetricsTable {
  const load = (weight: string) => create(readFileSync(fontFile('latin', weight))) as Font;
  const widths = (font: Font) => {
    const table: Record<string, number> = {};
    for (const code of font.characterSet) {
      const glyph = font.glyphForCodePoint(code);
      if (glyph.id !== 0) table[String.fromCodePoint(code)] = glyph.advanceWidth;
    }
    return table;
  };
  const regular = load('400');
  return { unitsPerEm: regular.unitsPerEm, regular: widths(regular), bold: widths(load('700')) };
}
