/**
 * Hostile agendas, against the example meeting: the agenda reads only inside its own folder, its dates
 * are real, and a pack is one unit: a broken last item, or a pack file that cannot be put in place,
 * leaves every report's files and both packs exactly as they were.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PACK_SLUG,
  ROOT,
  SLUG,
  editText,
  expectRefused,
  fixture,
  outsideFile,
  placeOf,
  re,
  refuse,
  run,
  runWithin,
  yamlPlace,
  type Fixture,
  useGoodOutput,
  withReplaced,
} from './support.js';

const AGENDA = 'agenda.yaml';
const good = useGoodOutput('pack');

const withAgenda = (from: string, to: string, more?: (dir: string) => void) =>
  withReplaced(good.folder, 'pack', AGENDA, from, to, more);

const outside = (fx: Fixture) =>
  `is outside the folder this definition may read \\(${re(realpathSync(fx.dir))}\\), once links are followed`;

describe('scrutiny pack, hostile agendas', () => {
  it('the good output holds both packs and every report', () => {
    const fx = fixture(good.folder, 'pack');
    for (const name of [
      `${PACK_SLUG}-public.pdf`,
      `${PACK_SLUG}-public.html`,
      `${PACK_SLUG}-members.pdf`,
      `${SLUG}.pdf`,
      `${SLUG}.html`,
      'walsall-child-protection-performance-2024-25.pdf',
    ]) {
      expect(fx.before[name], name).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('an agenda dated 2025-02-30 is refused at its line', async () => {
    const { fx, at } = withAgenda('date: 2025-11-20', 'date: 2025-02-30');
    const result = await refuse(fx, ['pack']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(AGENDA, at.line, at.column + 6)}"meeting\\.date" is not a real date\\.$`),
    ]);
  });

  it("an item's Markdown file outside the agenda's folder is refused at its line", async () => {
    const minutes = outsideFile('minutes.md', 'Minutes of a meeting held elsewhere.\n');
    const { fx, at } = withAgenda('file: examples/meeting/minutes.md', `file: ${minutes}`);
    const result = await refuse(fx, ['pack']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(AGENDA, at.line, at.column + 6)}the item text "(\\.\\./)+[^"]*/minutes\\.md" ${outside(fx)}`,
      ),
    ]);
  });

  it("an item's Markdown file that is a link to /etc/passwd is refused at its line", async () => {
    const fx = fixture(good.folder, 'pack', (dir) => {
      rmSync(join(dir, 'examples/meeting/minutes.md'));
      symlinkSync('/etc/passwd', join(dir, 'examples/meeting/minutes.md'));
    });
    const at = placeOf(join(fx.dir, AGENDA), 'examples/meeting/minutes.md');
    const result = await refuse(fx, ['pack']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(AGENDA, at.line, at.column)}the item text "examples/meeting/minutes\\.md" ${outside(fx)}`,
      ),
    ]);
  });

  it("an item's Markdown file that is a FIFO is refused at its line, and the pack returns", async () => {
    const fx = fixture(good.folder, 'pack', (dir) => {
      rmSync(join(dir, 'examples/meeting/minutes.md'));
      execFileSync('mkfifo', [join(dir, 'examples/meeting/minutes.md')]);
    });
    const at = placeOf(join(fx.dir, AGENDA), 'examples/meeting/minutes.md');
    const result = await runWithin(15, fx, ['pack']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(AGENDA, at.line, at.column)}the item text "examples/meeting/minutes\\.md" is not a regular file \\(it is a device, pipe or socket\\); name a file\\.$`,
      ),
    ]);
  }, 20_000);

  it("a report outside the agenda's folder is refused at its line", async () => {
    const { fx, at } = withAgenda(
      'report: examples/cp-overview/report.config.yaml',
      `report: ${join(ROOT, 'examples/cp-overview/report.config.yaml')}`,
    );
    const result = await refuse(fx, ['pack']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(AGENDA, at.line, at.column + 8)}the report definition "(\\.\\./)+[^"]*examples/cp-overview/report\\.config\\.yaml" ${outside(fx)}`,
      ),
    ]);
  });

  it("output.folder outside the agenda's folder is refused at its line", async () => {
    const { fx, at } = withAgenda('  folder: output\n  slug:', '  folder: ../packs\n  slug:');
    const result = await refuse(fx, ['pack']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(AGENDA, at.line, 11)}the output folder "\\.\\./packs" ${outside(fx)}`),
    ]);
  });

  it('--out / is refused, naming the option', async () => {
    const fx = fixture(good.folder, 'pack');
    const result = await refuse(fx, ['pack', '--out', '/']);
    expectRefused(fx, result, [
      /^--out: the output folder "\/" is the root of the file system; choose a folder of your own\.$/,
    ]);
  });

  it('an alias bomb in the agenda is refused at its first alias', async () => {
    const laughs = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++)
      laughs.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    const fx = fixture(good.folder, 'pack', (dir) => editText(dir, AGENDA, (yaml) => `${yaml}${laughs.join('\n')}\n`));
    const at = placeOf(join(fx.dir, AGENDA), '*a0');
    const result = await refuse(fx, ['pack']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(AGENDA, at.line, at.column)}the YAML repeats its anchors \\(aliases\\) more than 100 times`,
      ),
    ]);
  });

  it('an item template reaching for {{meeting.constructor}} is refused at its line and column', async () => {
    const fx = fixture(good.folder, 'pack', (dir) => {
      writeFileSync(join(dir, 'examples/meeting/minutes.hbs'), 'Minutes of the meeting of {{meeting.constructor}}.\n');
      editText(dir, AGENDA, (yaml) =>
        yaml.replace('file: examples/meeting/minutes.md', 'file: examples/meeting/minutes.hbs'),
      );
    });
    const result = await refuse(fx, ['pack']);
    expectRefused(fx, result, [
      /^examples\/meeting\/minutes\.hbs: the template cannot be used: line 1, column 29: "constructor" is not defined\.$/,
    ]);
  });
});

describe('scrutiny pack, all or nothing', () => {
  it('a broken last item, found after both reports are built, leaves every report and both packs untouched', async () => {
    const late = '  - title: Any other business\n    file: examples/meeting/late.hbs\n\noutput:';
    const fx = fixture(good.folder, 'pack', (dir) => {
      writeFileSync(join(dir, 'examples/meeting/late.hbs'), 'Any other business, for {{meeting.chair}}.\n');
      editText(dir, AGENDA, (yaml) => yaml.replace('\noutput:', `\n${late}`));
    });
    const result = await run(fx, ['pack'], { SOURCE_DATE_EPOCH: '1700000000' });
    expectRefused(fx, result, [
      /^examples\/meeting\/late\.hbs: the template cannot be used: line 1, column 27: "chair" is not defined\.$/,
    ]);
  }, 90_000);

  it('a pack file that cannot be put in place (the last rename) puts every report and pack back', async () => {
    const fx = fixture(good.folder, 'pack', (dir) => {
      const members = join(dir, 'output', `${PACK_SLUG}-members.pdf`);
      rmSync(members);
      mkdirSync(members);
      writeFileSync(join(members, 'keep'), "a folder where the members' pack goes\n");
    });
    const result = await run(fx, ['pack'], { SOURCE_DATE_EPOCH: '1700000000' });
    expectRefused(fx, result, [
      new RegExp(
        `^${re(fx.out)}: the report cannot be written there \\(EISDIR: illegal operation on a directory, rename .*\\); choose another folder with --out\\.$`,
      ),
    ]);
  }, 120_000);
});
