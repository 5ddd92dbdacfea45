/** A chart written in Vega-Lite in the report definition: checked where it stands, bound to indicators by name, never loading anything. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';
import { rejection } from '../support/report-errors.js';

const config = join(ROOT, 'report.config.yaml');
const CUSTOM = (mark: string, extra = '') => `  - id: custom-bars
    title: Walsall's repeat plans by year (%)
    indicator: repeat_plans
    chart:
      vegaLite:
        data: { name: repeat_plans }
        transform: [{ filter: "datum.series == 'Walsall' && datum.whole" }]
        mark: ${mark}
        encoding:
          x: { field: period, type: ordinal, title: null }
          y: { field: value, type: quantitative, title: Per cent }
${extra}`;

function withDiagram(diagram: string) {
  const effects = memoryEffects();
  const text = readFileSync(config, 'utf8').replace('diagrams:\n', `diagrams:\n${diagram}`);
  effects.overrides.set(config, text);
  return { effects, text };
}

describe('a Vega-Lite chart in the report definition', () => {
  it('is drawn from the indicator named as its data, with the house theme and an accessible root', async () => {
    const { effects } = withDiagram(CUSTOM('bar'));
    await buildReport({ file: config }, effects);
    const svg = effects.written[0]!.files.find((f) => f.name.endsWith('charts/custom-bars.svg'))!.content as string;
    expect(svg).toMatch(/^<svg role="img"/);
    for (const year of ['2012-13', '2013-14', '2014-15', '2015-16']) expect(svg).toContain(`>${year}</text>`);
    expect(svg).toContain("'Source Sans 3', sans-serif");
  });

  it('names a mistake where it stands in the YAML, with the nearest valid value', async () => {
    const { effects, text } = withDiagram(CUSTOM('barr'));
    const error = await rejection(buildReport({ file: config }, effects));
    const line = text.split('\n').findIndex((l) => l.includes('mark: barr')) + 1;
    expect(error.problems).toEqual([
      `${config}, line ${line}, column 15: the Vega-Lite chart is not valid: "barr" is not allowed here; did you mean "bar"?`,
    ]);
  });

  it('refuses a URL anywhere in the spec, where it stands in the YAML', async () => {
    const { effects, text } = withDiagram(
      CUSTOM('bar', '        usermeta: { image: { url: "https://example.org/x.png" } }\n'),
    );
    const error = await rejection(buildReport({ file: config }, effects));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('url: "https://example.org')) + 1;
    const column = lines[line - 1]!.indexOf('"https://example.org') + 1;
    expect(error.problems).toEqual([
      `${config}, line ${line}, column ${column}: the Vega-Lite chart is not valid: a chart takes its data from indicators only ({ "name": "<indicator id>" }), never from a URL.`,
    ]);
  });

  it('refuses a link (href) a reader could follow, javascript: or not', async () => {
    const { effects, text } = withDiagram(CUSTOM('bar', '          href: { value: "javascript:alert(1)" }\n'));
    const error = await rejection(buildReport({ file: config }, effects));
    const line = text.split('\n').findIndex((l) => l.includes('javascript:alert')) + 1;
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(
      new RegExp(
        `^${config.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, line ${line}, column \\d+: the Vega-Lite chart is not valid: a chart may not link anywhere \\(href\\)\\.$`,
      ),
    );
  });

  it('refuses data that is not an indicator of the report', async () => {
    const { effects } = withDiagram(CUSTOM('bar').replace('{ name: repeat_plans }', '{ name: referrals }'));
    const error = await rejection(buildReport({ file: config }, effects));
    expect(error.problems[0]).toContain(
      'asks for data "referrals", which is not an indicator of the report; it has "repeat_plans"',
    );
  });
});
