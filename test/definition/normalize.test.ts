import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizeDefinition, slugify, type ReportDefinition } from '../../src/definition/normalize.js';
import { readDefinition } from '../../src/definition/read-definition.js';
import { ReportError } from '../../src/diagnostics/report-error.js';
import { builtInLibrary } from '../../src/indicators/library.js';

const FILE = 'report.config.yaml';
const cwd = process.cwd();
const CONFIG = readFileSync(join(cwd, FILE), 'utf8');
const library = builtInLibrary();

function normalize(text: string, options: { file?: string; exists?: (path: string) => boolean } = {}): ReportDefinition {
  const file = options.file ?? FILE;
  const { spec, locate } = readDefinition({ file, text });
  return normalizeDefinition(spec, { file, locate, library, exists: options.exists ?? existsSync, cwd });
}

function problemsFor(text: string): readonly string[] {
  try {
    normalize(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return (error as ReportError).problems;
  }
  throw new Error('expected a ReportError, but the definition was accepted');
}

function mutate(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `occurrences of ${JSON.stringify(from)}`).toBe(1);
  return text.replace(from, to);
}

/** "report.config.yaml, line L, column C: " for where `needle` starts, counted independently of the code. */
function placeOf(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  expect(offset, `position of ${JSON.stringify(needle)}`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset);
  return `${FILE}, line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}: `;
}

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

    it('resolves folders and files against the folder of the definition, and shows them relative to where the command ran', () => {
      expect(definition.file).toBe(FILE);
      expect(definition.templatesDir).toBe(resolve(cwd, 'templates'));
      expect(definition.data.nationalDir).toBe(resolve(cwd, 'data/dfe'));
      expect(definition.output.dir).toBe(resolve(cwd, 'output'));
      expect(definition.data.local).toEqual([
        { id: 'walsall', file: join('data', 'walsall-local.xlsx'), path: resolve(cwd, 'data/walsall-local.xlsx'), sheet: 'Repeat plans', asAt: '2016-09-05' },
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
      expect(papers.templateName).toBe(`${FILE} (sections[3].text)`);
      expect(definition.sections).toHaveLength(14);
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
      expect(indicator.local).toMatchObject({ source: 'walsall', numerator: 'Second or subsequent plans', denominator: 'Plans starting' });
    });

    it("lets the report override the library's title", () => {
      const text = mutate(CONFIG, '    base: cpp_subsequent_percent\n', '    base: cpp_subsequent_percent\n    title: Repeat child protection plans\n');
      const indicator = normalize(text).indicators[0]!;
      expect(indicator.title).toBe('Repeat child protection plans');
      expect(indicator.shortTitle).toBe(library.cpp_subsequent_percent!.shortTitle);
    });

    it('keeps the other blocks as validated', () => {
      expect(definition.area).toEqual({ code: '335', name: 'Walsall' });
      expect(definition.data.neighbours).toEqual({ model: '2021', average: 'mean' });
      expect(definition.data.populationYearOffset).toBe(1);
      expect(definition.diagrams.map((diagram) => diagram.indicator)).toEqual(['repeat_plans']);
      expect(definition.recommendations?.items).toHaveLength(2);
      expect(definition.audit?.cases).toBe(8);
    });
  });

  it('resolves paths against a definition kept in another folder', () => {
    const seen: string[] = [];
    const definition = normalize(CONFIG, {
      file: join('reports', 'walsall.yaml'),
      exists: (path) => {
        seen.push(path);
        return true;
      },
    });
    expect(definition.templatesDir).toBe(resolve(cwd, 'reports/templates'));
    expect(definition.data.nationalDir).toBe(resolve(cwd, 'reports/data/dfe'));
    expect(definition.data.local[0]!.path).toBe(resolve(cwd, 'reports/data/walsall-local.xlsx'));
    expect(definition.data.local[0]!.file).toBe(join('reports', 'data', 'walsall-local.xlsx'));
    expect(definition.output.dir).toBe(resolve(cwd, 'reports/output'));
    // Every file it relies on was checked: both folders, the local file and the seven template files.
    expect(seen).toContain(resolve(cwd, 'reports/templates'));
    expect(seen).toContain(resolve(cwd, 'reports/data/dfe'));
    expect(seen).toContain(resolve(cwd, 'reports/data/walsall-local.xlsx'));
    expect(seen).toContain(resolve(cwd, 'reports/templates/walsall/audit.hbs'));
    expect(seen).toHaveLength(3 + CONFIG.split('\n').filter((line) => line.trim().startsWith('template:')).length);
  });

  describe('problems', () => {
    it('suggest the nearest library indicator for an unknown base, at the base in the YAML', () => {
      const text = mutate(CONFIG, 'base: cpp_subsequent_percent', 'base: cpp_subsequent_percnt');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(placeOf(text, 'cpp_subsequent_percnt'))).toBe(true);
      expect(problems[0]).toContain('"cpp_subsequent_percnt"');
      expect(problems[0]).toContain('did you mean "cpp_subsequent_percent"?');
    });

    it('list the library indicators when no base is close', () => {
      const text = mutate(CONFIG, 'base: cpp_subsequent_percent', 'base: knife_crime');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).not.toContain('did you mean');
      for (const key of Object.keys(library)) expect(problems[0]).toContain(key);
    });

    it('name a diagram that refers to an unknown indicator, at its indicator in the YAML', () => {
      const text = mutate(CONFIG, 'indicator: repeat_plans', 'indicator: repeat_plan');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(placeOf(text, 'repeat_plan\n'))).toBe(true);
      expect(problems[0]).toContain('"repeat_plan"');
      expect(problems[0]).toContain('did you mean "repeat_plans"?');
    });

    it('do not blame a diagram for an indicator whose base was unknown', () => {
      const text = mutate(CONFIG, 'base: cpp_subsequent_percent', 'base: cpp_subsequent_percnt');
      expect(problemsFor(text).filter((problem) => problem.includes('repeat_plans'))).toEqual([]);
    });

    it('name an unknown local data source with a suggestion', () => {
      const text = mutate(CONFIG, 'source: walsall', 'source: walsal');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(placeOf(text, 'walsal\n'))).toBe(true);
      expect(problems[0]).toContain('did you mean "walsall"?');
    });

    it('report a missing template file at its line in the YAML, with the path as the user would type it', () => {
      const text = mutate(CONFIG, 'walsall/audit.hbs', 'walsall/audt.hbs');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(placeOf(text, 'walsall/audt.hbs'))).toBe(true);
      expect(problems[0]).toContain(`"${join('templates', 'walsall', 'audt.hbs')}"`);
      expect(problems[0]).toContain('does not exist');
    });

    it('report a missing local data file at its line in the YAML', () => {
      const text = mutate(CONFIG, 'file: data/walsall-local.xlsx', 'file: data/walsal-local.xlsx');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(placeOf(text, 'data/walsal-local.xlsx'))).toBe(true);
      expect(problems[0]).toContain(`"${join('data', 'walsal-local.xlsx')}"`);
      expect(problems[0]).toContain('does not exist');
    });

    it('report a missing national data folder', () => {
      const text = mutate(CONFIG, 'national: data/dfe', 'national: data/dfes');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(placeOf(text, 'data/dfes'))).toBe(true);
      expect(problems[0]).toContain(`"${join('data', 'dfes')}"`);
    });

    it('reject a financial year whose halves do not follow on', () => {
      const text = mutate(CONFIG, 'to: 2015-16', 'to: 2015-17');
      const problems = problemsFor(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(placeOf(text, '2015-17'))).toBe(true);
      expect(problems[0]).toContain('"2015-17"');
      expect(problems[0]).toContain('2015-16');
    });

    it('names the path of a bad financial year as "indicators[0].to", like the other messages', () => {
      const problems = problemsFor(mutate(CONFIG, 'to: 2015-16', 'to: 2015-17'));
      expect(problems[0]).toContain('"indicators[0].to" "2015-17" is not a financial year');
    });

    it('are all reported together, each at its own line', () => {
      let text = CONFIG;
      text = mutate(text, 'base: cpp_subsequent_percent', 'base: cpp_subsequent_percnt');
      text = mutate(text, 'indicator: repeat_plans', 'indicator: repeat_plan');
      text = mutate(text, 'walsall/audit.hbs', 'walsall/audt.hbs');
      text = mutate(text, 'file: data/walsall-local.xlsx', 'file: data/walsal-local.xlsx');

      let error: unknown;
      try {
        normalize(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReportError);
      const { problems } = error as ReportError;
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
    for (const title of ['Children who become subject to a CPP', '  Children & Families: 2015/16 -- update!  ', 'Café', '', '2016']) {
      expect(slugify(title), title).toMatch(pattern);
    }
  });
});
