import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/diagnostics/report-error.js';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const background = join(ROOT, 'templates/walsall/background.hbs');

/** Builds the example with one section template replaced, and returns the problems it reports. */
async function problemsWith(template: string): Promise<readonly string[]> {
  const effects = memoryEffects();
  effects.overrides.set(background, template);
  try {
    await buildReport({ file: 'report.config.yaml' }, effects);
  } catch (error) {
    if (error instanceof ReportError) return error.problems;
    throw error;
  }
  return [];
}

describe('section templates', () => {
  it('stop the build at an unknown field, naming the template, line and column', async () => {
    const problems = await problemsWith('<p>ok</p>\n<p>{{area.nmae}}</p>');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^templates\/walsall\/background\.hbs: the template cannot be used: line 2, column \d+: "nmae" is not defined/,
    );
  });

  it('stop the build at an unknown helper', async () => {
    const problems = await problemsWith('<p>{{valeu "repeat_plans" "2015-16"}}</p>');
    expect(problems[0]).toMatch(/^templates\/walsall\/background\.hbs: the template cannot be used: .*valeu/);
  });

  it('stop the build at an unknown indicator or period, naming the line and what exists', async () => {
    const indicator = await problemsWith('<p>a</p>\n\n<p>{{value "repeat_plan" "2015-16"}}</p>');
    expect(indicator).toEqual([
      'templates/walsall/background.hbs, line 3: the template cannot be used: there is no indicator "repeat_plan"; the report defines "repeat_plans".',
    ]);
    const period = await problemsWith('<p>{{value "repeat_plans" "2016-17"}}</p>');
    expect(period[0]).toMatch(
      /^templates\/walsall\/background\.hbs, line 1: .*has no period "2016-17"; it has "2012-13", "2013-14", "2014-15", "2015-16" and "April to August 2016"\.$/,
    );
  });

  it('number diagrams by first mention, so a reference and its caption agree', async () => {
    const effects = memoryEffects();
    effects.overrides.set(background, '<p>See {{diagramRef "repeat-plans"}}.</p>{{diagram "repeat-plans"}}');
    const { html } = await buildReport({ file: 'report.config.yaml' }, effects);
    expect(html).toContain('See Diagram 1.');
    expect(html).toContain('<span class="diagram-number">Diagram 1:</span>');
  });

  it('refuse to place one diagram twice or an unknown one', async () => {
    expect(await problemsWith('{{diagram "repeat-plans"}}{{diagram "repeat-plans"}}')).toEqual([
      'templates/walsall/background.hbs, line 1: the template cannot be used: diagram "repeat-plans" is placed twice; refer to it again with {{diagramRef "repeat-plans"}}.',
    ]);
    expect((await problemsWith('{{diagramRef "trend"}}'))[0]).toContain(
      'there is no diagram "trend"; the report defines "repeat-plans"',
    );
  });

  it('escape data: markup in the audit themes is shown, not obeyed', async () => {
    const effects = memoryEffects();
    const config = join(ROOT, 'report.config.yaml');
    effects.overrides.set(
      config,
      (await effects.readText(config)).replace(
        '    - Neglect and domestic abuse',
        '    - "{{audit.cases}} <img src=x> cases"\n    - Neglect and domestic abuse',
      ),
    );
    const { html } = await buildReport({ file: config }, effects);
    expect(html).toContain('8 &lt;img src=x&gt; cases');
    expect(html).not.toContain('<img');
  });

  it('refuse a reference to a diagram that is never placed', async () => {
    expect(await problemsWith('<p>See {{diagramRef "repeat-plans"}}.</p>')).toEqual([
      'report.config.yaml: diagram "repeat-plans" is referred to but never placed; place it with {{diagram "repeat-plans"}} in a section.',
    ]);
  });

  it('keep prose from the definition as text: no unescaped output, by any spelling, and no double escaping', async () => {
    const config = join(ROOT, 'report.config.yaml');
    const withTheme = async (theme: string) => {
      const effects = memoryEffects();
      effects.overrides.set(
        config,
        (await effects.readText(config)).replace(
          '    - Neglect and domestic abuse',
          `    - '${theme}'\n    - Neglect and domestic abuse`,
        ),
      );
      return buildReport({ file: config }, effects);
    };
    for (const bypass of [
      '{{{report.title}}}',
      '{{~{report.title}~}}',
      '{{& report.title}}',
      '{{> contact-officers}}',
    ]) {
      await expect(withTheme(bypass), bypass).rejects.toThrow(/text in the report definition cannot use/);
    }
    const { html } = await withTheme('R&D {{plural audit.cases "R&D review"}} <b>');
    expect(html).toContain('R&amp;D 8 R&amp;D reviews &lt;b&gt;');
  });
});

describe('a partial that does not exist', () => {
  it('is named at its line and column (of its name), with where partials live', async () => {
    const effects = memoryEffects();
    effects.overrides.set(join(ROOT, 'templates/walsall/conclusion.hbs'), '<p>Text.</p>\n<p>{{> nothere}}</p>');
    await expect(buildReport({ file: 'report.config.yaml' }, effects)).rejects.toThrow(
      'templates/walsall/conclusion.hbs: the template cannot be used: line 2, column 8: there is no partial "nothere"; a partial is a file partials/nothere.hbs in the templates folder.',
    );
  });
});
