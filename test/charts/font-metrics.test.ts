import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontMetricsTable } from '../../src/charts/font-metrics-table.js';
import { measureText } from '../../src/charts/text-metrics.js';
import { fontFile } from '../../src/fonts.js';

describe('chart text metrics', () => {
  it('come from the bundled font as it is now (run node scripts/write-font-metrics.mjs after changing it)', () => {
    expect(JSON.parse(readFileSync('src/charts/font-metrics.json', 'utf8'))).toEqual(fontMetricsTable());
  });

  it("measure within 3% of the font's own shaping, kerning included, regular and bold", () => {
    for (const [weight, bold] of [
      ['400', undefined],
      ['700', 'bold'],
    ] as const) {
      const font = create(readFileSync(fontFile('latin', weight))) as Font;
      for (const text of [
        'Statistical neighbours (mean)',
        'Walsall 17.2%',
        'England 17.9%',
        'April to August 2016',
        'Per 10,000 children',
        'Herefordshire, County of',
      ]) {
        const shaped = (font.layout(text).advanceWidth / font.unitsPerEm) * 13;
        expect(Math.abs(measureText(text, 13, bold) - shaped) / shaped, `${text} (${weight})`).toBeLessThan(0.03);
      }
    }
  });
});
