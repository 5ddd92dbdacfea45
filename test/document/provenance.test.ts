/**
 * The sources line lists what the report used, each once: a report with no neighbours does not list
 * the neighbour model, and a workbook read by two sources is listed once with its as-at dates.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const definition = (sectionText: string, series = '[council, england]') => `
report:
  title: Repeat plans
  slug: sources-probe
  council: Walsall Council
  committee: Scrutiny Committee
  meetingDate: 2016-10-11
area:
  code: "335"
  name: Walsall
data:
  national: data/dfe
  local:
    - id: first
      file: data/walsall-local.xlsx
      sheet: Repeat plans
      asAt: 2016-09-05
    - id: second
      file: data/walsall-local.xlsx
      sheet: Repeat plans
      asAt: 2016-09-12
    - id: unused
      file: data/walsall-local.xlsx
      sheet: Repeat plans
indicators:
  - id: repeat_plans
    base: cpp_subsequent_percent
    local: { source: first, from: Period start, to: Period end, numerator: Second or subsequent plans, denominator: Plans starting }
  - id: referrals_rate
    base: referrals_rate
  - id: repeat_again
    base: cpp_subsequent_percent
    local: { source: second, from: Period start, to: Period end, numerator: Second or subsequent plans, denominator: Plans starting }
diagrams:
  - id: trend
    title: Repeat plans (%)
    indicator: repeat_plans
    series: ${series}
sections:
  - heading: Summary
    text: "${sectionText} {{diagram \\"trend\\"}}"
`;

async function sourcesOf(yaml: string): Promise<string> {
  const effects = memoryEffects();
  const file = join(ROOT, 'sources-probe.yaml');
  effects.overrides.set(file, yaml);
  const { html } = await buildReport({ file: 'sources-probe.yaml' }, effects);
  return /Figures from: (.*?)\. Produced with/s.exec(html)![1]!;
}

describe('the sources line', () => {
  it('lists each publication and file once, and no neighbour model when the report has no neighbours', async () => {
    const sources = await sourcesOf(
      definition(
        'Repeat plans were {{value \\"repeat_plans\\" \\"2015-16\\"}} and {{value \\"repeat_again\\" \\"2015-16\\"}}; referrals {{value \\"referrals_rate\\" \\"2015-16\\"}}.',
      ),
    );
    expect(sources).not.toMatch(/neighbour/i);
    expect(sources.split('data/walsall-local.xlsx')).toHaveLength(2);
    expect(sources).toContain('data/walsall-local.xlsx, as at 5 September 2016 and 12 September 2016');
    // Two indicators from one publication, one of them also from ONS's: each publication once.
    expect(sources.split('Characteristics of children in need')).toHaveLength(2);
    expect(sources.split('ONS mid-year population estimates')).toHaveLength(2);
  });

  it('lists no publication of an indicator the report defines but never states or draws', async () => {
    const sources = await sourcesOf(definition('Repeat plans were {{value \\"repeat_plans\\" \\"2015-16\\"}}.'));
    expect(sources).not.toContain('ONS mid-year population estimates');
    expect(sources).toContain('data/walsall-local.xlsx, as at 5 September 2016');
    expect(sources).not.toContain('12 September 2016');
  });

  it('lists the neighbour model when a diagram shows the neighbours or the prose speaks of them', async () => {
    expect(await sourcesOf(definition('Plans.', '[council, neighbours]'))).toMatch(/statistical neighbour model/);
    const prose = definition('It was {{compare \\"repeat_plans\\" \\"2015-16\\" with=\\"neighbours\\"}}.');
    expect(await sourcesOf(prose)).toMatch(/statistical neighbour model/);
  });

  it('warns of a diagram defined but never placed, and lists nothing for it', async () => {
    const effects = memoryEffects();
    const warned: string[] = [];
    const yaml = definition('Repeat plans were {{value \\"repeat_plans\\" \\"2015-16\\"}}.').replace(
      'diagrams:\n',
      'diagrams:\n  - { id: spare, title: Spare, indicator: referrals_rate, series: [council, neighbours] }\n',
    );
    effects.overrides.set(join(ROOT, 'sources-probe.yaml'), yaml);
    const { html } = await buildReport(
      { file: 'sources-probe.yaml' },
      { ...effects, warn: (line) => warned.push(line) },
    );
    expect(warned).toEqual([
      'Warning: sources-probe.yaml: diagram "spare" is never placed in a section, so the report does not show it; place it with {{diagram "spare"}} or remove it.',
    ]);
    const sources = /Figures from: (.*?)\. Produced with/s.exec(html)![1]!;
    expect(sources).not.toMatch(/neighbour|ONS/);
  });
});
