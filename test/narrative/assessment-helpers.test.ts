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

async function render(template: string, edit: (yaml: string) => string = (yaml) => yaml): Promise<string> {
  const effects = memoryEffects();
  effects.overrides.set(join(ROOT, 'templates/walsall/conclusion.hbs'), `<p class="probe">${template}</p>`);
  const config = join(ROOT, 'report.config.yaml');
  effects.overrides.set(config, edit(readFileSync(config, 'utf8')));
  const { html } = await buildReport({ file: 'report.config.yaml' }, effects);
  const probe = /<p class="probe"><span class="paragraph-number">[\d.]+<\/span> (.*?)<\/p>/.exec(html)![1]!;
  // Period labels are kept whole on a line by a span of their own; the words are what is tested.
  return probe.replace(/<span class="period">(.*?)<\/span>/g, '$1');
}

/** Walsall's 2015-16 position among councils' published second-or-subsequent percentages (low is good). */
function publishedRank(highIsGood = false): { position: number; outOf: number } {
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
  const better = values.filter((value) => (highIsGood ? value > 17.2 : value < 17.2));
  return { position: better.length + 1, outOf: values.length };
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

  it('a polarity given in the definition turns a built-in indicator round: judged and ranked high-is-good', async () => {
    const flip = (yaml: string) =>
      yaml.replace(
        '    base: cpp_subsequent_percent\n',
        '    base: cpp_subsequent_percent\n    polarity: high-is-good\n',
      );
    // 10.4% against England's 14.9%: lower, so worse when a high figure is good.
    expect(await render('{{verdict "repeat_plans" "2012-13" with="england"}}', flip)).toBe(
      'worse than England (14.9%)',
    );
    const { position, outOf } = publishedRank(true);
    expect(await render('{{rank "repeat_plans" "2015-16"}}', flip)).toMatch(
      new RegExp(`^ranked ${ordinal(position)} of ${outOf} councils`),
    );
    expect(publishedRank(true).position).not.toBe(publishedRank().position);
  });

  it('{{rank}} of a part year says it is not ranked rather than inventing a position', async () => {
    expect((await render('{{rank "repeat_plans" "latest"}}')).replaceAll('&#x27;', "'")).toBe(
      "is not ranked for April to August 2016, as other councils' figures are published for whole years only",
    );
  });
});
