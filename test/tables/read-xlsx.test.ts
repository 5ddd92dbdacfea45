import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ProblemList } from '../../src/diagnostics/report-error.js';
import { DEFAULT_DATA_FILE_LIMIT as LIMIT } from '../../src/files/limits.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { unpackedSize } from '../../src/tables/zip-size.js';
import { columnIndex, type Table } from '../../src/tables/table.js';
import { readCount, readDate, readFigure } from '../../src/tables/values.js';
import { problemsOf, rejection } from '../support/report-errors.js';
import { oneSheet, sheetWithRowsAt, xlsx } from '../support/workbook.js';
import { declaringSize, deflatedZeros, rezipped, zipBytes } from './zip-bytes.js';

const HEADER = ['Period start', 'Period end', 'Plans starting', 'Second or subsequent plans'];

const column = (table: Table, name: string) => {
  const index = columnIndex(table, name);
  expect(index, name).toBeGreaterThanOrEqual(0);
  return index;
};

describe('readXlsx', () => {
  it('reads the first sheet when no sheet is named: header from the first row, rows with their row numbers', async () => {
    const bytes = await oneSheet('Repeat plans', [HEADER, ['2016-04-01', '2016-08-31', 259, 22]]);
    const table = await readXlsx('data/local.xlsx', bytes, undefined, LIMIT);
    expect(table.file).toBe('data/local.xlsx');
    expect(table.sheet).toBe('Repeat plans');
    expect(table.columns).toEqual(HEADER);
    expect(table.headerIndex).toBe(1);
    expect(table.rows).toEqual([{ index: 2, values: ['2016-04-01', '2016-08-31', 259, 22] }]);
  });

  it('reads the named sheet, not the first', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('Notes').addRow(['Read me first']);
      const data = workbook.addWorksheet('Repeat plans');
      data.addRow(HEADER);
      data.addRow(['2016-04-01', '2016-08-31', 259, 22]);
    });
    const table = await readXlsx('local.xlsx', bytes, 'Repeat plans', LIMIT);
    expect(table.sheet).toBe('Repeat plans');
    expect(table.columns).toEqual(HEADER);
    expect(table.rows[0]!.values[column(table, 'Plans starting')]).toBe(259);
  });

  it('reports a missing sheet with a ReportError that names the file and the sheet and lists the sheets there are', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('Notes');
      workbook.addWorksheet('Repeat plans');
    });
    const error = await rejection(readXlsx('data/local.xlsx', bytes, 'Repeat plan', LIMIT));
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(/^data\/local\.xlsx: /);
    expect(error.message).toContain('"Repeat plan"');
    expect(error.message).toContain('"Notes"');
    expect(error.message).toContain('"Repeat plans"');
  });

  it('reports bytes that are not a workbook with a ReportError naming the file', async () => {
    const error = await rejection(
      readXlsx('data/local.xlsx', new TextEncoder().encode('period,plans\n2016,259\n'), undefined, LIMIT),
    );
    expect(error.problems).toEqual([
      'data/local.xlsx: the workbook cannot be read (it is not a zip archive, as every .xlsx file is); save it again as .xlsx.',
    ]);
  });

  it('takes the first non-empty row as the header, and keeps worksheet row numbers', async () => {
    const bytes = await sheetWithRowsAt('Data', {
      3: ['Plans starting', 'Second or subsequent plans'],
      5: [259, 22],
      7: [541, 93],
    });
    const table = await readXlsx('local.xlsx', bytes, undefined, LIMIT);
    expect(table.headerIndex).toBe(3);
    expect(table.columns).toEqual(['Plans starting', 'Second or subsequent plans']);
    expect(table.rows.map((row) => row.index)).toEqual([5, 7]);
  });

  it('names cells by their real column letter when the table does not start in column A', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.getCell('B1').value = 'Period start';
      sheet.getCell('C1').value = 'Plans starting';
      sheet.getCell('B2').value = '2016-04-01';
      sheet.getCell('C2').value = 'lots';
    });
    const table = await readXlsx('local.xlsx', bytes, undefined, LIMIT);
    const problems = new ProblemList();
    expect(readCount(table, table.rows[0]!, column(table, 'Plans starting'), problems)).toBeUndefined();
    expect(problemsOf(problems)[0]).toContain("sheet 'Data', cell C2");
  });

  it('gives the cached result of a formula cell', async () => {
    const bytes = await oneSheet('Data', [
      ['Plans starting', 'Second or subsequent plans', 'Percentage'],
      // The result Excel cached when it saved the workbook (rounded by a ROUND in a real sheet).
      [259, 22, { formula: 'ROUND(B2/A2*100,1)', result: 8.5 }],
    ]);
    const table = await readXlsx('local.xlsx', bytes, undefined, LIMIT);
    const problems = new ProblemList();
    const reading = readFigure(table, table.rows[0]!, column(table, 'Percentage'), problems);
    expect(reading).toEqual({ value: 8.5 });
    expect(problemsOf(problems)).toEqual([]);
  });

  it('reports a formula error (#DIV/0!) through readCount, naming the sheet and cell', async () => {
    const bytes = await oneSheet('X', [
      ['Period start', 'Period end', 'Plans starting'],
      ['2016-04-01', '2016-08-31', { formula: 'D2/E2', result: { error: '#DIV/0!' } }],
    ]);
    const table = await readXlsx('data/local.xlsx', bytes, undefined, LIMIT);
    const problems = new ProblemList();
    expect(readCount(table, table.rows[0]!, column(table, 'Plans starting'), problems)).toBeUndefined();
    const found = problemsOf(problems);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^data\/local\.xlsx, sheet 'X', cell C2: /);
    expect(found[0]).toContain('#DIV/0!');
  });

  it('keeps a date cell as the same calendar date, whatever the time zone of the machine', async () => {
    const originalTz = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Europe/London', 'America/Los_Angeles', 'Pacific/Auckland']) {
        process.env.TZ = tz;
        const bytes = await oneSheet('Dates', [
          ['Period start', 'Period end'],
          [new Date(Date.UTC(2016, 3, 1)), new Date(Date.UTC(2016, 7, 31))],
          [new Date(Date.UTC(2016, 9, 11, 23, 30)), new Date(Date.UTC(2017, 2, 31, 0, 15))],
        ]);
        const table = await readXlsx('local.xlsx', bytes, undefined, LIMIT);
        const dates = table.rows.map((row) =>
          row.values.map((value) => (value instanceof Date ? value.toISOString() : value)),
        );
        expect(dates, tz).toEqual([
          ['2016-04-01T00:00:00.000Z', '2016-08-31T00:00:00.000Z'],
          // A time of day is dropped: the date is the one the cell shows.
          ['2016-10-11T00:00:00.000Z', '2017-03-31T00:00:00.000Z'],
        ]);
        const problems = new ProblemList();
        expect(readDate(table, table.rows[0]!, 0, problems), tz).toBe('2016-04-01');
        expect(readDate(table, table.rows[1]!, 1, problems), tz).toBe('2017-03-31');
        expect(problemsOf(problems)).toEqual([]);
      }
    } finally {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    }
  });

  it('reads a rich-text cell as its plain text', async () => {
    const bytes = await oneSheet('Data', [
      [{ richText: [{ text: 'Plans ' }, { text: 'starting', font: { bold: true } }] }],
      [{ richText: [{ text: '2' }, { text: '59', font: { italic: true } }] }],
    ]);
    const table = await readXlsx('local.xlsx', bytes, undefined, LIMIT);
    expect(table.columns).toEqual(['Plans starting']);
    expect(table.rows[0]!.values).toEqual(['259']);
    const problems = new ProblemList();
    expect(readCount(table, table.rows[0]!, 0, problems)).toBe(259);
  });

  it('reads a hyperlink cell as its text', async () => {
    const bytes = await oneSheet('Data', [
      ['Source'],
      [{ text: 'DfE open data', hyperlink: 'https://explore-education-statistics.service.gov.uk/' }],
    ]);
    const table = await readXlsx('local.xlsx', bytes, undefined, LIMIT);
    expect(table.rows[0]!.values).toEqual(['DfE open data']);
  });

  it('keeps a number typed as text ("1,234") as text, which readCount then reads as 1234', async () => {
    const bytes = await oneSheet('Data', [['Plans starting'], ['1,234']]);
    const table = await readXlsx('local.xlsx', bytes, undefined, LIMIT);
    expect(table.rows[0]!.values).toEqual(['1,234']);
    const problems = new ProblemList();
    expect(readCount(table, table.rows[0]!, 0, problems)).toBe(1234);
    expect(problemsOf(problems)).toEqual([]);
  });

  it('skips empty rows and trims header names', async () => {
    const bytes = await sheetWithRowsAt('Data', {
      1: [' Plans starting ', 'Second or subsequent plans'],
      2: [259, 22],
      4: [541, 93],
    });
    const table = await readXlsx('local.xlsx', bytes, undefined, LIMIT);
    expect(table.columns).toEqual(['Plans starting', 'Second or subsequent plans']);
    expect(table.rows.map((row) => row.index)).toEqual([2, 4]);
  });

  it('reads the example workbook data/walsall-local.xlsx by the column names report.config.yaml uses', async () => {
    const table = await readXlsx(
      'data/walsall-local.xlsx',
      readFileSync(join(process.cwd(), 'data', 'walsall-local.xlsx')),
      'Repeat plans',
      LIMIT,
    );
    expect(table.rows.length).toBeGreaterThan(0);
    const problems = new ProblemList();
    for (const row of table.rows) {
      const start = readDate(table, row, column(table, 'Period start'), problems);
      const end = readDate(table, row, column(table, 'Period end'), problems);
      const plans = readCount(table, row, column(table, 'Plans starting'), problems);
      const repeats = readCount(table, row, column(table, 'Second or subsequent plans'), problems);
      expect(start! < end!).toBe(true);
      expect(repeats!).toBeLessThanOrEqual(plans!);
      // The workbook's own percentage agrees with its counts, to one decimal place.
      const published = readFigure(table, row, column(table, 'Percentage'), problems);
      expect(published).toEqual({ value: Number(((100 * repeats!) / plans!).toFixed(1)) });
    }
    expect(problemsOf(problems)).toEqual([]);
  });
});

describe('readXlsx and the unpacked size limit', () => {
  const MB = 1024 * 1024;

  it('refuses a workbook whose parts declare more than the limit, before exceljs inflates them', async () => {
    const bomb = declaringSize(
      await oneSheet('Data', [['Plans starting'], [259]]),
      'xl/worksheets/sheet1.xml',
      300 * MB,
    );
    const error = await rejection(readXlsx('data/local.xlsx', bomb, undefined, LIMIT));
    expect(error.problems).toEqual([
      'data/local.xlsx: the workbook unpacks to 300 MB, over the limit of 100 MB; if the file is right, raise the limit with --max-data-mb 301.',
    ]);
  });

  it('reads a workbook that unpacks to exactly the limit, and refuses it one byte under', async () => {
    const bytes = await oneSheet('Data', [['Plans starting'], [259]]);
    const size = unpackedSize(bytes)!;
    expect((await readXlsx('local.xlsx', bytes, undefined, size)).rows).toEqual([{ index: 2, values: [259] }]);
    const error = await rejection(readXlsx('local.xlsx', bytes, undefined, size - 1));
    // A few kilobytes either way: the sizes are written in whole KB, rounded up.
    const kb = Math.ceil(size / 1024);
    expect(error.problems).toEqual([
      `local.xlsx: the workbook unpacks to ${kb} KB, over the limit of ${Math.ceil((size - 1) / 1024)} KB; if the file is right, raise the limit with --max-data-mb 1.`,
    ]);
  });

  it('refuses a part whose size is in a ZIP64 extra field', async () => {
    const zip = zipBytes([
      { name: 'xl/worksheets/sheet1.xml', data: new TextEncoder().encode('<worksheet/>'), zip64Size: 5 * 1024 * MB },
    ]);
    const error = await rejection(readXlsx('data/local.xlsx', zip, undefined, LIMIT));
    expect(error.problems).toEqual([
      'data/local.xlsx: the workbook unpacks to 5120 MB, over the limit of 100 MB; if the file is right, raise the limit with --max-data-mb 5120.',
    ]);
  });

  // JSZip inflates a part whole and only then compares it with the size declared; these are refused
  // first, having inflated no part past the size it declares.
  const loads = () => vi.spyOn(JSZip, 'loadAsync');
  afterEach(() => vi.restoreAllMocks());

  it('refuses a part that inflates to more than it declares, before exceljs loads the workbook', async () => {
    const understated = declaringSize(
      await oneSheet('Data', [['Plans starting'], [259]]),
      'xl/worksheets/sheet1.xml',
      10,
    );
    const load = loads();
    const error = await rejection(readXlsx('data/local.xlsx', understated, undefined, LIMIT));
    expect(error.problems).toEqual([
      'data/local.xlsx: the workbook cannot be read (its part "xl/worksheets/sheet1.xml" unpacks to more than its zip directory declares); save it again as .xlsx.',
    ]);
    expect(load).not.toHaveBeenCalled();
  });

  it.each([
    ['4 MB of zeros declared as 100 bytes, with a limit of 1 MB', 4, MB],
    ['400 MB of zeros declared as 100 bytes, with the default limit', 400, LIMIT],
  ])('refuses a deflated bomb whose directory understates it: %s', async (_, megabytes, limit) => {
    const bomb = zipBytes([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'), deflate: true },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: new Uint8Array(100),
        raw: { method: 8, bytes: deflatedZeros(megabytes) },
      },
    ]);
    expect(unpackedSize(bomb)).toBeLessThan(limit);
    const load = loads();
    const error = await rejection(readXlsx('data/local.xlsx', bomb, undefined, limit));
    expect(error.problems).toEqual([
      'data/local.xlsx: the workbook cannot be read (its part "xl/worksheets/sheet1.xml" unpacks to more than its zip directory declares); save it again as .xlsx.',
    ]);
    expect(load).not.toHaveBeenCalled();
  });

  it('refuses a stored part whose data is longer than the size it declares', async () => {
    const zip = zipBytes([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(2 * MB), declared: 100 }]);
    const load = loads();
    const error = await rejection(readXlsx('data/local.xlsx', zip, undefined, MB));
    expect(error.problems).toEqual([
      'data/local.xlsx: the workbook cannot be read (its part "xl/worksheets/sheet1.xml" unpacks to more than its zip directory declares); save it again as .xlsx.',
    ]);
    expect(load).not.toHaveBeenCalled();
  });

  it('refuses an encrypted part, and one compressed by a method JSZip lacks, before exceljs loads the workbook', async () => {
    const sheet = { name: 'xl/worksheets/sheet1.xml', data: new TextEncoder().encode('<worksheet/>') };
    const load = loads();
    const encrypted = await rejection(
      readXlsx('data/local.xlsx', zipBytes([{ ...sheet, deflate: true, flags: 0x0001 }]), undefined, LIMIT),
    );
    expect(encrypted.problems).toEqual([
      'data/local.xlsx: the workbook cannot be read (its part "xl/worksheets/sheet1.xml" is encrypted); save it again as .xlsx.',
    ]);
    const bzip2 = await rejection(
      readXlsx(
        'data/local.xlsx',
        zipBytes([{ ...sheet, raw: { method: 12, bytes: new Uint8Array(8) } }]),
        undefined,
        LIMIT,
      ),
    );
    expect(bzip2.problems).toEqual([
      'data/local.xlsx: the workbook cannot be read (its part "xl/worksheets/sheet1.xml" is compressed by method 12, not deflate); save it again as .xlsx.',
    ]);
    expect(load).not.toHaveBeenCalled();
  });

  it('refuses a part whose deflated data is damaged, naming the part', async () => {
    const zip = zipBytes([
      {
        name: 'xl/workbook.xml',
        data: new Uint8Array(10),
        raw: { method: 8, bytes: new Uint8Array([0xff, 0xff, 0xff]) },
      },
    ]);
    const error = await rejection(readXlsx('data/local.xlsx', zip, undefined, LIMIT));
    expect(error.problems).toEqual([
      'data/local.xlsx: the workbook cannot be read (its part "xl/workbook.xml" is damaged: invalid block type); save it again as .xlsx.',
    ]);
  });

  it('reads an honest workbook through exceljs, once, with local headers whose extra fields the directory does not have', async () => {
    const bytes = await rezipped(await oneSheet('Data', [['Plans starting'], [259]]), (entry) => ({
      ...entry,
      localExtra: new Uint8Array(20).fill(0x55),
    }));
    const load = loads();
    const table = await readXlsx('local.xlsx', bytes, undefined, unpackedSize(bytes)!);
    expect(table.rows).toEqual([{ index: 2, values: [259] }]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('leaves a part that inflates to less than it declares to JSZip, which refuses it, having inflated no more than declared', async () => {
    const overstated = declaringSize(
      await oneSheet('Data', [['Plans starting'], [259]]),
      'xl/worksheets/sheet1.xml',
      50_000,
    );
    const error = await rejection(readXlsx('data/local.xlsx', overstated, undefined, LIMIT));
    expect(error.problems).toEqual([
      'data/local.xlsx: the workbook cannot be read (Bug : uncompressed data size mismatch); save it again as .xlsx.',
    ]);
  });
});
