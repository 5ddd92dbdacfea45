import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../src/diagnostics/report-error.js';
import { buildReport } from '../src/pipeline.js';
import { ROOT } from './support/cli.js';
import { memoryEffects } from './support/memory-effects.js';

const file = 'report.config.yaml';
const SLUG = 'walsall-repeat-child-protection-plans';

describe('buildReport', () => {
  it('prints the assembled HTML and writes the PDF and the HTML twin together, once', async () => {
    const effects = memoryEffects();
    const result = await buildReport({ file, outDir: '/elsewhere' }, effects);
    expect(effects.printed).toEqual([result.html]);
    expect(effects.written).toHaveLength(1);
    expect(effects.written[0]!.dir).toBe('/elsewhere');
    const charts = ['repeat-plans', 'neighbours-2015-16', 'all-councils-2015-16'].flatMap((id) =>
      ['svg', 'png'].map((ext) => `${SLUG}/charts/${id}.${ext}`),
    );
    const names = [
      `${SLUG}.pdf`,
      `${SLUG}.html`,
      `${SLUG}.docx`,
      `${SLUG}.indicators.json`,
      ...charts,
      `${SLUG}.manifest.json`,
    ];
    expect(effects.written[0]!.files.map((f) => f.name)).toEqual(names);
    expect(effects.written[0]!.files[1]!.content).toBe(result.html);
    expect(result.written).toEqual(names.map((name) => join('/elsewhere', name)));
  });

  it("writes to the definition's output folder by default", async () => {
    const effects = memoryEffects();
    await buildReport({ file }, effects);
    expect(effects.written[0]!.dir).toBe(join(ROOT, 'output'));
  });

  it('computes the council figures with their change from the previous year', async () => {
    const { indicators } = await buildReport({ file }, memoryEffects());
    const repeat = indicators.indicators.repeat_plans!;
    expect(repeat.assessments['2015-16']?.change).toEqual({
      from: '2014-15',
      difference: 3.9,
      percent: 29.3,
      direction: 'up',
      judgement: 'worse',
    });
    expect(repeat.assessments['2013-14']?.change).toEqual({
      from: '2012-13',
      difference: 3.4,
      percent: 32.7,
      direction: 'up',
      judgement: 'worse',
    });
    // 13.8% to 13.3%: down, but by 0.5 points, within the 1 point taken as similar.
    expect(repeat.assessments['2014-15']?.change).toMatchObject({ direction: 'down', judgement: 'similar' });
    // April to August 2016 has no April to August 2015 to be set against, and never a whole year.
    expect(repeat.assessments['2016-04-01/2016-08-31']?.change).toBeUndefined();
  });

  it('writes nothing and prints nothing when a later stage fails', async () => {
    const effects = memoryEffects();
    const template = join(ROOT, 'templates/walsall/conclusion.hbs');
    effects.overrides.set(template, '<p>{{value "repeat_plans" "2019-20"}}</p>');
    await expect(buildReport({ file }, effects)).rejects.toThrow(ReportError);
    expect(effects.written).toEqual([]);
    expect(effects.printed).toEqual([]);
  });

  it('leaves out the PDF (and the Word twin) when the definition asks for HTML only', async () => {
    const effects = memoryEffects();
    const config = join(ROOT, file);
    effects.overrides.set(
      config,
      `${await effects.readText(config)}\n`
        .replace('output:\n  folder: output', 'output:\n  folder: output\n  pdf: false')
        .replace('docx: true', 'docx: false'),
    );
    await buildReport({ file: config }, effects);
    expect(effects.printed).toEqual([]);
    // No browser is started, so the charts are written as SVG only.
    expect(effects.written[0]!.files.map((f) => f.name)).toEqual([
      `${SLUG}.html`,
      `${SLUG}.indicators.json`,
      ...['repeat-plans', 'neighbours-2015-16', 'all-councils-2015-16'].map((id) => `${SLUG}/charts/${id}.svg`),
      `${SLUG}.manifest.json`,
    ]);
  });
});
