import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../src/diagnostics/report-error.js';
import { buildReport } from '../src/pipeline.js';
import { ROOT } from './support/cli.js';
import { memoryEffects } from './support/memory-effects.js';

const file = 'report.config.yaml';

describe('buildReport', () => {
  it('prints the assembled HTML and writes the PDF and the HTML twin together, once', async () => {
    const effects = memoryEffects();
    const result = await buildReport({ file, outDir: '/elsewhere' }, effects);
    expect(effects.printed).toEqual([result.html]);
    expect(effects.written).toHaveLength(1);
    expect(effects.written[0]!.dir).toBe('/elsewhere');
    expect(effects.written[0]!.files.map((f) => f.name)).toEqual(['walsall-repeat-child-protection-plans.pdf', 'walsall-repeat-child-protection-plans.html']);
    expect(effects.written[0]!.files[1]!.content).toBe(result.html);
    expect(result.written).toEqual([join('/elsewhere', 'walsall-repeat-child-protection-plans.pdf'), join('/elsewhere', 'walsall-repeat-child-protection-plans.html')]);
  });

  it("writes to the definition's output folder by default", async () => {
    const effects = memoryEffects();
    await buildReport({ file }, effects);
    expect(effects.written[0]!.dir).toBe(join(ROOT, 'output'));
  });

  it('computes the council figures with their change from the previous year', async () => {
    const { indicators } = await buildReport({ file }, memoryEffects());
    const repeat = indicators.indicators.repeat_plans!;
    expect(repeat.changes['2015-16']).toEqual({ from: '2014-15', difference: 3.9, direction: 'up', judgement: 'worse' });
    expect(repeat.changes['2013-14']).toEqual({ from: '2012-13', difference: 3.4, direction: 'up', judgement: 'worse' });
    expect(repeat.changes['2014-15']).toMatchObject({ direction: 'down', judgement: 'better' });
    expect(repeat.changes['2016-04-01/2016-08-31']).toEqual({ from: '2015-16', difference: -8.7, direction: 'down' }); // part year: never judged
  });

  it('writes nothing and prints nothing when a later stage fails', async () => {
    const effects = memoryEffects();
    const template = join(ROOT, 'templates/walsall/conclusion.hbs');
    effects.overrides.set(template, '<p>{{value "repeat_plans" "2019-20"}}</p>');
    await expect(buildReport({ file }, effects)).rejects.toThrow(ReportError);
    expect(effects.written).toEqual([]);
    expect(effects.printed).toEqual([]);
  });

  it('leaves out the PDF when the definition asks for HTML only', async () => {
    const effects = memoryEffects();
    const config = join(ROOT, file);
    effects.overrides.set(config, `${await effects.readText(config)}\n`.replace('output:\n  folder: output', 'output:\n  folder: output\n  pdf: false'));
    await buildReport({ file: config }, effects);
    expect(effects.printed).toEqual([]);
    expect(effects.written[0]!.files.map((f) => f.name)).toEqual(['walsall-repeat-child-protection-plans.html']);
  });
});
