/**
 * A council's own row for a year DfE has published stands in for the published figure; the note under
 * the diagram's table says so, and the JSON keeps what was published beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const DEFINITION = `
report:
  title: Repeat plans
  slug: replaced-probe
  council: Walsall Council
  committee: Scrutiny Committee
  meetingDate: 2016-10-11
area: { code: "335", name: Walsall }
data:
  national: data/dfe
  local:
    - { id: own, file: probe-local.csv }
indicators:
  - id: repeat_plans
    base: cpp_subsequent_percent
    from: 2013-14
    to: 2015-16
    local: { source: own, from: Period start, to: Period end, numerator: Repeat, denominator: Plans }
diagrams:
  - { id: trend, title: Repeat plans (%), indicator: repeat_plans, series: [council, england] }
sections:
  - heading: Summary
    text: '{{diagram "trend"}}'
`;

describe('a local row in place of a published figure', () => {
  it('is named in the note under the table, with the published figure, and kept in the JSON', async () => {
    const effects = memoryEffects();
    effects.overrides.set(join(ROOT, 'replaced-probe.yaml'), DEFINITION);
    // 95 of 541 is 17.56%, shown 17.6%, in place of the 17.2% DfE published for Walsall in 2015-16.
    effects.overrides.set(
      join(ROOT, 'probe-local.csv'),
      'Period start,Period end,Plans,Repeat\n2015-04-01,2016-03-31,541,95\n',
    );
    const { html, indicators } = await buildReport({ file: 'replaced-probe.yaml' }, effects);
    const text = html.replace(/<[^>]*>/g, '').replace(/&#x27;/g, "'");
    expect(text).toContain(
      "Walsall's own figure is shown in place of the one published in DfE, Characteristics of children in need for 2015-16 (17.2% published; probe-local.csv).",
    );
    const figure = indicators.indicators.repeat_plans!.series.council.figures['2015-16']!;
    expect(figure.value).toBe(17.6);
    expect(figure.replaces).toEqual({ value: 17.2 });
    // Ranked among the other councils' published figures, never against its own published 17.2%.
    const file = 'data/dfe/d3_cpps_subsequent_plan_2013_to_2025.csv';
    const table = readCsv(file, readFileSync(join(ROOT, file), 'utf8'));
    const col = (name: string) => table.columns.indexOf(name);
    const others = table.rows
      .filter(
        (row) =>
          row.values[col('time_period')] === '2016' &&
          row.values[col('geographic_level')] === 'Local authority' &&
          row.values[col('old_la_code')] !== '335',
      )
      .map((row) => String(row.values[col('CPP_subsequent_percent')]))
      .filter((text) => /^\d+(\.\d+)?$/.test(text))
      .map(Number);
    const result = indicators.indicators.repeat_plans!;
    expect(result.assessments['2015-16']?.rank?.position).toBe(others.filter((v) => v < 17.6).length + 1);
    expect(result.councils['2015-16']!.filter((c) => c.code === '335')).toEqual([
      { code: '335', name: 'Walsall', value: 17.6 },
    ]);
    // A year the council did not re-enter has no such note.
    expect(text).not.toMatch(/2014-15 \([\d.]+% published/);
  });
});
