/**
 * The browser's drawing of SVGs to PNG (the standalone chart PNGs and the Word twin's pictures): at twice
 * their size, in the report's font, nothing loaded from outside the drawing, and a drawing that cannot be
 * made left out rather than failing the others.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontFaceCss } from '../../src/fonts.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { launchPrinter, type Printer } from '../../src/pdf/print.js';
import { tempDir } from '../support/cli.js';

const svg = (width: number, height: number, inside = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${inside}</svg>`;
const text = `<text x="10" y="40" font-family="'Source Sans 3', serif" font-size="30">Repeat plans 17.3%</text>`;

/** Width and height from the PNG's IHDR chunk. */
const sizeOf = (png: Uint8Array | undefined): [number, number] => {
  expect(png).toBeDefined();
  const bytes = Buffer.from(png!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
};

describe('drawing SVGs as PNG', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await launchPrinter(findBrowser({ env: process.env, platform: process.platform }), { timeoutMs: 30_000 });
  });
  afterAll(() => printer.close());

  it('draws each at twice its size, in the order given', async () => {
    const pngs = await printer.rasterize([svg(300, 120, text), svg(41, 17), svg(7, 350)], '');
    expect(pngs.map(sizeOf)).toEqual([
      [600, 240],
      [82, 34],
      [14, 700],
    ]);
  });

  it('sets text in the font the style sheet gives, which no SVG carries itself', async () => {
    const css = await fontFaceCss();
    const [withFont, again, without] = await printer
      .rasterize([svg(300, 60, text), svg(300, 60, text)], css)
      .then(async (drawn) => [...drawn, ...(await printer.rasterize([svg(300, 60, text)], ''))]);
    expect(Buffer.from(withFont!).equals(Buffer.from(again!))).toBe(true);
    expect(Buffer.from(withFont!).equals(Buffer.from(without!))).toBe(false);
  });

  it('loads no file an SVG names: a picture on disk is drawn as one that is not there', async () => {
    const dir = tempDir();
    const [red] = await printer.rasterize([svg(50, 50, '<rect width="50" height="50" fill="red"/>')], '');
    writeFileSync(join(dir, 'red.png'), red!);
    const pointingAt = (file: string) =>
      svg(50, 50, `<image href="file://${join(dir, file)}" width="50" height="50"/>`);
    const [there, missing] = await printer.rasterize([pointingAt('red.png'), pointingAt('missing.png')], '');
    expect(Buffer.from(there!).equals(Buffer.from(missing!))).toBe(true);
    expect(Buffer.from(there!).equals(Buffer.from(red!))).toBe(false);
  });

  it('leaves out what cannot be drawn, and draws the rest', async () => {
    const pngs = await printer.rasterize(['not an SVG', svg(0, 10), svg(20, 10)], '');
    expect(pngs[0]).toBeUndefined();
    expect(pngs[1]).toBeUndefined();
    expect(sizeOf(pngs[2])).toEqual([40, 20]);
  });

  it('draws a drawing too big for twice its size smaller, within 16 million pixels', async () => {
    const [wide, large] = await printer.rasterize([svg(100_000, 100), svg(5_000, 5_000)], '');
    const [w, h] = sizeOf(wide);
    expect(w).toBe(8192);
    expect(h).toBe(8);
    const [lw, lh] = sizeOf(large);
    expect(lw).toBe(lh);
    expect(lw * lh).toBeLessThanOrEqual(16e6);
    expect(lw).toBeGreaterThan(3900);
  });
});
