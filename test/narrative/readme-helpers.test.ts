/**
 * The README's table of helpers is true: every example in it, built into the example report, gives
 * exactly the words the table says it gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPER_NAMES } from '../../src/narrative/helpers.js';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const table = README.split('| helper | example | gives |\n|---|---|---|\n')[1]!.split('\n\n')[0]!;
const rows = table.split('\n').map((line) => {
  const [, helper, example, gives] = /^\| `(\w+)`[^|]*\| `(.*)` \| (.*) \|$/.exec(line)!;
  return { helper: helper!, example: example!, gives: gives! };
});

describe("the README's helpers", () => {
  it('lists every helper there is', () => {
    expect([...new Set(rows.map((row) => row.helper))].sort()).toEqual([...HELPER_NAMES].sort());
  });

  it('gives what it says for each example, in the example report', async () => {
    const checked = rows.filter((row) => !row.gives.startsWith('('));
    const effects = memoryEffects();
    const probe = checked.map((row, i) => `<span class="probe-${i}">${row.example}</span>`).join('');
    effects.overrides.set(join(ROOT, 'templates/walsall/conclusion.hbs'), `<p>${probe}</p>`);
    const { html } = await buildReport({ file: 'report.config.yaml' }, effects);
    checked.forEach((row, i) => {
      const found = new RegExp(`<span class="probe-${i}">(.*?)</span>(?=<span class="probe-|</p>)`).exec(html)?.[1];
      const words = found
        ?.replace(/<[^>]*>/g, '')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, '&');
      expect(words, row.example).toBe(row.gives);
    });
  });
});
