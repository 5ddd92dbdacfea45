/**
 * Other councils named as comparators (comparators: ["Sandwell", "336"]) in series, tables, charts and
 * prose, as england, region and neighbours are. Expected figures from DfE's csv, worked out here:
 * 2015-16 second or subsequent plans, Sandwell 101 of 514 (19.65%, 19.6%), Wolverhampton 50 of 280
 * (17.86%, 17.9%), Walsall 17.2%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/diagnostics/report-error.js';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const CONFIG = readFileSync(join(ROOT, 'report.config.yaml'), 'utf8');

async function build(comparators: string, series: string, probe: string) {
  const effects = memoryEffects();
  const yaml = CONFIG.replace('\nindicators:\n', `\ncomparators: ${comparators}\n\nindicators:\n`).replace(
    '    series: [council, neighbours, england]',
    `    series: ${series}`,
  );
  effects.overrides.set(join(ROOT, 'report.config.yaml'), yaml);
  effects.overrides.set(join(ROOT, 'templates/walsall/conclusion.hbs'), `<p class="probe">${probe}</p>`);
  const result = await buildReport({ file: 'report.config.yaml' }, effects);
  const text = (html: string) =>
    html
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#x27;/g, "'")
      .replace(/\s+/g, ' ');
  return { ...result, text: text(result.html), yaml };
}

describe('other councils as comparators', () => {
  it('are compared with in prose by name or code, judged with the tolerance, and their figures stated', async () => {
    const { text, indicators } = await build(
      '[Sandwell, "336"]',
      '[council, Sandwell, "336", england]',
      'A {{compare "repeat_plans" "2015-16" with="Sandwell"}}. B {{verdict "repeat_plans" "2015-16" with=336}}. C {{value "repeat_plans" "2015-16" area="Wolverhampton"}}.',
    );
    expect(text).toContain('A lower (better) than Sandwell (19.6%).');
    expect(text).toContain('B similar to Wolverhampton (17.9%; within 1 percentage point).');
    expect(text).toContain('C 17.9%.');
    expect(indicators.comparators.others.map((o) => [o.code, o.name])).toEqual([
      ['333', 'Sandwell'],
      ['336', 'Wolverhampton'],
    ]);
    expect(indicators.indicators.repeat_plans!.assessments['2015-16']?.others).toEqual({
      333: 'better',
      336: 'similar',
    });
  });

  it('are drawn and tabled in a trend diagram, and named in its text alternative', async () => {
    const { text, html } = await build('[Sandwell, "336"]', '[council, Sandwell, "336", england]', '');
    expect(text).toMatch(/Sandwell( [\d.x]+)* 19\.6/);
    expect(text).toMatch(/Wolverhampton( [\d.x]+)* 17\.9/);
    expect(html).toMatch(/for Walsall, Sandwell, Wolverhampton and England\./);
  });

  it('refuses a council the data does not have, at its line, with the nearest name', async () => {
    const error = await build('[Sandwel]', '[council, england]', '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    const line = CONFIG.split('\nindicators:\n')[0]!.split('\n').length + 1;
    expect((error as ReportError).problems).toEqual([
      `report.config.yaml, line ${line}, column 15: "Sandwel" is not a council in the national data; did you mean "Sandwell"?`,
    ]);
  });

  it("refuses the report's own council as a comparator, at its line", async () => {
    const error = await build('[Sandwell, Walsall]', '[council, england]', '').catch((e: unknown) => e);
    expect(String((error as ReportError).problems)).toMatch(
      /line \d+, column 25: "Walsall" is the report's own council, so it cannot be a comparator/,
    );
  });

  it('refuses a diagram series that is not a comparator the definition names', async () => {
    const error = await build('[Sandwell]', '[council, Dudley]', '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect(String((error as ReportError).problems)).toMatch(/"Dudley"/);
  });
});
