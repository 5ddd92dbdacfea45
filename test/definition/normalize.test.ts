import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { FileKind } from '../../src/files/file-kind.js';
import { nodeFileSystem } from '../../src/effects.js';
import { projectFiles } from '../../src/files/project-files.js';
import { BUILT_IN_TEMPLATES } from '../../src/version.js';
import { dirname, join, resolve } from 'node:path';
import { normalizeDefinition, type ReportDefinition } from '../../src/definition/normalize.js';
import { slugify } from '../../src/format.js';
import { readDefinition } from '../../src/definition/read-definition.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import { CONFIG, FILE, mutate, placeOf } from '../support/example-text.js';
import { thrown } from '../support/report-errors.js';
import { tempDir } from '../support/cli.js';

const cwd = process.cwd();
const library = builtInLibrary();

function normalize(
  text: string,
  options: { file?: string; kindOf?: (path: string) => FileKind; roots?: string[] } = {},
): ReportDefinition {
  const file = options.file ?? FILE;
  const { spec, locate } = readDefinition({ file, text });
  const disk = nodeFileSystem(cwd);
  const files = projectFiles(
    { ...disk, kindOf: options.kindOf ?? disk.kindOf },
    { baseDir: dirname(resolve(cwd, file)), roots: options.roots, builtIn: BUILT_IN_TEMPLATES },
  );
  return normalizeDefinition(spec, { file, locate, library, files, builtInTemplates: BUILT_IN_TEMPLATES });
}

const problemsFor = (text: string) => thrown(() => normalize(text)).problems;

describe('normalizeDefinition', () => {
  describe('the example report.config.yaml', () => {
    const definition = normalize(CONFIG);

    it('keeps the slug the YAML gives', () => {
      expect(definition.report.slug).toBe('walsall-repeat-child-protection-plans');
    });

    it('makes the slug from the title when the YAML gives none', () => {
      const withoutSlug = normalize(mutate(CONFIG, '  slug: walsall-repeat-child-protection-plans\n', ''));
      // "Children who become subject to a Child Protection Plan for ..." -> its first eight words.
      expect(withoutSlug.report.slug).toBe('children-who-become-subject-to-a-child-protection');
    });

    it('resolves folders and files against the folder of the definition, and shows them as the definition writes them', () => {
      expect(definition.file).toBe(FILE);
      expect(definition.templatesDir).toBe(resolve(cwd, 'templates'));
      expect(definition.data.nationalDir).toBe(resolve(cwd, 'data/dfe'));
      expect(definition.output.dir).toBe(resolve(cwd, 'output'));
      expect(definition.data.local).toEqual([
        {
          id: 'walsall',
          file: join('data', 'walsall-local.xlsx'),
          path: resolve(cwd, 'data/walsall-local.xlsx'),
          sheet: 'Repeat plans',
          asAt: '2016-09-05',
        },
      ]);
    });

    it('resolves section templates inside the templates folder and names inline sections by their place in the YAML', () => {
      const summary = definition.sections[0]!;
      expect(summary.heading).toBe('Executive summary');
      expect(summary.templatePath).toBe(resolve(cwd, 'templates/walsall/executive-summary.hbs'));
      expect(summary.templateName).toBe(join('templates', 'walsall', 'executive-summary.hbs'));
      expect(existsSync(summary.templatePath!)).toBe(true);

      const papers = definition.sections[3]!;
      expect(papers.heading).toBe('Background papers');
      expect(papers.templatePath).toBeUndefined();
      expect(papers.text).toBeTruthy();
      expect(papers.text).toBe(readDefinition({ file: FILE, text: CONFIG }).spec.sections[3]!.text);
      // Named with the YAML line its text starts on, counted here: "    text: None." under "Background papers".
      const line = CONFIG.split('\n').indexOf('  - heading: Background papers') + 2;
      expect(papers.templateName).toBe(`${FILE} (sections[3].text, which starts at line ${line})`);
      expect(definition.sections).toHaveLength(
        CONFIG.split('\n').filter((line) => line.startsWith('  - heading:')).length,
      );
    });

    it("merges the library indicator with the report's own settings, turning financial years into the year they end", () => {
      const base = library.cpp_subsequent_percent!;
      expect(definition.indicators).toHaveLength(1);
      const indicator = definition.indicators[0]!;
      expect(indicator).toMatchObject({
        id: 'repeat_plans',
        base: 'cpp_subsequent_percent',
        title: base.title,
        shortTitle: base.shortTitle,
        definition: base.definition,
        unit: base.unit,
        source: base.source,
        from: 2013, // 2012-13 is the year ending 31 March 2013
        to: 2016,
      });
      expect(indicator.local).toMatchObject({
        source: 'walsall',
        numerator: 'Second or subsequent plans',
        denominator: 'Plans starting',
      });
    });

    it("lets the report override the library's title", () => {
      const text = mutate(
        CONFIG,
        '    base: cpp_subsequent_percent\n',
        '    base: cpp_subsequent_percent\n    title: Repeat child protection plans\n',
      );
      const indicator = normalize(text).indicators[0]!;
      expect(indicator.title).toBe('Repeat child protection plans');
      expect(indicator.shortTitle).toBe(library.cpp_subsequent_percent!.shortTitle);
    });

    it('keeps the other blocks as validated', () => {
      expect(definition.area).toEqual({ code: '335', name: 'Walsall' });
      expect(definition.data.neighbours).toEqual({ model: '2021', average: 'mean' });
      expect(definition.data.populationYearOffset).toBe(1);
      expect(definition.diagrams.map((diagram) => diagram.indicator)).toEqual([
        'repeat_plans',
        'repeat_plans',
        'repeat_plans',
      ]);
      expect(definition.recommendations?.items).toHaveLength(2);
      expect(definition.audit?.cases).toBe(8);
    });
  });

  it('resolves paths against a definition kept in another folder', () => {
    const seen: string[] = [];
    const definition = normalize(CONFIG, {
      file: join('reports', 'walsall.yaml'),
      kindOf: (path) => {
        seen.push(path);
        return /\.[a-z]+$/.test(path) ? 'file' : 'folder';
      },
    });
    expect(definition.templatesDir).toBe(resolve(cwd, 'reports/templates'));
    expect(definition.data.nationalDir).toBe(resolve(cwd, 'reports/data/dfe'));
    expect(definition.data.local[0]!.path).toBe(resolve(cwd, 'reports/data/walsall-local.xlsx'));
    // Shown as the definition writes it, whichever folder the command runs from: the report's bytes must not depend on it.
    expect(definition.data.local[0]!.file).toBe(join('data', 'walsall-local.xlsx'));
    expect(definition.output.dir).toBe(resolve(cwd, 'reports/output'));
    // Every file it relies on was checked: the data folder, the local file and each template file (the
    // default templates folder is not required: the built-in templates stand in for what it lacks).
    expect(seen).toContain(resolve(cwd, 'reports/data/dfe'));
    expect(seen).toContain(resolve(cwd, 'reports/data/walsall-local.xlsx'));
    expect(seen).toContain(resolve(cwd, 'reports/templates/walsall/audit.hbs'));
    expect(new Set(seen).size).toBe(
      2 + CONFIG.split('\n').filter((line) => line.trim().startsWith('template:')).length,
    );
  });

  describe('problems', () => {
    // What each test checks, the edit to the example, where the one problem is placed and what it says.
    it.each<[string, [from: string, to: string], at: string, says: string[]]>([
      [
        'suggest the nearest library indicator for an unknown base, at the base in the YAML',
        ['base: cpp_subsequent_percent', 'base: cpp_subsequent_percnt'],
        'cpp_subsequent_percnt',
        ['"cpp_subsequent_percnt"', 'did you mean "cpp_subsequent_percent"?'],
      ],
      [
        'name a diagram that refers to an unknown indicator, at its indicator in the YAML',
        ['indicator: repeat_plans\n    series', 'indicator: repeat_plan\n    series'],
        'repeat_plan\n',
        ['"repeat_plan"', 'did you mean "repeat_plans"?'],
      ],
      [
        'name an unknown local data source with a suggestion',
        ['source: walsall', 'source: walsal'],
        'walsal\n',
        ['did you mean "walsall"?'],
      ],
      [
        'report a missing template file at its line in the YAML, with the path as the user would type it',
        ['walsall/audit.hbs', 'walsall/audt.hbs'],
        'walsall/audt.hbs',
        [`"${join('templates', 'walsall', 'audt.hbs')}"`, 'does not exist'],
      ],
      [
        'report a missing local data file at its line in the YAML',
        ['file: data/walsall-local.xlsx', 'file: data/walsal-local.xlsx'],
        'data/walsal-local.xlsx',
        [`"${join('data', 'walsal-local.xlsx')}"`, 'does not exist'],
      ],
      [
        'report a missing national data folder',
        ['national: data/dfe', 'national: data/dfes'],
        'data/dfes',
        [`"${join('data', 'dfes')}"`],
      ],
      [
        'reject a financial year whose halves do not follow on',
        ['to: 2015-16', 'to: 2015-17'],
        '2015-17',
        ['"2015-17"', '2015-16'],
      ],
    ])('%s', (_, [from, to], at, says) => {
      const text = mutate(CONFIG, from, to);
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(placeOf(text, at))).toBe(true);
      for (const part of says) expect(problems[0]).toContain(part);
    });

    it('list the library indicators when no base is close', () => {
      const text = mutate(CONFIG, 'base: cpp_subsequent_percent', 'base: knife_crime');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).not.toContain('did you mean');
      for (const key of Object.keys(library)) expect(problems[0]).toContain(key);
    });

    it('do not blame a diagram for an indicator whose base was unknown', () => {
      const text = mutate(CONFIG, 'base: cpp_subsequent_percent', 'base: cpp_subsequent_percnt');
      expect(problemsFor(text).filter((problem) => problem.includes('repeat_plans'))).toEqual([]);
    });

    it('names the path of a bad financial year as "indicators[0].to", like the other messages', () => {
      const problems = problemsFor(mutate(CONFIG, 'to: 2015-16', 'to: 2015-17'));
      expect(problems[0]).toContain('"indicators[0].to" "2015-17" is not a financial year');
    });

    it('are all reported together, each at its own line', () => {
      let text = CONFIG;
      text = mutate(text, 'base: cpp_subsequent_percent', 'base: cpp_subsequent_percnt');
      text = mutate(text, 'indicator: repeat_plans\n    series', 'indicator: repeat_plan\n    series');
      text = mutate(text, 'walsall/audit.hbs', 'walsall/audt.hbs');
      text = mutate(text, 'file: data/walsall-local.xlsx', 'file: data/walsal-local.xlsx');

      const { problems } = thrown(() => normalize(text));
      expect(problems).toHaveLength(4);
      for (const needle of ['cpp_subsequent_percnt', 'repeat_plan\n', 'walsall/audt.hbs', 'data/walsal-local.xlsx']) {
        expect(
          problems.some((problem) => problem.startsWith(placeOf(text, needle))),
          needle,
        ).toBe(true);
      }
    });
  });
});

describe('slugify', () => {
  it('joins lower-case words with hyphens', () => {
    expect(slugify('Children who become subject to a CPP')).toBe('children-who-become-subject-to-a-cpp');
  });

  it('keeps at most eight words', () => {
    expect(slugify('one two three four five six seven eight nine ten')).toBe('one-two-three-four-five-six-seven-eight');
  });

  it('treats punctuation and runs of spaces as one break, and drops them at the ends', () => {
    expect(slugify('  Children & Families: 2015/16 -- update!  ')).toBe('children-families-2015-16-update');
    expect(slugify("Children's Services")).toBe('children-s-services');
  });

  it('removes accents rather than dropping the letters', () => {
    expect(slugify('Café résumé, Ynys Môn')).toBe('cafe-resume-ynys-mon');
  });

  it('gives "report" when the title has no letters or digits', () => {
    expect(slugify('')).toBe('report');
    expect(slugify('—!?')).toBe('report');
  });

  it('always gives a slug the schema accepts', () => {
    const pattern = /^[a-z0-9]+(-[a-z0-9]+)*$/; // report.slug's rule in schema.ts
    for (const title of [
      'Children who become subject to a CPP',
      '  Children & Families: 2015/16 -- update!  ',
      'Café',
      '',
      '2016',
    ]) {
      expect(slugify(title), title).toMatch(pattern);
    }
  });
});

describe('normalizeDefinition, checks added for robustness', () => {
  it('names a folder given where a file belongs, and a file given where a folder belongs', () => {
    const { problems } = thrown(() =>
      normalize(
        mutate(
          mutate(CONFIG, 'template: walsall/audit.hbs', 'template: walsall'),
          'national: data/dfe',
          'national: data/walsall-local.xlsx',
        ),
      ),
    );
    expect(problems).toHaveLength(2);
    expect(
      problems.some((p) => /: the national data folder "data\/walsall-local\.xlsx" is a file, not a folder\.$/.test(p)),
    ).toBe(true);
    expect(problems.some((p) => /: the template "templates\/walsall" is a folder, not a file\.$/.test(p))).toBe(true);
  });

  it('reports a second use of an indicator, diagram or local source id where it stands', () => {
    const text = CONFIG.replace(
      'diagrams:\n',
      'diagrams:\n  - id: repeat-plans\n    title: Again\n    indicator: repeat_plans\n',
    );
    const { problems } = thrown(() => normalize(text));
    expect(problems).toEqual([
      expect.stringMatching(
        /line \d+, column \d+: the diagram id "repeat-plans" is already used by diagrams\[0\]; ids must be unique\.$/,
      ),
    ]);
  });

  it('falls back to the built-in template for a section the templates folder lacks', () => {
    const templates = tempDir();
    const definition = normalize(`${CONFIG}\ntemplates: ${templates}\n`, { roots: [templates] });
    const recommendations = definition.sections.find((section) => section.heading === 'Recommendations')!;
    expect(recommendations.templatePath).toBe(join(BUILT_IN_TEMPLATES, 'sections/recommendations.hbs'));
  });
});
