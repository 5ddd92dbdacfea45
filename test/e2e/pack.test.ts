/** The example meeting's packs, read page by page as a clerk would check them. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bookmark } from '../../src/pdf/outline.js';
import { readBookmarks } from '../../src/pdf/read-pdf.js';
import { pdfInfo, pdfText, ROOT, runCli, tempDir, type CliResult } from '../support/cli.js';

const out = tempDir();
const SLUG = 'walsall-scrutiny-2025-11-20';
const EXEMPT_WORDS = 'evaluation of tenders for the residential placements';
let result: CliResult;
const pages: Record<'public' | 'members', string[]> = { public: [], members: [] };

beforeAll(async () => {
  result = await runCli(['pack', 'agenda.yaml', '--out', out]);
  for (const audience of ['public', 'members'] as const)
    pages[audience] = (await pdfText(join(out, `${SLUG}-${audience}.pdf`))).split('\f');
}, 120_000);

/** The agenda's entries: number, title and page, read from the agenda page's text. */
function agendaEntries(audience: 'public' | 'members') {
  const agenda = pages[audience].find((page) => /^Agenda$/m.test(page))!;
  return [...agenda.replace(/\n(?!\d+\.)/g, ' ').matchAll(/^(\d+)\.\s+(.*?)\s+(\d+)\s*$/gm)]
    .map((m) => ({ number: m[1]!, title: m[2]!.trim(), page: Number(m[3]) }))
    .filter((entry) => !entry.title.includes('not for publication')); // an exempt item's note has no page
}

describe('scrutiny pack agenda.yaml', () => {
  it('builds both packs, the public HTML and each report of its own', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Built the public pack \(\d+ pages\) and the members' pack \(\d+ pages\)/);
    expect(readFileSync(join(out, `${SLUG}-public.html`), 'utf8')).toContain('<html lang="en-GB">');
  });

  it.each(['public', 'members'] as const)(
    '%s pack: every agenda page number is the page where that item starts',
    (audience) => {
      const entries = agendaEntries(audience);
      expect(entries.length).toBe(audience === 'public' ? 5 : 6);
      for (const { number, page } of entries) {
        expect(pages[audience][page - 1], `item ${number} on page ${page}`).toMatch(
          new RegExp(`^Item ${number}: `, 'm'),
        );
        expect(pages[audience][page - 2] ?? '', `item ${number} does not start before page ${page}`).not.toMatch(
          new RegExp(`^Item ${number}: .*\\n(?![\\s\\S]*^Item ${Number(number) + 1}: )`, 'm'),
        );
      }
    },
  );

  it('leaves the exempt item out of the public pack and says so; the members’ pack has it, marked', () => {
    const publicText = pages.public.join('\n');
    expect(publicText).not.toContain(EXEMPT_WORDS);
    expect(publicText).toMatch(/Item 6 is not for publication: Schedule 12A,\s+paragraph 3\./);
    const membersText = pages.members.join('\n');
    expect(membersText.replace(/\s+/g, ' ')).toContain(EXEMPT_WORDS);
    const exemptPage = pages.members.find((page) => page.includes('Item 6: Residential'))!;
    expect(exemptPage).toContain('NOT FOR PUBLICATION');
    expect(readFileSync(join(out, `${SLUG}-public.html`), 'utf8')).not.toContain(EXEMPT_WORDS);
  });

  it('names each item in the running header of its pages', () => {
    const item5 = pages.public.filter((page) => page.includes('Item 5: Child protection performance overview'));
    expect(item5.length).toBeGreaterThan(3);
    expect(item5.every((page) => page.startsWith('Item 5: Child protection performance overview, 2024-25'))).toBe(true);
  });

  it('numbers the pages continuously, is tagged, and bookmarks every item', async () => {
    for (const audience of ['public', 'members'] as const) {
      const pdf = join(out, `${SLUG}-${audience}.pdf`);
      const info = await pdfInfo(pdf);
      expect(info.Tagged).toBe('yes');
      const total = Number(info.Pages);
      expect(pages[audience].filter(Boolean).at(-1)).toContain(`Page ${total} of ${total}`);
      const bytes = readFileSync(pdf).toString('latin1');
      const items = audience === 'public' ? [1, 2, 3, 4, 5] : [1, 2, 3, 4, 5, 6];
      for (const n of items) expect(bytes, `bookmark for item ${n}`).toMatch(new RegExp(`/Title \\(Item ${n}: `));
      expect(bytes).toMatch(/\/Title \(1\. Background and context\)/); // and the sections within items
    }
  });

  it('bookmarks each item once under its own words (not "Item 1: ApologiesItem 1: Apologies")', async () => {
    const titles = (await readBookmarks(readFileSync(join(out, `${SLUG}-members.pdf`)))).map((b) => b.title);
    const items = titles.filter((title) => title.startsWith('Item '));
    expect(items.slice(0, 3)).toEqual([
      'Item 1: Apologies',
      'Item 2: Declarations of interest and party whip',
      'Item 3: Minutes of the last meeting',
    ]);
    expect(items.length).toBe(6);
    for (const title of items) expect(title.indexOf('Item ', 1), title).toBe(-1);
  });

  it.each([
    ['4', 'walsall-repeat-child-protection-plans'],
    ['5', 'walsall-child-protection-performance-2024-25'],
  ])('lays item %s out as its report’s own print, page for page', async (number, slug) => {
    const own = await readBookmarks(readFileSync(join(ROOT, 'output', `${slug}.pdf`)));
    const pack = await readBookmarks(readFileSync(join(out, `${SLUG}-public.pdf`)));
    const start = pack.findIndex((b) => b.title.startsWith(`Item ${number}: `));
    const next = pack.findIndex((b, i) => i > start && b.title.startsWith('Item '));
    // Each report's own files go to its own output folder (--out is the packs'). Its own bookmarks (its
    // title, then its sections) follow the item's, as many pages on as the item starts after page 1,
    // and it ends on the page before the next item's.
    const within = pack.slice(start + 1, next < 0 ? undefined : next);
    const offset = pack[start]!.page - 1;
    const relative = (marks: readonly Bookmark[]) => marks.map((b) => `${b.page} ${b.title}`);
    expect(relative(within.map((b) => ({ ...b, page: b.page - offset })))).toEqual(relative(own));
    const ownPages = Number((await pdfInfo(join(ROOT, 'output', `${slug}.pdf`))).Pages);
    const packPages = Number((await pdfInfo(join(out, `${SLUG}-public.pdf`))).Pages);
    const end = next < 0 ? packPages : pack[next]!.page - 1;
    expect(end - offset).toBe(ownPages);
  });
});

describe('a pack with a report in a house style of its own (the second style, laid out in the pack’s)', () => {
  const dir = tempDir();
  const REVISION = 'Diagram 2 corrected: the 2015-16 figure for England.';
  let pack: { code: number; stderr: string; html: string; bookmarks: Bookmark[]; text: string[] };

  beforeAll(async () => {
    const meeting = readFileSync(join(ROOT, 'agenda.yaml'), 'utf8').replace(/\nitems:[\s\S]*$/, '');
    // The second style's report, revised since it was published, its files named from the repository.
    const report = readFileSync(join(ROOT, 'examples/second-style/report.config.yaml'), 'utf8')
      .replaceAll('../../', `${ROOT}/`)
      .replace('logo: logo.svg', `logo: ${ROOT}/examples/second-style/logo.svg`)
      .replace('\n  council:', `\n  revision:\n    date: 2016-10-12\n    text: "${REVISION}"\n  council:`);
    writeFileSync(join(dir, 'report.config.yaml'), report);
    const items = [
      '  - title: Apologies\n    text: To receive apologies for absence.',
      '  - title: Repeat child protection plans\n    report: report.config.yaml',
      '  - title: Any other business\n    text: Any other business the Chair accepts as urgent.',
    ];
    writeFileSync(join(dir, 'agenda.yaml'), `${meeting}\nitems:\n${items.join('\n')}\n\noutput:\n  slug: styled\n`);
    const result = await runCli(['pack', 'agenda.yaml', '--root', ROOT, '--quiet'], { cwd: dir });
    const pdf = join(dir, 'output/styled-public.pdf');
    pack = {
      ...result,
      html: result.code === 0 ? readFileSync(join(dir, 'output/styled-public.html'), 'utf8') : '',
      bookmarks: result.code === 0 ? await readBookmarks(readFileSync(pdf)) : [],
      text: result.code === 0 ? (await pdfText(pdf)).split('\f') : [],
    };
  }, 120_000);

  it('builds', () => {
    expect(pack.stderr).toBe('');
    expect(pack.code).toBe(0);
  });

  it('shows the report’s revision note and logo on its first page, as its own print does', () => {
    const first = pack.bookmarks.find((b) => b.title.startsWith('Item 2: '))!.page;
    expect(pack.text[first - 1]!.replace(/\s+/g, ' ')).toContain(`Revised on 12 October 2016: ${REVISION}`);
    expect(pack.html).toMatch(/<img class="logo" src="data:image\/svg\+xml;base64,[^"]+" alt="Walsall Council logo">/);
  });

  it('gives in its agenda the page where each item starts', () => {
    const agenda = [...pack.html.matchAll(/href="#item-(\d+)">[\s\S]*?<span class="agenda-page">(\d+)<\/span>/g)];
    expect(agenda.map((m) => m[1])).toEqual(['1', '2', '3']);
    for (const [, number, page] of agenda) {
      const bookmark = pack.bookmarks.find((b) => b.title.startsWith(`Item ${number}: `));
      expect(bookmark?.page, `item ${number}`).toBe(Number(page));
      expect(pack.text[Number(page) - 1]).toMatch(new RegExp(`^Item ${number}: `, 'm'));
    }
  });

  it('gives in the report’s contents list the page where each of its sections starts in the pack', () => {
    const entries = [
      ...pack.html.matchAll(/<a href="#item-2-[^"]+">([^<]+)<\/a><span class="contents-page">(\d*)<\/span>/g),
    ];
    expect(entries.length).toBeGreaterThan(5);
    const after = pack.bookmarks.slice(pack.bookmarks.findIndex((b) => b.title.startsWith('Item 2: ')));
    const squash = (text: string) =>
      text
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, '');
    for (const [, title, page] of entries) {
      const bookmark = after.find((b) => squash(b.title) === squash(title!));
      expect(bookmark?.page, title).toBe(Number(page));
    }
  });
});
