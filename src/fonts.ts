/**
 * The report's font, bundled from an npm font package and inlined into the document as data URIs, so
 * the PDF embeds it and neither the browser nor the HTML twin loads anything from disk or network.
 * Only the Latin subsets are inlined: they cover English prose, names with accents and the £ and €
 * signs, at about 50 KB per weight. The Word twin embeds the family's TrueType faces instead (Word takes
 * no woff2), from Adobe's own package of the same font.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FONT_PACKAGE = '@fontsource/source-sans-3';
/** The family name print.css and the chart theme use. */
export const FONT_FAMILY = 'Source Sans 3';
const STYLES = ['400', '400-italic', '600', '700'];
const SUBSETS = ['latin', 'latin-ext'];

const TRUETYPE_PACKAGE = 'source-sans';

let cached: Promise<string> | undefined;
let trueType: Promise<TrueTypeFaces> | undefined;

const packageDir = (name = FONT_PACKAGE) => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));

/** One of the bundled font files, for measuring text with the metrics the PDF will have. */
export function fontFile(subset: string, weight: string): string {
  return join(packageDir(), 'files', `source-sans-3-${subset}-${weight}-normal.woff2`);
}

/** @font-face rules with the font files inlined. */
export function fontFaceCss(): Promise<string> {
  cached ??= buildFontFaceCss();
  return cached;
}

async function buildFontFaceCss(): Promise<string> {
  const dir = packageDir();
  const sheets = await Promise.all(STYLES.map((style) => readFile(join(dir, `${style}.css`), 'utf8')));
  const rules = sheets.flatMap((css) => css.match(/\/\* [^*]+ \*\/\s*@font-face\s*\{[^}]*\}/g) ?? []);
  const wanted = rules.filter((rule) =>
    SUBSETS.some((subset) => new RegExp(`-${subset}-\\d+-(normal|italic) \\*/`).test(rule)),
  );
  const inlined = await Promise.all(
    wanted.map(async (rule) => {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
      if (!file) throw new Error(`No woff2 file in the font package's rule: ${rule.slice(0, 80)}`);
      const data = (await readFile(join(dir, 'files', file))).toString('base64');
      return rule
        .replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`)
        .replace(/font-display:\s*swap;/, 'font-display: block;');
    }),
  );
  return inlined.join('\n');
}

export interface TrueTypeFaces {
  readonly regular: Buffer;
  readonly bold: Buffer;
  readonly italic: Buffer;
}

/** The faces a Word document embeds (the PDF's regular, italic and bold), read once per process. */
export function trueTypeFaces(): Promise<TrueTypeFaces> {
  trueType ??= (async () => {
    const dir = join(packageDir(TRUETYPE_PACKAGE), 'TTF');
    const [regular, bold, italic] = await Promise.all(
      ['Regular', 'Bold', 'It'].map((face) => readFile(join(dir, `SourceSans3-${face}.ttf`))),
    );
    return { regular: regular!, bold: bold!, italic: italic! };
  })();
  return trueType;
}
