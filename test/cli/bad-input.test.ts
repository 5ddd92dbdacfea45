/**
 * Bad input, as users make it: each problem is one sentence naming the file and the place, the exit
 * code is 2, and the previous good report in the output folder is left exactly as it was.
 */
import ExcelJS from 'exceljs';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.js';

const SLUG = 'walsall-repeat-child-protection-plans';
const PREVIOUS = 'the previous good report';

interface Fixture {
  readonly dir: string;
  readonly config: string;
  readonly out: string;
}

/** A copy of the example's definition in a folder of its own, pointing at the project's templates and data. */
function fixture(edit: (yaml: string) => string = (yaml) => yaml): Fixture {
  const dir = tempDir();
  const yaml = readFileSync(join(ROOT, 'report.config.yaml'), 'utf8')
    .replace('national: data/dfe', `national: ${join(ROOT, 'data/dfe')}`)
    .replace('file: data/walsall-local.xlsx', `file: ${join(ROOT, 'data/walsall-local.xlsx')}`)
    .concat(`\ntemplates: ${join(ROOT, 'templates')}\n`);
  const config = join(dir, 'report.config.yaml');
  writeFileSync(config, edit(yaml));
  const out = join(dir, 'output');
  mkdirSync(out);
  for (const ext of ['pdf', 'html']) writeFileSync(join(out, `${SLUG}.${ext}`), PREVIOUS);
  return { dir, config, out };
}

async function build(fx: Fixture, env: Record<string, string> = {}) {
  const result = await runCli(['build', 'report.config.yaml', '--root', ROOT], { cwd: fx.dir, env });
  const problems = result.stderr.trim().split('\n').filter(Boolean);
  return { ...result, problems };
}

function expectPreviousOutputKept(fx: Fixture): void {
  expect(readdirSync(fx.out).sort()).toEqual([`${SLUG}.html`, `${SLUG}.pdf`]);
  for (const ext of ['pdf', 'html']) expect(readFileSync(join(fx.out, `${SLUG}.${ext}`), 'utf8')).toBe(PREVIOUS);
}

async function workbook(fx: Fixture, rows: (string | number | Date | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Repeat plans');
  for (const row of rows) sheet.addRow(row);
  const file = join(fx.dir, 'local.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

const HEADER = ['Period start', 'Period end', 'Plans starting', 'Second or subsequent plans'];
const APRIL = new Date(Date.UTC(2016, 3, 1));
const AUGUST = new Date(Date.UTC(2016, 7, 31));

describe('bad input', () => {
  it('a YAML syntax error names the line and column', async () => {
    const fx = fixture((yaml) => yaml.replace('  wards: All', '  wards: "All'));
    const result = await build(fx);
    expect(result.code).toBe(2);
    expect(result.problems[0]).toMatch(/^report\.config\.yaml, line \d+, column \d+: the YAML cannot be read/);
    expectPreviousOutputKept(fx);
  });

  it('an unknown key names its place and suggests the nearest valid key', async () => {
    const fx = fixture((yaml) => yaml.replace('  committee:', '  comittee:'));
    const result = await build(fx);
    expect(result.code).toBe(2);
    const line =
      readFileSync(fx.config, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('  comittee:')) + 1;
    expect(result.problems).toContain(
      `report.config.yaml, line ${line}, column 3: unknown key "comittee" in report; did you mean "committee"?`,
    );
    // The misspelling also leaves the required key missing: both are reported in one pass.
    expect(result.problems.some((p) => p.includes('"report.committee" is required'))).toBe(true);
    expectPreviousOutputKept(fx);
  });

  it('a missing local data file is named with the line that refers to it', async () => {
    const fx = fixture((yaml) => yaml.replace(/file: .*walsall-local\.xlsx/, 'file: data/missing.xlsx'));
    const result = await build(fx);
    expect(result.code).toBe(2);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      /^report\.config\.yaml, line \d+, column \d+: the data file ".*data\/missing\.xlsx" does not exist\.$/,
    );
    expectPreviousOutputKept(fx);
  });

  it('a national file missing from the data folder is named', async () => {
    const fx = fixture();
    const national = join(fx.dir, 'dfe');
    cpSync(join(ROOT, 'data/dfe'), national, { recursive: true });
    rmSync(join(national, 'd3_cpps_subsequent_plan_2013_to_2025.csv'));
    writeFileSync(fx.config, readFileSync(fx.config, 'utf8').replace(/national: .*/, 'national: dfe'));
    const result = await build(fx);
    expect(result.code).toBe(2);
    expect(result.problems).toEqual([
      "dfe/d3_cpps_subsequent_plan_2013_to_2025.csv: the data file does not exist; check the folder named in the report definition's data section.",
    ]);
    expectPreviousOutputKept(fx);
  });

  it('a missing column is named with the sheet, the header cell and the nearest header', async () => {
    const fx = fixture();
    const file = await workbook(fx, [
      ['Period start', 'Period end', 'Plans started', 'Second or subsequent plans'],
      [APRIL, AUGUST, 259, 22],
    ]);
    writeFileSync(fx.config, readFileSync(fx.config, 'utf8').replace(/file: .*walsall-local\.xlsx/, `file: ${file}`));
    const result = await build(fx);
    expect(result.code).toBe(2);
    expect(result.problems).toEqual([
      `local.xlsx, sheet 'Repeat plans', cell A1: there is no column "Plans starting"; did you mean "Plans started"?`,
    ]);
    expectPreviousOutputKept(fx);
  });

  it('text where a number belongs is named with its sheet and cell, every such cell at once', async () => {
    const fx = fixture();
    const file = await workbook(fx, [HEADER, [APRIL, AUGUST, '259', 'twenty-two'], [APRIL, AUGUST, 'n/a', 3]]);
    writeFileSync(fx.config, readFileSync(fx.config, 'utf8').replace(/file: .*walsall-local\.xlsx/, `file: ${file}`));
    const result = await build(fx);
    expect(result.code).toBe(2);
    expect(result.problems).toEqual([
      `local.xlsx, sheet 'Repeat plans', cell D2: "Second or subsequent plans" should be a number but the cell holds "twenty-two".`,
      `local.xlsx, sheet 'Repeat plans', cell C3: "Plans starting" should be a number but the cell holds "n/a".`,
    ]);
    expectPreviousOutputKept(fx);
  });

  it('a browser setting that points nowhere says so and exits 2', async () => {
    const fx = fixture();
    const result = await build(fx, { SCRUTINY_BROWSER: '/nowhere/chrome' });
    expect(result.code).toBe(2);
    expect(result.problems).toEqual([
      'The browser "/nowhere/chrome" given in the SCRUTINY_BROWSER environment variable does not exist or cannot be run.',
    ]);
    expectPreviousOutputKept(fx);
  });

  it('a missing report definition is one sentence', async () => {
    const result = await runCli(['build', 'no-such.yaml'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'The report definition "no-such.yaml" does not exist; give the path to a report.config.yaml.',
    );
  });

  it('a browser that will not start is named, with exit code 2', async () => {
    const fx = fixture();
    const result = await build(fx, { SCRUTINY_BROWSER: '/bin/false' });
    expect(result.code).toBe(2);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      /^The browser "\/bin\/false" did not start \(.*\); check that it runs, or name another with --browser or SCRUTINY_BROWSER\.$/,
    );
    expectPreviousOutputKept(fx);
  });

  it('an output folder that cannot be written is named, with exit code 2', async () => {
    const fx = fixture();
    const blocked = join(fx.dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the output folder should be');
    const result = await runCli(['build', 'report.config.yaml', '--root', ROOT, '--out', blocked], { cwd: fx.dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /not-a-folder: the report cannot be written there \(.*\); choose another folder with --out\.$/,
    );
    expectPreviousOutputKept(fx);
  });

  it('a report definition that is a folder says so', async () => {
    const result = await runCli(['build', '.'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'The report definition "." is a folder; give the path to a report.config.yaml file.',
    );
  });
});
