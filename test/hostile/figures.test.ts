/**
 * Impossible figures and unreadable data, in a copy of a national csv or of the local workbook: bad
 * input, not results. Each is named at its line (and column) or its sheet and cell. A Windows-1252 csv
 * is no mistake: it builds, says how it was read, and keeps its characters.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  D3,
  ROOT,
  SLUG,
  editLineBytes,
  editText,
  expectNothingLeftOver,
  expectRefused,
  fixture,
  lineOf,
  re,
  refuse,
  run,
  snapshot,
  useGoodOutput,
} from './support.js';

const good = useGoodOutput('report');

const WALSALL_2016 =
  '2016,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,335,E08000030,Walsall,';
const ENGLAND_2016 = '2016,Reporting year,National,';
const COUNTS_2016 = ',Child Protection Plans which are a second or subsequent plan,541,93,17.2';
/** "data/dfe/d3_....csv, line N" at the start of a sentence. */
const csvAt = (line: number, column?: number) =>
  `^${re(D3)}, line ${line}${column === undefined ? '' : `, column ${column}`}: `;

/** A fixture with Walsall's 2015-16 row of the national file edited; returns it with that row's line. */
function withWalsallRow(edit: (row: string) => string) {
  const fx = fixture(good.folder, 'report', (dir) =>
    editText(dir, D3, (csv) => csv.replace(/^2016,Reporting year,Local authority,[^\n]*,335,[^\n]*$/m, edit)),
  );
  return { fx, line: lineOf(join(ROOT, D3), WALSALL_2016) };
}

describe('impossible figures in a national csv', () => {
  it('a numerator above its denominator is named at its line', async () => {
    const { fx, line } = withWalsallRow((row) =>
      row.replace(COUNTS_2016, COUNTS_2016.replace('541,93,17.2', '541,600,110.9')),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${csvAt(line)}"CPP_subsequent" is 600, more than "CPP_start" \\(541\\); a percentage cannot be over 100, so one of the two counts is wrong\\.$`,
      ),
    ]);
  });

  it('a negative count is named at its line', async () => {
    const { fx, line } = withWalsallRow((row) => row.replace(',541,93,', ',-541,93,'));
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${csvAt(line)}"CPP_start" should be a whole number of 0 or more but the cell holds "-541"\\.$`),
    ]);
  });

  it("a council's row given twice for one year is named at the second, with the first", async () => {
    const { fx, line } = withWalsallRow((row) => `${row}\n${row.replace(',541,93,17.2', ',540,90,16.7')}`);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${csvAt(line + 1)}this row repeats Walsall \\(335\\) for time_period 2016, already given on line ${line}; each area must have one row a year, so remove the wrong one\\.$`,
      ),
    ]);
  });

  it('a year written "20x5" is named at its line', async () => {
    const { fx, line } = withWalsallRow((row) => row.replace(/^2016,/, '20x5,'));
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${csvAt(line)}"time_period" should be a year such as 2025, or two years such as 201516 for 2015-16, but the cell holds "20x5"\\.$`,
      ),
    ]);
  });

  it('a published percentage over 100 is named at its line', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, D3, (csv) => csv.replace(/^(2016,Reporting year,National,[^\n]*),17\.9$/m, '$1,150')),
    );
    const line = lineOf(join(fx.dir, D3), ENGLAND_2016);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${csvAt(line)}"CPP_subsequent_percent" is a published percentage, so it should be between 0 and 100, but the cell holds "150"\\.$`,
      ),
    ]);
  });

  it('a council in the definition with no row in a national file it needs is named with the file', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, D3, (csv) => csv.replace(/^[^\n]*,335,E08000030,Walsall,[^\n]*\n/gm, '')),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(D3)}: there are no rows for Walsall \\(335\\), so none of its figures from this file can be shown; check the council's code, and that this is the complete national file\\.$`,
      ),
    ]);
  });

  it('a council code in the definition that no national file has is named with the file, as the user sees it', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, 'report.config.yaml', (yaml) => yaml.replace('code: "335"', 'code: "999"')),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(D3)}: there is no local authority with the code 999; councils are named by their three-digit DfE code, for example 335 for Walsall\\.$`,
      ),
    ]);
  });
});

describe('a national csv that cannot be read as written', () => {
  it('an unterminated quote is named at its line and column', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, D3, (csv) => csv.replace(/,Waltham Forest,(?=[^\n]*\n?$)/, ',"Waltham Forest,')),
    );
    const lines = readFileSync(join(fx.dir, D3), 'utf8').trimEnd().split('\n');
    const column = lines[lines.length - 1]!.indexOf('"Waltham') + 1;
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${csvAt(lines.length, column)}the quoted value that starts here has no closing quote, so the rest of the file would be read into it and lost`,
      ),
    ]);
  });

  it('a byte that is neither UTF-8 nor Windows-1252 is named at its line and column', async () => {
    const fx = fixture(good.folder);
    const line = lineOf(join(fx.dir, D3), WALSALL_2016);
    editLineBytes(fx.dir, D3, line, (bytes) =>
      Buffer.from(bytes.toString('latin1').replace('Walsall', 'Wal\x81sall'), 'latin1'),
    );
    const column = WALSALL_2016.indexOf('Walsall') + 4;
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${csvAt(line, column)}the file is neither UTF-8 nor Windows-1252 \\(this byte means nothing in Windows-1252\\)`,
      ),
    ]);
  });

  it('a NUL byte is named at its line and column', async () => {
    const fx = fixture(good.folder);
    const line = lineOf(join(fx.dir, D3), WALSALL_2016);
    editLineBytes(fx.dir, D3, line, (bytes) =>
      Buffer.from(bytes.toString('latin1').replace('Walsall', 'Wal\x00sall'), 'latin1'),
    );
    const column = WALSALL_2016.indexOf('Walsall') + 4;
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [new RegExp(`${csvAt(line, column)}the file holds a NUL byte, so it is not a text csv`)]);
  });

  it('a byte-order mark followed by text that is not UTF-8 is named at its line and column', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      writeFileSync(join(dir, D3), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(dir, D3))])),
    );
    const line = lineOf(join(fx.dir, D3), WALSALL_2016);
    editLineBytes(fx.dir, D3, line, (bytes) =>
      Buffer.from(bytes.toString('latin1').replace('Walsall', 'Wals\xe9ll'), 'latin1'),
    );
    const column = WALSALL_2016.indexOf('Walsall') + 5;
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${csvAt(line, column)}the file starts with the UTF-8 byte-order mark but this character is not UTF-8`,
      ),
    ]);
  });

  it('a semicolon-separated csv is named at its header line', async () => {
    const fx = fixture(good.folder, 'report', (dir) => editText(dir, D3, (csv) => csv.replaceAll(',', ';')));
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [new RegExp(`${csvAt(1)}the columns are separated by semicolons, not commas`)]);
  });

  it('a Windows-1252 csv builds, says so, and keeps its "–" and "£" in the report', async () => {
    const fx = fixture(good.folder);
    const sandwell = lineOf(
      join(fx.dir, D3),
      '2025,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,333,E08000028,Sandwell,',
    );
    editLineBytes(fx.dir, D3, sandwell, (bytes) =>
      Buffer.from(bytes.toString('latin1').replace('Sandwell', 'Sandwell \x96 \xa3'), 'latin1'),
    );
    const result = await run(fx, ['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      `${D3}: read as Windows-1252, the encoding of Excel's "CSV (Comma delimited)"; save it as "CSV UTF-8" to keep every character exactly.`,
    );
    const html = readFileSync(join(fx.out, `${SLUG}.html`), 'utf8');
    const json = readFileSync(join(fx.out, `${SLUG}.indicators.json`), 'utf8');
    expect(html).toContain('Sandwell – £');
    expect(json).toContain('"Sandwell – £"');
    expect(html).not.toContain('\ufffd');
    // The same files, and the page of what changed since the build before.
    expect(Object.keys(snapshot(fx.out)).sort()).toEqual([...Object.keys(fx.before), `${SLUG}.changes.html`].sort());
    expectNothingLeftOver(fx);
  });
});

/** A local workbook like the example's, with the given data rows under its header. */
async function localWorkbook(dir: string, rows: unknown[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Repeat plans');
  sheet.addRow(['Period start', 'Period end', 'Plans starting', 'Second or subsequent plans']);
  for (const row of rows) sheet.addRow(row);
  await book.xlsx.writeFile(join(dir, 'data/walsall-local.xlsx'));
}

const APRIL = new Date(Date.UTC(2016, 3, 1));
const AUGUST = new Date(Date.UTC(2016, 7, 31));
const LOCAL = "^data/walsall-local\\.xlsx, sheet 'Repeat plans', ";

describe('impossible figures in the local workbook', () => {
  it('a period that ends before it starts is named at its cell', async () => {
    const fx = fixture(good.folder);
    await localWorkbook(fx.dir, [[AUGUST, APRIL, 259, 22]]);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${LOCAL}cell B2: "Period end" is 2016-04-01, before "Period start" \\(2016-08-31\\); a period cannot end before it starts\\.$`,
      ),
    ]);
  });

  it('a negative count is named at its cell', async () => {
    const fx = fixture(good.folder);
    await localWorkbook(fx.dir, [[APRIL, AUGUST, 259, -22]]);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${LOCAL}cell D2: "Second or subsequent plans" should be a whole number of 0 or more but the cell holds "-22"\\.$`,
      ),
    ]);
  });

  it('a numerator above its denominator is named at its cell', async () => {
    const fx = fixture(good.folder);
    await localWorkbook(fx.dir, [[APRIL, AUGUST, 22, 259]]);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${LOCAL}cell D2: "Second or subsequent plans" is 259, more than "Plans starting" \\(22\\); a percentage cannot be over 100`,
      ),
    ]);
  });

  it('a period given twice is named at the second row, with the first', async () => {
    const fx = fixture(good.folder);
    await localWorkbook(fx.dir, [
      [APRIL, AUGUST, 259, 22],
      [APRIL, AUGUST, 259, 30],
    ]);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${LOCAL}cell A3: this row repeats the period 2016-04-01 to 2016-08-31, already given on sheet 'Repeat plans', cell A2; each period must have one row, so remove the wrong one\\.$`,
      ),
    ]);
  });

  it('a formula that gives an error is named at its cell', async () => {
    const fx = fixture(good.folder);
    await localWorkbook(fx.dir, [[APRIL, AUGUST, 259, { formula: 'C2/0', result: { error: '#DIV/0!' } }]]);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${LOCAL}cell D2: the formula in this cell gives the error #DIV/0!; correct it in the workbook\\.$`),
    ]);
  });

  it('a date that is not on the calendar is named at its cell', async () => {
    const fx = fixture(good.folder);
    await localWorkbook(fx.dir, [['2016-02-30', AUGUST, 259, 22]]);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${LOCAL}cell A2: "Period start" should be a date but the cell holds "2016-02-30"\\.$`),
    ]);
  });

  it('a csv saved under a .xlsx name is named', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      writeFileSync(
        join(dir, 'data/walsall-local.xlsx'),
        'Period start,Period end,Plans starting,Second or subsequent plans\n2016-04-01,2016-08-31,259,22\n',
      ),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      /^data\/walsall-local\.xlsx: the workbook cannot be read \(it is not a zip archive, as every \.xlsx file is\); save it again as \.xlsx\.$/,
    ]);
  });
});
