/**
 * The width of text in the font the document embeds, from font-metrics.json (read from the same font
 * files by scripts/write-font-metrics.mjs), so chart layout matches what is printed: for the presets'
 * own layout decisions, and for Vega's (render-svg.ts). Kerning is left out: it moves a label by a
 * pixel or two at most.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../version.js';
import type { FontMetricsTable } from './font-metrics-table.js';

export type TextItem = { text?: unknown; fontSize?: number; fontWeight?: string | number };

let metrics: FontMetricsTable | undefined;

function table(): FontMetricsTable {
  metrics ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src/charts/font-metrics.json'), 'utf8')) as FontMetricsTable;
  return metrics;
}

function isBold(weight: TextItem['fontWeight']): boolean {
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
}

/** The width in pixels of one line of text at the item's size and weight. */
export function measureText(text: string, fontSize: number, fontWeight?: TextItem['fontWeight']): number {
  const { unitsPerEm, regular, bold } = table();
  const widths = isBold(fontWeight) ? bold : regular;
  const fallback = widths.n ?? unitsPerEm / 2; // a character outside the Latin subsets
  let units = 0;
  for (const character of text) units += widths[character] ?? fallback;
  return (units / unitsPerEm) * fontSize;
}
