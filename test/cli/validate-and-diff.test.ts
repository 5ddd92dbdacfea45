/**
 * `scrutiny validate` checks as a build does without printing or writing; `scrutiny diff` compares any
 * two builds by their manifests. Both through the command line, as an officer or a CI job runs them.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateProblem } from '../../src/diagnostics/problem-place.js';
import { describePlace } from '../../src/diagnostics/place.js';
import { buildReport } from '../../src/pipeline.js';
import { ROOT, runCli, tempDir } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

/** A copy of the monthly example, standing alone: its own folder with the national data inside. */
function monthlyProject(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'examples/monthly-update'), dir, { recursive: true });
  cpSync(join(ROOT, 'data/dfe'), join(dir, 'dfe'), { recursive: true });
  const yaml = readFileSync(join(dir, 'report.config.yaml'), 'utf8')
    .replace('national: ../../data/dfe', 'national: dfe')
    .replace('folder: ../../output', 'folder: output');
  writeFileSync(join(dir, 'report.config.yaml'), yaml);
  return dir;
}

describe('scrutiny validate', () => {
  it('passes the example, writing nothing', async () => {
    const dir = monthlyProject();
    const result = await runCli(['validate', 'report.config.yaml'], { cwd: dir });
    expect(result.stdout).toMatch(/^report\.config\.yaml: no problems found, checked in \d+\.\d s\.$/m);
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).not.toContain('output');
  });

  it('gives each problem with its file and place, as JSON for editors, and exits 2', async () => {
    const dir = monthlyProject();
    const csv = join(dir, 'children-on-plans-by-month.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/,\d+$/, ',-5'); // line 4 of the file: a negative count
    writeFileSync(csv, lines.join('\n'));
    const result = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { ok: boolean; problems: Record<string, unknown>[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'children-on-plans-by-month.csv', line: 4 }),
    );
    expect(readdirSync(dir)).not.toContain('output');
  });

  it('names the YAML line and column of a mistake in the definition', async () => {
    const dir = monthlyProject();
    const yaml = readFileSync(join(dir, 'report.config.yaml'), 'utf8').replace(
      'measure: snapshot',
      'measure: snapshop',
    );
    writeFileSync(join(dir, 'report.config.yaml'), yaml);
    const line = yaml.split('\n').findIndex((text) => text.includes('snapshop')) + 1;
    const result = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    const { problems } = JSON.parse(result.stdout) as { problems: { file: string; line: number; column: number }[] };
    expect(problems[0]).toMatchObject({ file: 'report.config.yaml', line });
    expect(problems[0]!.column).toBeGreaterThan(1);
  });

  it('checks an agenda with every report it names', async () => {
    const result = await runCli(['validate', 'agenda.yaml']);
    expect(result.stdout).toContain('agenda.yaml: no problems found');
    expect(result.code).toBe(0);
  });
});

describe('problems located for JSON', () => {
  it('reads back every kind of place describePlace writes', () => {
    const places = [
      { file: 'report.config.yaml', line: 12, column: 5 },
      { file: 'data/local.xlsx', sheet: "Children's plans", cell: 'C7' },
      { file: 'templates/walsall/audit.hbs', line: 3 },
      { file: 'data/dfe/b1.csv', line: 2051 },
    ];
    for (const place of places) {
      expect(locateProblem(`${describePlace(place)}: something is wrong.`)).toEqual({
        severity: 'error',
        ...place,
        message: `${describePlace(place)}: something is wrong.`,
      });
    }
    expect(locateProblem('Warning: report.config.yaml: the data is after the meeting.')).toMatchObject({
      severity: 'warning',
      file: 'report.config.yaml',
    });
    expect(locateProblem('No Chrome, Chromium or Edge browser was found.')).toEqual({
      severity: 'error',
      message: 'No Chrome, Chromium or Edge browser was found.',
    });
  });
});

describe('scrutiny diff', () => {
  /** Two builds of the monthly example into two folders, the second with one month corrected. */
  async function twoBuilds(): Promise<{ before: string; after: string }> {
    const folders: string[] = [];
    for (const count of [undefined, '999']) {
      const effects = memoryEffects();
      const dir = monthlyProject();
      const csv = join(dir, 'children-on-plans-by-month.csv');
      if (count) writeFileSync(csv, readFileSync(csv, 'utf8').replace('2017-05-31,198', `2017-05-31,${count}`));
      await buildReport({ file: join(dir, 'report.config.yaml') }, effects);
      const out = join(dir, 'output');
      mkdirSync(out, { recursive: true });
      for (const file of effects.written[0]!.files.filter((f) => f.name.endsWith('.manifest.json')))
        writeFileSync(join(out, file.name), file.content);
      folders.push(out);
    }
    return { before: folders[0]!, after: folders[1]! };
  }

  it('names the figure that changed, with its place, in text, HTML and JSON', async () => {
    const { before, after } = await twoBuilds();
    const text = await runCli(['diff', before, after]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^monthly-child-protection-update-2018-09: 1 figure changed/);
    expect(text.stdout).toContain('May 2017: 198 -> 999 (children-on-plans-by-month.csv, line 3)');
    const json = JSON.parse((await runCli(['diff', before, after, '--format', 'json'])).stdout) as {
      reports: { figures: { old: { value: string }; new: { value: string } }[] }[];
    };
    expect(json.reports[0]!.figures.map((f) => [f.old.value, f.new.value])).toEqual([['198', '999']]);
    const html = await runCli(['diff', before, after, '--format', 'html']);
    expect(html.stdout).toContain('<td class="number">999</td>');
  });

  it('refuses a folder with no build in it, naming it', async () => {
    const empty = tempDir();
    const result = await runCli(['diff', empty, empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${empty}: there is no build here to compare`);
  });
});
