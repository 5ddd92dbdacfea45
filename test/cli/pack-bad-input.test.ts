import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.js';

function agendaWith(edit: (yaml: string) => string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'agenda.yaml'), edit(readFileSync(join(ROOT, 'agenda.yaml'), 'utf8')));
  return dir;
}

describe('scrutiny pack, bad agendas', () => {
  it('an unknown key is named at its line with the nearest valid key', async () => {
    const dir = agendaWith((yaml) => yaml.replace('  venue:', '  venu:'));
    const result = await runCli(['pack', 'agenda.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    const line =
      readFileSync(join(dir, 'agenda.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('  venu:')) + 1;
    expect(result.stderr).toContain(
      `agenda.yaml, line ${line}, column 3: unknown key "venu" in meeting; did you mean "venue"?`,
    );
  });

  it('a report that does not exist is named where the agenda refers to it', async () => {
    const dir = agendaWith((yaml) => yaml.replace('report: report.config.yaml', 'report: missing.yaml'));
    const result = await runCli(['pack', 'agenda.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    // Every missing file is named at once; the others here are missing because the agenda was moved.
    expect(result.stderr).toMatch(
      /^agenda\.yaml, line \d+, column \d+: the report definition "missing\.yaml" does not exist\.$/m,
    );
  });

  it('an item with neither a report nor a text is refused', async () => {
    const dir = agendaWith((yaml) =>
      yaml.replace('    text: To receive apologies for absence from members of the Committee.\n', ''),
    );
    const result = await runCli(['pack', 'agenda.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs exactly one of report, text or file');
  });
});

describe('scrutiny pack, item texts', () => {
  it('a field the meeting does not have, in an item text, is named with the item, exit 2', async () => {
    // Only the text items, so nothing else in the agenda needs the example's files beside it.
    const dir = agendaWith((yaml) =>
      yaml
        .replace('To receive apologies for absence from members of the Committee.', 'Apologies to {{meeting.chair}}.')
        .replace(/  - title: Minutes of the last meeting[\s\S]*?\n\noutput:/, '\noutput:'),
    );
    const result = await runCli(['pack', 'agenda.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /agenda\.yaml \(items\[0\]\.text\): the template cannot be used: .*"chair" is not defined/,
    );
  });
});
