/** Data dated after its meeting is warned of: one of the two dates is wrong, and the paper would say so. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.js';
import { definitionWarnings } from '../../src/definition/warnings.js';
import { exampleDefinition } from '../support/example.js';

describe('definition warnings', () => {
  it('warns when a local file is as at a date after the meeting, naming both dates and the keys', () => {
    const late = exampleDefinition((yaml) => yaml.replace('asAt: 2016-09-05', 'asAt: 2016-10-12'));
    expect(definitionWarnings(late)).toEqual([
      'Warning: report.config.yaml: data/walsall-local.xlsx is as at 12 October 2016, after the meeting on 11 October 2016; check data.local[0].asAt and report.meetingDate.',
    ]);
  });

  it('says nothing of data as at the meeting day or before it', () => {
    expect(definitionWarnings(exampleDefinition())).toEqual([]);
    const sameDay = exampleDefinition((yaml) => yaml.replace('asAt: 2016-09-05', 'asAt: 2016-10-11'));
    expect(definitionWarnings(sameDay)).toEqual([]);
  });

  it('is shown on stderr even with --quiet, and the report is still built', async () => {
    const dir = tempDir();
    const yaml = readFileSync(join(ROOT, 'report.config.yaml'), 'utf8')
      .replace('asAt: 2016-09-05', 'asAt: 2016-10-12')
      .replace('national: data/dfe', `national: ${join(ROOT, 'data/dfe')}`)
      .replace('file: data/walsall-local.xlsx', `file: ${join(ROOT, 'data/walsall-local.xlsx')}`)
      .replace('output:\n  folder: output', 'output:\n  folder: output\n  pdf: false')
      .concat(`\ntemplates: ${join(ROOT, 'templates')}\n`);
    writeFileSync(join(dir, 'report.config.yaml'), yaml);
    const result = await runCli(['build', '--quiet', '--root', ROOT], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^Warning: report\.config\.yaml: .*walsall-local\.xlsx is as at 12 October 2016, after the meeting on 11 October 2016/,
    );
  });
});
