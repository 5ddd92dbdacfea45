/** Two builds into one folder at once end with one consistent set: the PDF and its HTML twin from the same build. */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfInfo, ROOT, runCli, tempDir } from '../support/cli.js';

const SLUG = 'walsall-repeat-child-protection-plans';

describe('two builds into one output folder at once', () => {
  it('leave the PDF, the HTML and the indicators of one of them, and nothing staged', async () => {
    const dir = tempDir();
    for (const part of ['data', 'templates', 'report.config.yaml'])
      cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    const yaml = readFileSync(join(dir, 'report.config.yaml'), 'utf8');
    // The same report under two titles, and for B a later first year, so every file tells A from B.
    writeFileSync(
      join(dir, 'b.config.yaml'),
      yaml
        .replace(/^  title: .*$/m, '  title: Second build of the same report')
        .replace('from: 2012-13', 'from: 2013-14'),
    );
    const out = join(dir, 'shared');
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(
        ['report.config.yaml', 'b.config.yaml'].map((file) =>
          runCli(['build', file, '--out', out, '--quiet'], { cwd: dir }),
        ),
      );
      expect(results.map((r) => [r.code, r.stderr])).toEqual([
        [0, ''],
        [0, ''],
      ]);
      const html = readFileSync(join(out, `${SLUG}.html`), 'utf8');
      const title = /<title>([^<]*)<\/title>/.exec(html)![1];
      const fromB = title === 'Second build of the same report';
      expect((await pdfInfo(join(out, `${SLUG}.pdf`))).Title).toBe(title);
      const periods: unknown[] = JSON.parse(readFileSync(join(out, `${SLUG}.indicators.json`), 'utf8')).indicators
        .repeat_plans.periods;
      expect(periods.length).toBe(fromB ? 4 : 5);
      expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
    }
  });
});
