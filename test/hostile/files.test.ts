/**
 * Files a definition may read, and folders it may write: only its own folder and below, links
 * followed; only regular files (a pipe or a device would be read forever); never a system folder.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  D3,
  ROOT,
  UP,
  editText,
  expectRefused,
  fixture,
  outsideFile,
  placeOf,
  re,
  refuse,
  runWithin,
  yamlPlace,
  type Fixture,
  useGoodOutput,
  withReplaced,
} from './support.js';

const CONFIG = 'report.config.yaml';
const good = useGoodOutput('report');

const withDefinition = (from: string, to: string, more?: (dir: string) => void) =>
  withReplaced(good.folder, 'report', CONFIG, from, to, more);

/** "is outside the folder this definition may read (<the fixture>), once links are followed" */
const outside = (fx: Fixture) =>
  `is outside the folder this definition may read \\(${re(realpathSync(fx.dir))}\\), once links are followed; a definition reads only files in its own folder and below, or below a folder given with --root\\.$`;
const NOT_REGULAR = 'is not a regular file \\(it is a device, pipe or socket\\); name a file\\.$';

describe('files a definition may read', () => {
  it('template: /etc/passwd is refused at its line', async () => {
    const { fx, at } = withDefinition('template: walsall/executive-summary.hbs', 'template: /etc/passwd');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column + 10)}the template "[^"]*etc/passwd" ${outside(fx)}`),
    ]);
  });

  it('a template path climbing out with ../../.. is refused at its line', async () => {
    const { fx, at } = withDefinition('template: walsall/reason-for-scrutiny.hbs', `template: ${UP}/etc/passwd`);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column + 10)}the template "(\\.\\./)+etc/passwd" ${outside(fx)}`),
    ]);
  });

  it('templates: /etc is refused at its line (and the sections that would come from it are named)', async () => {
    const { fx, at } = withDefinition('\noutput:\n', '\ntemplates: /etc\noutput:\n');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line + 1, 12)}the templates folder "(\\.\\./)+etc" ${outside(fx)}`),
      new RegExp(
        `${yamlPlace(CONFIG, '\\d+', 15)}the template "(\\.\\./)+etc/(walsall|sections)/[a-z-]+\\.hbs" does not exist\\.$`,
      ),
    ]);
  });

  it('a logo that is a link to /etc/passwd is refused at its line', async () => {
    const { fx, at } = withDefinition('  wards: All\n', '  wards: All\n  logo: logo.png\n', (dir) =>
      symlinkSync('/etc/passwd', join(dir, 'logo.png')),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [new RegExp(`${yamlPlace(CONFIG, at.line + 1, 9)}the logo "logo\\.png" ${outside(fx)}`)]);
  });

  it.each([
    ['logo.png', 'GIF89a\x01\x00', 'PNG'],
    ['logo.jpg', '\x89PNG\r\n\x1a\n', 'JPEG'],
    ['logo.svg', '<html><body>not a drawing</body></html>', 'SVG'],
  ])('a logo whose bytes are not the image its name says (%s) is refused at its line', async (name, bytes, kind) => {
    const { fx, at } = withDefinition('  wards: All\n', `  wards: All\n  logo: ${name}\n`, (dir) =>
      writeFileSync(join(dir, name), Buffer.from(bytes, 'latin1')),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line + 1, 9)}the logo "${re(name)}" is not a ${kind} image, as its name says`),
    ]);
  });

  it('a partial that is a link to /etc/passwd is refused, naming the partial', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      symlinkSync('/etc/passwd', join(dir, 'templates/partials/x.hbs')),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [new RegExp(`^templates/partials/x\\.hbs: the template ${outside(fx)}`)]);
  });

  it('a section template that is a link to /etc/passwd is refused at the line naming it', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      rmSync(join(dir, 'templates/walsall/audit.hbs'));
      symlinkSync('/etc/passwd', join(dir, 'templates/walsall/audit.hbs'));
    });
    const at = placeOf(join(fx.dir, CONFIG), 'walsall/audit.hbs');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column)}the template "templates/walsall/audit\\.hbs" ${outside(fx)}`),
    ]);
  });

  it('a local workbook that is a link to a file outside is refused at its line', async () => {
    const elsewhere = outsideFile('walsall-local.xlsx', readFileSync(join(ROOT, 'data/walsall-local.xlsx')));
    const fx = fixture(good.folder, 'report', (dir) => {
      rmSync(join(dir, 'data/walsall-local.xlsx'));
      symlinkSync(elsewhere, join(dir, 'data/walsall-local.xlsx'));
    });
    const at = placeOf(join(fx.dir, CONFIG), 'data/walsall-local.xlsx');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column)}the data file "data/walsall-local\\.xlsx" ${outside(fx)}`),
    ]);
  });

  it('a national csv that is a link to /etc/passwd is refused, naming the file', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      rmSync(join(dir, D3));
      symlinkSync('/etc/passwd', join(dir, D3));
    });
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [new RegExp(`^${re(D3)}: the data file ${outside(fx)}`)]);
  });

  it('national: / is refused at its line', async () => {
    const { fx, at } = withDefinition('national: data/dfe', 'national: /');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line, at.column + 10)}the national data folder "\\.\\.(/\\.\\.)*" ${outside(fx)}`,
      ),
    ]);
  });

  it('a local data file of /dev/zero is refused at its line, and the build returns', async () => {
    const { fx, at } = withDefinition('file: data/walsall-local.xlsx', 'file: /dev/zero');
    const result = await runWithin(15, fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column + 6)}the data file "[^"]*dev/zero" ${NOT_REGULAR}`),
    ]);
  }, 20_000);
});

describe('folders a definition may write', () => {
  it('output.folder outside the project is refused at its line, and nothing is made there', async () => {
    const { fx, at } = withDefinition('\n  folder: output', '\n  folder: ../elsewhere');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line + 1, 11)}the output folder "\\.\\./elsewhere" ${outside(fx)}`),
    ]);
    expect(existsSync(join(fx.dir, '../elsewhere'))).toBe(false);
  });

  it('output.folder: / is refused at its line', async () => {
    const { fx, at } = withDefinition('\n  folder: output', '\n  folder: /');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line + 1, 11)}the output folder "/" is the root of the file system; choose a folder of your own\\.$`,
      ),
    ]);
  });

  it('output.folder that is a link to /etc is refused at its line, naming where it leads', async () => {
    const { fx, at } = withDefinition('\n  folder: output', '\n  folder: etc-link', (dir) =>
      symlinkSync('/etc', join(dir, 'etc-link')),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line + 1, 11)}the output folder "${re(join(fx.dir, 'etc-link'))} \\(/etc\\)" is a system folder; choose a folder of your own\\.$`,
      ),
    ]);
  });

  it('--out / is refused, naming the option', async () => {
    const fx = fixture(good.folder);
    const result = await refuse(fx, ['build', '--out', '/']);
    expectRefused(fx, result, [
      /^--out: the output folder "\/" is the root of the file system; choose a folder of your own\.$/,
    ]);
  });

  it('--out /etc is refused, naming the option', async () => {
    const fx = fixture(good.folder);
    const result = await refuse(fx, ['build', '--out', '/etc']);
    expectRefused(fx, result, [/^--out: the output folder "\/etc" is a system folder; choose a folder of your own\.$/]);
  });

  it('a slug that climbs out of the output folder is refused at its line', async () => {
    const { fx, at } = withDefinition('  slug: walsall-repeat-child-protection-plans', '  slug: ../../etc/cron.d/x');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, 9)}"report\\.slug" must be lower-case words joined by hyphens\\.$`),
    ]);
  });
});

describe('pipes, devices and link loops are never read', () => {
  const fifo = (path: string) => execFileSync('mkfifo', [path]);

  it('a FIFO as the local workbook is refused at its line, and the build returns', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      rmSync(join(dir, 'data/walsall-local.xlsx'));
      fifo(join(dir, 'data/walsall-local.xlsx'));
    });
    const at = placeOf(join(fx.dir, CONFIG), 'data/walsall-local.xlsx');
    const result = await runWithin(15, fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column)}the data file "data/walsall-local\\.xlsx" ${NOT_REGULAR}`),
    ]);
  }, 20_000);

  it('a FIFO as a national csv is refused, naming the file, and the build returns', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      rmSync(join(dir, D3));
      fifo(join(dir, D3));
    });
    const result = await runWithin(15, fx, ['build']);
    expectRefused(fx, result, [new RegExp(`^${re(D3)}: the data file ${NOT_REGULAR}`)]);
  }, 20_000);

  it('a FIFO as a section template is refused at its line, and the build returns', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      rmSync(join(dir, 'templates/walsall/background.hbs'));
      fifo(join(dir, 'templates/walsall/background.hbs'));
    });
    const at = placeOf(join(fx.dir, CONFIG), 'walsall/background.hbs');
    const result = await runWithin(15, fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line, at.column)}the template "templates/walsall/background\\.hbs" ${NOT_REGULAR}`,
      ),
    ]);
  }, 20_000);

  it('a FIFO as the layout is refused, naming it, and the build returns', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      rmSync(join(dir, 'templates/layout.hbs'));
      fifo(join(dir, 'templates/layout.hbs'));
    });
    const result = await runWithin(15, fx, ['build']);
    expectRefused(fx, result, [new RegExp(`^templates/layout\\.hbs: the template ${NOT_REGULAR}`)]);
  }, 20_000);

  it('/dev/zero as the definition is refused, and the build returns', async () => {
    const fx = fixture(good.folder);
    const result = await runWithin(15, fx, ['build', '/dev/zero']);
    expectRefused(fx, result, [
      /^The report definition "\/dev\/zero" is not a regular file \(it is a device, pipe or socket\); give the path to a report\.config\.yaml file\.$/,
    ]);
  }, 20_000);

  it('a section template that is a link to itself is refused at its line', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      mkdirSync(join(dir, 'templates/loop'));
      symlinkSync('self.hbs', join(dir, 'templates/loop/self.hbs'));
      editText(dir, CONFIG, (yaml) => yaml.replace('template: walsall/conclusion.hbs', 'template: loop/self.hbs'));
    });
    const at = placeOf(join(fx.dir, CONFIG), 'loop/self.hbs');
    const result = await runWithin(15, fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column)}the template "templates/loop/self\\.hbs" ${NOT_REGULAR}`),
    ]);
  }, 20_000);
});
