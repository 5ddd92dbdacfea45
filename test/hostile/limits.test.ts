/**
 * Input made to exhaust the machine: files over their limits, a workbook that unpacks to far more than
 * it weighs, YAML that expands (aliases), repeats itself or nests without end. Each is refused quickly,
 * at its place, with the previous report left as it was.
 */
import ExcelJS from 'exceljs';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  D3,
  editText,
  expectRefused,
  fixture,
  placeOf,
  re,
  refuse,
  unzipEntries,
  yamlPlace,
  zipArchive,
  useGoodOutput,
} from './support.js';

const CONFIG = 'report.config.yaml';
const MB = 1024 * 1024;
const good = useGoodOutput('report');

/** The example's local workbook, as ExcelJS writes it, with `padding` bytes of comment in its sheet. */
async function paddedWorkbook(padding: number, declareTruly: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Repeat plans');
  sheet.addRow(['Period start', 'Period end', 'Plans starting', 'Second or subsequent plans']);
  sheet.addRow([new Date(Date.UTC(2016, 3, 1)), new Date(Date.UTC(2016, 7, 31)), 259, 22]);
  const entries = unzipEntries(Buffer.from(await book.xlsx.writeBuffer()));
  return zipArchive(
    entries.map((entry) => {
      if (entry.name !== 'xl/worksheets/sheet1.xml') return entry;
      const xml = Buffer.from(entry.data).toString('utf8');
      const padded = Buffer.from(xml.replace('<sheetData>', `<!--${'A'.repeat(padding)}--><sheetData>`), 'utf8');
      return { name: entry.name, data: padded, declaredSize: declareTruly ? padded.length : entry.data.length };
    }),
  );
}

describe('files over their limits', () => {
  it('a definition over 5 MB is refused, naming it and the limit', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      writeFileSync(join(dir, CONFIG), `${readFileSync(join(dir, CONFIG), 'utf8')}# ${'x'.repeat(6 * MB)}\n`),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      /^report\.config\.yaml: the report definition is 6\.0 MB, over the limit of 5\.0 MB for a file of this kind\.$/,
    ]);
  });

  it('a template over 5 MB is refused, naming it and the limit', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      writeFileSync(join(dir, 'templates/walsall/audit.hbs'), `<p>${'x'.repeat(6 * MB)}</p>\n`),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      /^templates\/walsall\/audit\.hbs: the template is 6\.0 MB, over the limit of 5\.0 MB for a file of this kind\.$/,
    ]);
  });

  it('a 2 MB csv with --max-data-mb 1 is refused, saying how to raise the limit', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      const csv = readFileSync(join(dir, D3));
      const filler = Buffer.alloc(2 * MB - csv.length, '\n');
      writeFileSync(join(dir, D3), Buffer.concat([csv, filler]));
    });
    expect(statSync(join(fx.dir, D3)).size).toBe(2 * MB);
    const result = await refuse(fx, ['build', '--max-data-mb', '1']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(D3)}: the data file is 2\\.0 MB, over the limit of 1\\.0 MB; if the file is right, raise the limit with --max-data-mb 2\\.$`,
      ),
    ]);
  });

  it('a workbook zip bomb (50 MB of sheet in a few kB) is refused before it is unpacked', async () => {
    const bomb = await paddedWorkbook(50 * MB, true);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const fx = fixture(good.folder, 'report', (dir) => writeFileSync(join(dir, 'data/walsall-local.xlsx'), bomb));
    const result = await refuse(fx, ['build', '--max-data-mb', '1']);
    expectRefused(fx, result, [
      /^data\/walsall-local\.xlsx: the workbook unpacks to 50 MB, over the limit of 1\.0 MB; if the file is right, raise the limit with --max-data-mb 51\.$/,
    ]);
  });

  it('a workbook zip bomb that understates its sizes is refused without being unpacked in full', async () => {
    const bomb = await paddedWorkbook(50 * MB, false);
    const fx = fixture(good.folder, 'report', (dir) => writeFileSync(join(dir, 'data/walsall-local.xlsx'), bomb));
    const result = await refuse(fx, ['build', '--max-data-mb', '1']);
    expectRefused(fx, result, [
      /^data\/walsall-local\.xlsx: the workbook cannot be read \(its part "xl\/worksheets\/sheet1\.xml" unpacks to more than its zip directory declares\); save it again as \.xlsx\.$/,
    ]);
  });
});

describe('YAML made to explode', () => {
  it('an alias bomb ("billion laughs") is refused at its first alias', async () => {
    const laughs = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++)
      laughs.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => `${yaml}${laughs.join('\n')}\n`),
    );
    const at = placeOf(join(fx.dir, CONFIG), '*a0');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line, at.column)}the YAML repeats its anchors \\(aliases\\) more than 100 times, which would make it enormous once expanded; write the values out or use fewer aliases\\.$`,
      ),
    ]);
  });

  it('400,000 unknown keys: at most 200 problems, each at its line, and a count of the rest', async () => {
    const keys = Array.from({ length: 400_000 }, (_, i) => `x${i.toString(36)}: 1\n`).join('');
    const fx = fixture(good.folder, 'report', (dir) => editText(dir, CONFIG, (yaml) => yaml + keys));
    const first = placeOf(join(fx.dir, CONFIG), 'x0: 1').line;
    const result = await refuse(fx, ['build']);
    const lines = expectRefused(fx, result, [
      /^report\.config\.yaml, line \d+, column 1: unknown key "x[0-9a-z]+"\.$/,
      /^\.\.\. and 399,800 more problems like these; fix the ones above first\.$/,
    ]);
    expect(lines).toHaveLength(201);
    expect(lines[0]).toBe(`report.config.yaml, line ${first}, column 1: unknown key "x0".`);
    expect(lines[199]).toBe(`report.config.yaml, line ${first + 199}, column 1: unknown key "x${(199).toString(36)}".`);
  });

  it('a duplicate key is refused at the second one', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => yaml.replace('  wards: All\n', '  wards: All\n  wards: Bloxwich East\n')),
    );
    const at = placeOf(join(fx.dir, CONFIG), '  wards: Bloxwich East');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`^${re(CONFIG)}, line ${at.line}, column 3: the YAML cannot be read: Map keys must be unique\\.$`),
    ]);
  });

  it('100,000 repeats of one key are found in one pass and capped at 200 problems', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => `${yaml}extra:\n${'  k: 1\n'.repeat(100_000)}`),
    );
    const first = placeOf(join(fx.dir, CONFIG), 'extra:').line + 2;
    const result = await refuse(fx, ['build']);
    const lines = expectRefused(fx, result, [
      /^report\.config\.yaml, line \d+, column 3: the YAML cannot be read: Map keys must be unique\.$/,
      /^\.\.\. and 99,799 more problems like these; fix the ones above first\.$/,
    ]);
    expect(lines).toHaveLength(201);
    expect(lines[0]).toBe(
      `report.config.yaml, line ${first}, column 3: the YAML cannot be read: Map keys must be unique.`,
    );
  });

  it('100,000 nested flow sequences are refused as too deep, naming the file', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => `${yaml}deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      /^report\.config\.yaml: the YAML is nested too deeply to read; a definition needs only a few levels\.$/,
    ]);
  });

  it('3,000 nested block mappings are refused as too deep, naming the file', async () => {
    const nested = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('');
    const fx = fixture(good.folder, 'report', (dir) => editText(dir, CONFIG, (yaml) => `${yaml}deep:\n${nested}`));
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      /^report\.config\.yaml: the YAML is nested too deeply to read; a definition needs only a few levels\.$/,
    ]);
  });
});
