/**
 * How the printed papers fall on their pages, read from where pdftotext finds the words: the example,
 * its second house style, the performance overview and a paper of another shape
 * (test/fixtures/paper-shapes: diagrams placed in inline text, a run chart of 16 months with its
 * 16-row table, the neighbours and benchmark diagrams).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MONTHS } from '../../src/dates.js';
import { pdfText, runCli, tempDir, type CliResult } from '../support/cli.js';
import { bodyWords, pageFill, pdfPages, sameLine, type Page, type Word } from '../support/page-layout.js';

const out = tempDir();
const DEFAULT_MARGINS = { top: 22, bottom: 20 }; // templates/print.css
const COUNCIL_B_MARGINS = { top: 20, bottom: 22 }; // templates/council-b/print.css

const PAPERS = [
  {
    name: 'a paper of another shape',
    args: ['test/fixtures/paper-shapes/report.config.yaml', '--root', '.'],
    pdf: 'paper-shapes.pdf',
    margins: DEFAULT_MARGINS,
  },
  {
    name: 'the example',
    args: ['report.config.yaml'],
    pdf: 'walsall-repeat-child-protection-plans.pdf',
    margins: DEFAULT_MARGINS,
  },
  {
    name: 'the second house style',
    args: ['examples/second-style/report.config.yaml', '--root', '.'],
    pdf: 'walsall-repeat-child-protection-plans-second-style.pdf',
    margins: COUNCIL_B_MARGINS,
  },
  {
    name: 'the performance overview',
    args: ['examples/cp-overview/report.config.yaml', '--root', '.'],
    pdf: 'walsall-child-protection-performance-2024-25.pdf',
    margins: DEFAULT_MARGINS,
  },
] as const;

const built = new Map<string, { result: CliResult; pages: Page[]; text: string }>();

beforeAll(async () => {
  // Two at a time: a build is a browser's print, and the machine may have two cores.
  for (let i = 0; i < PAPERS.length; i += 2)
    await Promise.all(
      PAPERS.slice(i, i + 2).map(async (paper) => {
        const result = await runCli(['build', ...paper.args, '--out', out, '--quiet']);
        const file = join(out, paper.pdf);
        built.set(paper.name, {
          result,
          pages: result.code === 0 ? await pdfPages(file) : [],
          text: result.code === 0 ? await pdfText(file) : '',
        });
      }),
    );
});

/** The pages, one string each, as pdftotext reads them. */
const pageTexts = (text: string) => text.split('\f').slice(0, -1);

describe.each(PAPERS)('$name', (paper) => {
  const get = () => built.get(paper.name)!;

  it('builds', () => {
    expect(get().result.stderr).toBe('');
    expect(get().result.code).toBe(0);
  });

  it('leaves no page less than a third full, but the last and the one before an appendix', () => {
    const { pages, text } = get();
    const appendix = pageTexts(text).findIndex((page) => /^Appendix A: /m.test(page));
    const excused = new Set([pages.length - 1, appendix - 1]);
    const fills = pages.map((page) => Math.round(pageFill(page, paper.margins) * 100));
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, fill] of fills.entries())
      if (!excused.has(i)) expect(fill, `page ${i + 1} of ${pages.length}: ${fills.join('% ')}%`).toBeGreaterThan(33);
  });

  it('prints at full size: most of its words at 12pt or 11pt (text, tables), as the CSS sets them (nothing shrunk to fit)', () => {
    // Chromium prints the whole document smaller when anything in it is wider than the page. pdftotext's
    // box of a word in Source Sans 3 runs from its ascender to its descender, 1.424 em (1024 and -400 in
    // its 1000 units), so a paper at full size has most of its words in boxes 12 x 1.424 pt high (17.1), or 11 x 1.424 (15.7)
    // where tables fill it; shrunk to fit 13 columns, they were 10.8.
    const heights = new Map<number, number>();
    for (const page of get().pages)
      for (const word of bodyWords(page, paper.margins)) {
        const height = Math.round((word.yMax - word.yMin) * 10) / 10;
        heights.set(height, (heights.get(height) ?? 0) + 1);
      }
    const [commonest] = [...heights].sort((a, b) => b[1] - a[1])[0]!;
    expect(commonest).toBeGreaterThanOrEqual(11 * 1.424 - 0.1);
    expect(commonest).toBeLessThanOrEqual(12 * 1.424 + 0.1);
  });

  it('prints each paragraph number beside its own text: never over a caption, never alone at a page foot', () => {
    let numbers = 0;
    for (const [i, page] of get().pages.entries()) {
      const words = bodyWords(page, paper.margins);
      const paragraphNumbers = words.filter(
        (word) => /^\d+\.\d+$/.test(word.text) && !sameLine(words, word).some((w) => w.xMax <= word.xMin),
      );
      for (const number of paragraphNumbers) {
        const line = sameLine(words, number);
        const where = `"${number.text}" on page ${i + 1}`;
        expect(
          line.filter((w) => overlaps(w, number)).map((w) => w.text),
          where,
        ).toEqual([]);
        expect(line.filter((w) => w.xMin > number.xMax).length, `${where} has text beside it`).toBeGreaterThan(0);
      }
      numbers += paragraphNumbers.length;
    }
    expect(numbers).toBeGreaterThan(2);
  });

  it('never breaks a period label across two lines ("2016-" and "17", "April to" and "July 2016")', () => {
    const { text } = get();
    const month = `(?:${MONTHS.join('|')})`;
    expect(text).toMatch(/\b20\d\d-\d\d\b/);
    // A year's first half and its hyphen with no second half after it: "2016-" at a line's end, or
    // "2012- 2013-" where pdftotext runs the first lines of a table's header cells together.
    expect(text).not.toMatch(/\b(?:19|20)\d\d-(?!\d)/);
    expect(text).not.toMatch(new RegExp(`\\b${month}(?: \\d{4})? to\\n`));
    expect(text).not.toMatch(new RegExp(`\\b${month}\\n(?:to |\\d{4}\\b)`));
  });
});

/** Two words' boxes overlap across the line. */
const overlaps = (a: Word, b: Word) => Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0;

describe('a long table running on to the next page', () => {
  it('repeats its header row on every page it reaches and keeps each row whole', () => {
    const { pages } = built.get('a paper of another shape')!;
    const month = new RegExp(`^(?:${MONTHS.join('|')})$`);
    const reached = pages.flatMap((page, i) => {
      const words = bodyWords(page, DEFAULT_MARGINS);
      // A row of the table: a month, its year and its figure, and nothing else on the line.
      const rows = words.filter((word) => {
        const line = sameLine(words, word).map((w) => w.text);
        return month.test(word.text) && line.length === 2 && /^\d{4}$/.test(line[0]!) && /^\d+\.\d$/.test(line[1]!);
      });
      if (rows.length === 0) return [];
      const header = words.find(
        (word) =>
          word.text === 'Month' &&
          sameLine(words, word)
            .map((w) => w.text)
            .join() === 'Walsall',
      );
      expect(header, `the header row on page ${i + 1}`).toBeDefined();
      expect(header!.yMax).toBeLessThanOrEqual(Math.min(...rows.map((row) => row.yMin)));
      return [rows.length];
    });
    // December 2015 to March 2017, each once; the table reaches two pages in this paper.
    expect(reached.reduce((a, b) => a + b, 0)).toBe(16);
    expect(reached.length).toBe(2);
  });
});
