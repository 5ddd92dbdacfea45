/**
 * Vega measures text with a canvas; in Node it has none and guesses 0.8 x characters x font size,
 * which makes legends and labels far too wide or truncated. Give it the real advance widths of the
 * font the document embeds (the same woff2 files), so chart layout matches what is printed.
 */
import * as vega from 'vega';
import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { fontFile } from '../document/fonts.js';

let fonts: { regular: Font; bold: Font } | undefined;
const cache = new Map<string, number>();

type TextItem = { text?: unknown; fontSize?: number; fontWeight?: string | number };

function loadFonts(): { regular: Font; bold: Font } {
  const load = (weight: string) => create(readFileSync(fontFile('latin', weight))) as Font;
  fonts ??= { regular: load('400'), bold: load('700') };
  return fonts;
}

function isBold(weight: TextItem['fontWeight']): boolean {
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
}

/** The width in pixels of one line of text at the item's size and weight. */
export function measureText(text: string, fontSize: number, fontWeight?: TextItem['fontWeight']): number {
  const bold = isBold(fontWeight);
  const key = `${bold ? 'b' : 'r'}${fontSize}|${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    const font = bold ? loadFonts().bold : loadFonts().regular;
    width = (font.layout(text).advanceWidth / font.unitsPerEm) * fontSize;
    cache.set(key, width);
  }
  return width;
}

/** Switch Vega to real metrics; idempotent. */
export function useEmbeddedFontMetrics(): void {
  const metrics = (vega as unknown as { textMetrics: unknown }).textMetrics as { width: (item: TextItem, text?: unknown) => number; estimateWidth: (item: TextItem, text?: unknown) => number };
  metrics.width = (item, text) => {
    const value = text ?? item.text;
    if (typeof value !== 'string' && typeof value !== 'number') return metrics.estimateWidth(item, text);
    return measureText(String(value), item.fontSize ?? 11, item.fontWeight);
  };
}
