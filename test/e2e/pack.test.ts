/** The example meeting's packs, read page by page as a clerk would check them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, runCli, tempDir, type CliResult } from '../support/cli.js';

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
});
