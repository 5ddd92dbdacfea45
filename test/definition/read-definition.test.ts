import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../src/definition/read-definition.js';
import { CONFIG, FILE, lineOf, mutate, placeOf, placeText, position } from '../support/example-text.js';
import { thrown } from '../support/report-errors.js';

const problemsFor = (text: string) => thrown(() => readDefinition({ file: FILE, text })).problems;

/** The one problem in the text (fails the test if there are none or several). */
function onlyProblem(text: string): string {
  const problems = problemsFor(text);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

/** The line number a problem names. */
const lineIn = (problem: string) => Number(/, line (\d+), column \d+: /.exec(problem)?.[1]);

describe('readDefinition', () => {
  describe('the example report.config.yaml', () => {
    it('is read and validated, keeping codes, dates and phone numbers as text', () => {
      const { spec } = readDefinition({ file: FILE, text: CONFIG });
      expect(spec.report.council).toBe('Walsall Council');
      expect(spec.report.committee).toBe("Education & Children's Services Overview & Scrutiny Committee");
      expect(spec.report.meetingDate).toBe('2016-10-11');
      expect(spec.report.contactOfficers.map((officer) => officer.phone)).toEqual(['01922 646640', '01922 652756']);
      expect(spec.area).toEqual({ code: '335', name: 'Walsall' });
      expect(spec.data.local).toEqual([
        { id: 'walsall', file: 'data/walsall-local.xlsx', sheet: 'Repeat plans', asAt: '2016-09-05' },
      ]);
      expect(spec.indicators.map((indicator) => [indicator.id, indicator.base, indicator.from, indicator.to])).toEqual([
        ['repeat_plans', 'cpp_subsequent_percent', '2012-13', '2015-16'],
      ]);
      expect(spec.audit).toMatchObject({ month: '2016-06', cases: 8, children: 26 });
    });

    it('applies the schema defaults for what the YAML leaves out', () => {
      const { spec } = readDefinition({ file: FILE, text: CONFIG });
      expect(spec.templates).toBeUndefined(); // the normalised definition decides: templates/ beside it, or the built-in ones
      expect(spec.data.populationYearOffset).toBe(1);
      expect(spec.output).toMatchObject({ folder: 'output', pdf: true, html: true });
      expect(spec.diagrams[0]).toMatchObject({ table: true, chart: 'trend' });
      expect(spec.sections[0]!.numbered).toBe(false);
      expect(spec.sections.filter((section) => section.numbered).map((section) => section.heading)).toEqual([
        'Background and context',
        'Audit',
        'Conclusion',
      ]);
    });

    it('locates values in the YAML by path, for problems found later', () => {
      const { locate } = readDefinition({ file: FILE, text: CONFIG });
      const base = position(CONFIG, 'cpp_subsequent_percent');
      expect(locate(['indicators', 0, 'base'])).toEqual({ file: FILE, line: base.line, column: base.column });
      const template = position(CONFIG, 'walsall/audit.hbs');
      expect(locate(['sections', 12, 'template'])).toEqual({
        file: FILE,
        line: template.line,
        column: template.column,
      });
    });

    it('locates a path the YAML leaves out at its parent', () => {
      const { locate } = readDefinition({ file: FILE, text: CONFIG });
      // output.pdf is not written: the place is the output block.
      expect(locate(['output', 'pdf']).line).toBe(lineOf(CONFIG, '  folder: output'));
    });
  });

  describe('YAML syntax errors', () => {
    it('name the line and column of an unclosed quote', () => {
      const text = mutate(CONFIG, '  wards: All', '  wards: "All');
      const problems = problemsFor(text);
      expect(problems.length).toBeGreaterThanOrEqual(1);
      expect(problems[0]).toMatch(
        new RegExp(`^report\\.config\\.yaml, line ${lineOf(text, 'wards:')}, column \\d+: the YAML cannot be read: `),
      );
      expect(problems[0]).toMatch(/quote/i);
    });

    it('name the line of a tab used as indentation, at column 1', () => {
      const text = mutate(CONFIG, '  wards: All', '\twards: All');
      const problems = problemsFor(text);
      expect(problems[0]!.startsWith(placeText({ line: lineOf(text, '\twards'), column: 1 }))).toBe(true);
      expect(problems[0]).toMatch(/tab/i);
    });

    it('report a key given twice at the second one', () => {
      const text = mutate(CONFIG, '  wards: All\n', '  wards: All\n  wards: North\n');
      const problem = onlyProblem(text);
      expect(problem.startsWith(placeOf(text, 'wards: North'))).toBe(true);
      expect(problem).toMatch(/unique/i);
    });

    it('are reported alone: the schema is not checked against a document that cannot be read', () => {
      const text = mutate(mutate(CONFIG, '  wards: All', '  wards: "All'), '  committee:', '  comittee:');
      const problems = problemsFor(text);
      expect(problems.every((problem) => problem.includes('the YAML cannot be read'))).toBe(true);
      expect(problems.join('\n')).not.toContain('comittee');
    });
  });

  describe('schema problems', () => {
    it('name a misspelt key with its line and column and suggest the key it was meant to be', () => {
      const text = mutate(CONFIG, '  committee:', '  comittee:');
      const problems = problemsFor(text);
      const unknown = problems.find((problem) => problem.includes('"comittee"'));
      expect(unknown).toBeDefined();
      expect(unknown!.startsWith(placeText({ line: lineOf(text, 'comittee:'), column: 3 }))).toBe(true);
      expect(unknown).toContain('in report');
      expect(unknown).toContain('did you mean "committee"?');
      // The key it was meant to be is now missing, and that is said too.
      expect(problems).toHaveLength(2);
      expect(problems.some((problem) => problem.includes('"report.committee" is required but missing'))).toBe(true);
    });

    it('offer no suggestion for an unknown key that is not close to any allowed key', () => {
      const text = mutate(CONFIG, '  wards: All\n', '  wards: All\n  colour: blue\n');
      const problem = onlyProblem(text);
      expect(problem.startsWith(placeText({ line: lineOf(text, 'colour:'), column: 3 }))).toBe(true);
      expect(problem).toContain('unknown key "colour" in report');
      expect(problem).not.toContain('did you mean');
    });

    it('name a misspelt top-level key without a parent', () => {
      const text = mutate(CONFIG, '\ndiagrams:', '\ndiagams:');
      const problem = onlyProblem(text);
      expect(problem.startsWith(placeText({ line: lineOf(text, 'diagams:'), column: 1 }))).toBe(true);
      expect(problem).toContain('unknown key "diagams"; did you mean "diagrams"?');
    });

    it('name a misspelt key inside a list item with the item in the path', () => {
      const text = mutate(CONFIG, '      email: Michael', '      emial: Michael');
      const problem = onlyProblem(text);
      expect(problem.startsWith(placeText({ line: lineOf(text, 'emial:'), column: 7 }))).toBe(true);
      expect(problem).toContain('unknown key "emial" in report.contactOfficers[0]; did you mean "email"?');
    });

    it('report a missing required key by its full path, within the block it belongs to', () => {
      const text = mutate(CONFIG, '  meetingDate: 2016-10-11\n', '');
      const problem = onlyProblem(text);
      expect(problem).toContain('"report.meetingDate" is required but missing');
      // at the key of the block it belongs in
      expect(lineIn(problem)).toBe(lineOf(text, 'report:\n'));
    });

    it('report every required top-level key of an empty file at line 1, column 1', () => {
      const problems = problemsFor('');
      expect(problems).toHaveLength(3);
      for (const key of ['report', 'area', 'sections']) {
        expect(problems).toContain(`${FILE}, line 1, column 1: "${key}" is required but missing.`);
      }
    });

    it('report a value of the wrong type at the value', () => {
      const text = mutate(CONFIG, '  cases: 8', '  cases: eight');
      const problem = onlyProblem(text);
      expect(problem.startsWith(placeOf(text, 'eight'))).toBe(true);
      expect(problem).toContain('"audit.cases"');
      expect(problem).toContain('number');
    });

    it('catch a council code written without quotes, which YAML reads as a number', () => {
      const text = mutate(CONFIG, 'code: "335"', 'code: 335');
      const problem = onlyProblem(text);
      const key = position(text, 'code: 335');
      expect(problem.startsWith(placeText({ line: key.line, column: key.column + 'code: '.length }))).toBe(true);
      expect(problem).toContain('"area.code" must be text, not the number 335; write it in quotes: "335"');
    });

    it('refuse adding up a snapshot (aggregate with measure: snapshot) at the measure', () => {
      const text = mutate(
        CONFIG,
        '      denominator: Plans starting\n',
        '      denominator: Plans starting\n      aggregate: fytd\n      measure: snapshot\n',
      );
      const problem = onlyProblem(text);
      expect(problem.startsWith(placeOf(text, 'snapshot\n'))).toBe(true);
      expect(problem).toContain('"indicators[0].local.measure" a snapshot counts children on a date');
    });

    it('refuse a slug too long to name a file, at its line', () => {
      const text = mutate(CONFIG, 'slug: walsall-repeat-child-protection-plans', `slug: ${'a'.repeat(150)}`);
      const problem = onlyProblem(text);
      expect(problem.startsWith(placeOf(text, 'a'.repeat(150)))).toBe(true);
      expect(problem).toContain('"report.slug" must be at most 100 characters long.');
    });

    it('explain the expected form of a date written the British way', () => {
      const text = mutate(CONFIG, 'meetingDate: 2016-10-11', 'meetingDate: 11/10/2016');
      const problem = onlyProblem(text);
      expect(problem.startsWith(placeOf(text, '11/10/2016'))).toBe(true);
      expect(problem).toContain('"report.meetingDate"');
      expect(problem).toContain('YYYY-MM-DD');
    });

    it('report a section with neither a template nor text', () => {
      // Drop the line after the heading (its inline text), whatever the prose says.
      const heading = '  - heading: Background papers\n';
      const start = CONFIG.indexOf(heading) + heading.length;
      expect(CONFIG.slice(start).startsWith('    text: ')).toBe(true);
      const text = CONFIG.slice(0, start) + CONFIG.slice(CONFIG.indexOf('\n', start) + 1);
      const problem = onlyProblem(text);
      expect(problem).toContain('"sections[3]"');
      expect(problem).toMatch(/template/);
      expect(lineIn(problem)).toBe(lineOf(text, '  - heading: Background papers'));
    });

    it('report several problems at once, all in one ReportError, each at its own line', () => {
      let text = CONFIG;
      text = mutate(text, '  committee:', '  comittee:'); // unknown key + the missing committee
      text = mutate(text, 'meetingDate: 2016-10-11', 'meetingDate: 11/10/2016');
      text = mutate(text, '  name: Walsall\n', ''); // area.name missing
      text = mutate(text, '  cases: 8', '  cases: eight');

      const { problems, message } = thrown(() => readDefinition({ file: FILE, text }));
      expect(problems).toHaveLength(5);
      expect(message.split('\n')).toHaveLength(5);

      const expected: [string, number | undefined][] = [
        ['unknown key "comittee"', lineOf(text, 'comittee:')],
        ['"report.committee" is required but missing', undefined],
        ['"report.meetingDate"', lineOf(text, '11/10/2016')],
        ['"area.name" is required but missing', lineOf(text, 'area:')],
        ['"audit.cases"', lineOf(text, 'cases: eight')],
      ];
      for (const [fragment, line] of expected) {
        const problem = problems.find((p) => p.includes(fragment));
        expect(problem, fragment).toBeDefined();
        if (line !== undefined) expect(lineIn(problem!), fragment).toBe(line);
      }
    });

    it('report two misspelt keys in one block, each with its own place and suggestion', () => {
      const text = mutate(mutate(CONFIG, '  committee:', '  comittee:'), '  wards: All', '  ward: All');
      const lines = thrown(() => readDefinition({ file: FILE, text })).message.split('\n');
      expect(lines).toContain(
        `${placeText({ line: lineOf(text, 'comittee:'), column: 3 })}unknown key "comittee" in report; did you mean "committee"?`,
      );
      expect(lines).toContain(
        `${placeText({ line: lineOf(text, 'ward:'), column: 3 })}unknown key "ward" in report; did you mean "wards"?`,
      );
    });

    it('gives each unknown key its own entry in ReportError.problems', () => {
      const text = mutate(mutate(CONFIG, '  committee:', '  comittee:'), '  wards: All', '  ward: All');
      const { problems } = thrown(() => readDefinition({ file: FILE, text }));
      // committee missing, comittee unknown, ward unknown
      expect(problems).toHaveLength(3);
      expect(problems.every((problem) => !problem.includes('\n'))).toBe(true);
    });
  });
});
