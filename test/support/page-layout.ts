/** Where the words of a PDF stand on its pages, from poppler's pdftotext -bbox, for tests of the layout. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface Page {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Points per millimetre. */
const MM = 72 / 25.4;

export async function pdfPages(file: string): Promise<Page[]> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [
      ...page[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((word) => ({
      xMin: Number(word[1]),
      yMin: Number(word[2]),
      xMax: Number(word[3]),
      yMax: Number(word[4]),
      text: word[5]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!),
    })),
  }));
}

/** The page's words inside its margins (in mm): the running header and the page number left out. */
export function bodyWords(page: Page, margins: { readonly top: number; readonly bottom: number }): Word[] {
  // A line's box starts a little above its text: a point of slack at the top margin.
  return page.words.filter((w) => w.yMin >= margins.top * MM - 1 && w.yMax <= page.height - margins.bottom * MM);
}

/** How far down the page's body its lowest word reaches, from 0 (nothing) to 1 (the bottom margin). */
export function pageFill(page: Page, margins: { readonly top: number; readonly bottom: number }): number {
  const words = bodyWords(page, margins);
  if (words.length === 0) return 0;
  const top = margins.top * MM;
  const bottom = page.height - margins.bottom * MM;
  return (Math.max(...words.map((w) => w.yMax)) - top) / (bottom - top);
}

/** The words on the same line as `word`: their boxes overlap it by more than half its height. */
export function sameLine(words: readonly Word[], word: Word): Word[] {
  const half = (word.yMax - word.yMin) / 2;
  return words.filter((w) => w !== word && Math.min(w.yMax, word.yMax) - Math.max(w.yMin, word.yMin) > half);
}
