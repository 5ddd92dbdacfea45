/** A meeting pack's layout and house style come from the agenda's templates folder, file by file over the built-in ones. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.js';

describe('the packs of an agenda with a templates folder', () => {
  it("use the council's own print.css and keep the built-in pack.hbs and pack.css it lacks", async () => {
    const dir = tempDir();
    for (const part of ['agenda.yaml', 'report.config.yaml', 'examples', 'data', 'templates'])
      cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    mkdirSync(join(dir, 'pack-style'));
    const css = `${readFileSync(join(ROOT, 'templates/print.css'), 'utf8')}\n/* council pack style */ h1 { letter-spacing: 0.01em; }\n`;
    writeFileSync(join(dir, 'pack-style/print.css'), css);
    writeFileSync(
      join(dir, 'agenda.yaml'),
      readFileSync(join(dir, 'agenda.yaml'), 'utf8').replace('\noutput:', '\ntemplates: pack-style\n\noutput:'),
    );
    const result = await runCli(['pack', '--quiet'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'output/walsall-scrutiny-2025-11-20-public.html'), 'utf8');
    expect(html).toContain('/* council pack style */');
    // pack.css still comes from the built-in templates: its running-header rule is there.
    expect(html).toContain(readFileSync(join(ROOT, 'templates/pack.css'), 'utf8').trim().split('\n')[0]);
  });

  it('is refused at its line when the folder is outside the agenda’s', async () => {
    const dir = tempDir();
    for (const part of ['agenda.yaml', 'report.config.yaml', 'examples', 'data', 'templates'])
      cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    writeFileSync(
      join(dir, 'agenda.yaml'),
      readFileSync(join(dir, 'agenda.yaml'), 'utf8').replace('\noutput:', '\ntemplates: /etc\n\noutput:'),
    );
    const line = readFileSync(join(dir, 'agenda.yaml'), 'utf8').split('\n').indexOf('templates: /etc') + 1;
    const result = await runCli(['pack', '--quiet'], { cwd: dir, env: { SCRUTINY_BROWSER: '/bin/false' } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `^agenda\\.yaml, line ${line}, column 12: the templates folder "[./]*etc" is outside the folder this definition may read`,
      ),
    );
  });
});
