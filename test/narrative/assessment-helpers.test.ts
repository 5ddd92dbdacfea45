/**
 * {{rank}} and {{verdict}} in a real build: the words must agree with the published file, worked out
 * here independently from the csv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { ordinal } from '../../src/format.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

async function render(template: string): Promise<string> {
  const effects = memoryEffects();
  effects.overrides.set(join(ROOT, 'templates/walsall/conclusion.hbs'), `<p class="probe">${template}</p>`);
  const { html } = await buildReport({ file: 'report.config.yaml' }, effects);
  return /<p class="probe"><span class="paragraph-number">[\d.]+<\/span> (.*?)<\/p>/.exec(html)![1]!;
}

/** Walsall's 2015-16 position among councils' published second-or-subsequent percentages (low is good). */
function publishedRank(): { position: number; outOf: number } {
  const file = 'data/dfe/d3_cpps_subsequent_plan_2013_to_2025.csv';
  const table = readCsv(file, readFileSync(join(ROOT, file), 'utf8'));
  const col = (name: string) => table.columns.indexOf(name);
  const values = table.rows
    .filter(
      (row) => row.values[col('time_period')] === '2016' && row.values[col('geographic_level')] === 'Local authority',
    )
    .map((row) => String(row.values[col('CPP_subsequent_percent')]))
    .filter((text) => /^\d+(\.\d+)?$/.test(text))
    .map(Number);
  return { position: values.filter((value) => value < 17.2).length + 1, outOf: values.length };
}

describe('assessment helpers', () => {
  it('{{rank}} states the position among all councils and the quartile band', async () => {
    const { position, outOf } = publishedRank();
    const band = ['A', 'B', 'C', 'D'][Math.floor((4 * (position - 1)) / outOf)];
    expect(await render('{{rank "repeat_plans" "2015-16"}}')).toMatch(
      new RegExp(`^ranked ${ordinal(position)} of ${outOf} councils \\(quartile ${band}, the `),
    );
  });

  it('{{verdict}} calls 17.2% against England’s 17.9% similar, and says within what', async () => {
    expect(await render('{{verdict "repeat_plans" "2015-16" with="england"}}')).toBe(
      'similar to England (17.9%; within 1 percentage point)',
    );
  });

  it('{{verdict}} judges by polarity outside the tolerance: 10.4% against 14.9% is better (low is good)', async () => {
    expect(await render('{{verdict "repeat_plans" "2012-13" with="england"}}')).toBe('better than England (14.9%)');
  });

  it('{{rank}} of a part year says it is not ranked rather than inventing a position', async () => {
    expect((await render('{{rank "repeat_plans" "latest"}}')).replaceAll('&#x27;', "'")).toBe(
      "is not ranked for April to August 2016, as other councils' figures are published for whole years only",
    );
  });
});
