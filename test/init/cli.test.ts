/**
 * scrutiny init from the command line: it prints the exact command that builds the new report (and
 * that command builds it, PDF and all), refuses to write over anything, and names an unknown council
 * with the nearest ones. Its templates are written for any council.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.js';
import { hashFolder } from '../support/folder-hash.js';
import { dfeCouncil, dfeRows } from './support.js';

/** The build command init printed, as arguments for the CLI. */
function printedBuild(stdout: string): string[] {
  const line = stdout.split('\n').find((l) => l.includes('npx scrutiny build'))!;
  return line
    .slice(line.indexOf('npx scrutiny build') + 'npx scrutiny '.length)
    .trim()
    .split(/\s+/);
}

describe('scrutiny init on the command line', () => {
  it('prints the command that builds the new report, and that command builds it', async () => {
    const folder = join(tempDir('scrutiny-init-cli-'), 'blackpool');
    const init = await runCli(['init', '--area', '890', folder]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`for ${dfeCouncil('890').name} (890)`);
    const build = printedBuild(init.stdout);
    expect(build.slice(0, 2)).toEqual(['build', join(folder, 'report.config.yaml')]);
    const built = await runCli(build);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const pdfs = readdirSync(join(folder, 'output')).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    expect(
      readFileSync(join(folder, 'output', pdfs[0]!))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('writes nothing into a folder it has written before, and says which file is in the way', async () => {
    const folder = join(tempDir('scrutiny-init-twice-'), 'report');
    expect((await runCli(['init', '--area', '888', '--kind', 'monthly', folder])).code).toBe(0);
    const before = hashFolder(folder);
    const again = await runCli(['init', '--area', '888', '--kind', 'monthly', folder]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${join(folder, 'report.config.yaml')} already exists`);
    expect(again.stderr).toContain('nothing was written');
    expect(hashFolder(folder)).toEqual(before);
  });

  it('writes none of its files when one of them exists already', async () => {
    const folder = join(tempDir('scrutiny-init-one-'), 'report');
    mkdirSync(join(folder, 'templates'), { recursive: true });
    writeFileSync(join(folder, 'templates/background.hbs'), 'Our own words.');
    const result = await runCli(['init', '--area', '335', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, 'templates/background.hbs')} already exists`);
    expect(hashFolder(folder)).toEqual({ 'templates/background.hbs': expect.any(String) });
    expect(readFileSync(join(folder, 'templates/background.hbs'), 'utf8')).toBe('Our own words.');
  });

  it('names an unknown code with the councils one digit away, and writes nothing', async () => {
    const folder = join(tempDir('scrutiny-init-unknown-'), 'report');
    const result = await runCli(['init', '--area', '8888', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no council with the code 8888');
    expect(result.stderr).toContain(`did you mean 888 (${dfeCouncil('888').name})?`);
    expect(existsSync(folder)).toBe(false);
  });

  it('finds a council by a misspelt name', async () => {
    const result = await runCli(['init', '--area', 'Lancshire', join(tempDir(), 'report')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no council called "Lancshire"');
    expect(result.stderr).toContain('did you mean 888 (Lancashire)?');
  });

  it('refuses a kind it does not know', async () => {
    const result = await runCli(['init', '--area', '888', '--kind', 'annual', join(tempDir(), 'report')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/paper, overview, monthly/);
  });
});

describe('the templates of new reports', () => {
  it("name no council: every council's name comes from the data", () => {
    const names = [
      ...new Set(
        dfeRows('d3_cpps_subsequent_plan_2013_to_2025.csv')
          .filter((r) => r.geographic_level === 'Local authority')
          .map((r) => r.la_name!),
      ),
    ];
    expect(names.length).toBeGreaterThan(140);
    const folder = join(ROOT, 'templates/init');
    for (const kind of readdirSync(folder)) {
      for (const file of readdirSync(join(folder, kind))) {
        const text = readFileSync(join(folder, kind, file), 'utf8');
        for (const name of names)
          expect(text, `${kind}/${file}`).not.toMatch(new RegExp(`\\b${name.replace(/[.()]/g, '\\$&')}\\b`));
      }
    }
  });
});
