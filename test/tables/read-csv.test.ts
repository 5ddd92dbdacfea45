import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../src/tables/read-csv.js';
import { columnIndex, type Table } from '../../src/tables/table.js';
import { thrown } from '../support/report-errors.js';

const dfe = (name: string) => join(process.cwd(), 'data', 'dfe', name);

/** The value in a named column of a row, looked up by header name as the README tells us to. */
const cell = (table: Table, rowValues: readonly unknown[], column: string) => {
  const index = columnIndex(table, column);
  expect(index, `column ${column}`).toBeGreaterThanOrEqual(0);
  return rowValues[index];
};

describe('readCsv', () => {
  it('keeps the file name it was given and reads the header and body', () => {
    const table = readCsv('data/x.csv', 'old_la_code,la_name\n335,Walsall\n');
    expect(table.file).toBe('data/x.csv');
    expect(table.sheet).toBeUndefined();
    expect(table.columns).toEqual(['old_la_code', 'la_name']);
    expect(table.headerIndex).toBe(1);
    expect(table.rows).toEqual([{ index: 2, values: ['335', 'Walsall'] }]);
  });

  it('drops a UTF-8 byte-order mark so the first header is usable by name', () => {
    const table = readCsv('x.csv', '\uFEFFtime_period,la_name\n2025,Walsall\n');
    expect(table.columns[0]).toBe('time_period');
    expect(columnIndex(table, 'time_period')).toBe(0);
  });

  it('drops a byte-order mark before a quoted first header', () => {
    // Exporters that quote every field put the mark right before the opening quote.
    const table = readCsv('x.csv', '\uFEFF"time_period","la_name"\r\n"2025","Herefordshire, County of"\r\n');
    expect(table.columns).toEqual(['time_period', 'la_name']);
    expect(table.rows[0]!.values).toEqual(['2025', 'Herefordshire, County of']);
  });

  it('keeps a byte-order mark-like character that is not at the very start', () => {
    // Only a leading BOM is a marker; anywhere else it is content.
    const table = readCsv('x.csv', 'a,b\n\uFEFFx,y\n');
    expect(table.rows[0]!.values[0]).toBe('\uFEFFx');
  });

  it('reads a quoted name holding a comma as one field', () => {
    const table = readCsv('x.csv', 'old_la_code,la_name,new_la_code\n884,"Herefordshire, County of",E06000019\n');
    expect(table.rows[0]!.values).toEqual(['884', 'Herefordshire, County of', 'E06000019']);
  });

  it('reads doubled quotes inside a quoted field as one quote', () => {
    const table = readCsv('x.csv', 'note,n\n"The ""c"" means suppressed",1\n"""",2\n');
    expect(table.rows.map((row) => row.values[0])).toEqual(['The "c" means suppressed', '"']);
  });

  it('reads an empty quoted field as empty text', () => {
    const table = readCsv('x.csv', 'region_code,region_name,n\n"","",5\n');
    expect(table.rows[0]!.values).toEqual(['', '', '5']);
  });

  it('reads CRLF line endings without leaving carriage returns in values', () => {
    const table = readCsv('x.csv', 'a,b\r\n1,2\r\n3,4\r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { index: 2, values: ['1', '2'] },
      { index: 3, values: ['3', '4'] },
    ]);
  });

  it('gives the same table for LF and CRLF files', () => {
    const lf = readCsv('x.csv', 'a,b\n1,"x, y"\n3,4\n');
    const crlf = readCsv('x.csv', 'a,b\r\n1,"x, y"\r\n3,4\r\n');
    expect(crlf).toEqual(lf);
  });

  it('reads the last record when the file has no final line break', () => {
    const table = readCsv('x.csv', 'a,b\n1,2\n3,4');
    expect(table.rows.map((row) => row.values)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps line breaks inside quoted fields and still numbers later records by their file line', () => {
    const text = [
      'id,name,note', // line 1
      '1,"Herefordshire, County of","two', // line 2
      'lines"', // line 3
      '2,Walsall,"three', // line 4
      'line', // line 5
      'note"', // line 6
      '3,York,plain', // line 7
      '',
    ].join('\n');
    const table = readCsv('x.csv', text);
    expect(table.rows.map((row) => row.index)).toEqual([2, 4, 7]);
    expect(table.rows[0]!.values).toEqual(['1', 'Herefordshire, County of', 'two\nlines']);
    expect(table.rows[1]!.values[2]).toBe('three\nline\nnote');
    expect(table.rows[2]!.values).toEqual(['3', 'York', 'plain']);
  });

  it('counts a CRLF inside a quoted field as one line', () => {
    const table = readCsv('x.csv', 'a,b\r\n"x\r\ny",1\r\nz,2\r\n');
    expect(table.rows.map((row) => row.index)).toEqual([2, 4]);
    expect(table.rows[0]!.values[0]).toBe('x\r\ny');
  });

  it('drops the unnamed last column a trailing comma on every line makes', () => {
    const table = readCsv('x.csv', 'LA num,SN1,SNP,\n201,207,Not Close,\n');
    expect(table.columns).toEqual(['LA num', 'SN1', 'SNP']);
    expect(table.rows[0]!.values).toEqual(['201', '207', 'Not Close']);
  });

  it('keeps a named last column even when its value is empty', () => {
    const table = readCsv('x.csv', 'a,b\n1,\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rows[0]!.values).toEqual(['1', '']);
  });

  it('skips blank lines (and lines of only commas) but keeps the file line numbers of the rest', () => {
    const text = 'a,b\n\n1,2\n\n,\n3,4\n\n';
    const table = readCsv('x.csv', text);
    expect(table.rows).toEqual([
      { index: 3, values: ['1', '2'] },
      { index: 6, values: ['3', '4'] },
    ]);
  });

  it('takes the first non-blank line as the header when the file starts with a blank line', () => {
    const table = readCsv('x.csv', '\n\na,b\n1,2\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.headerIndex).toBe(3);
    expect(table.rows).toEqual([{ index: 4, values: ['1', '2'] }]);
  });

  it('counts a line break written as CR alone inside a quoted field', () => {
    const table = readCsv('x.csv', 'a,b\r"one\rtwo",1\r3,4\r');
    expect(table.rows.map((row) => row.index)).toEqual([2, 4]);
  });

  it('trims spaces around header names', () => {
    const table = readCsv('x.csv', ' time_period , la_name \n2025,Walsall\n');
    expect(table.columns).toEqual(['time_period', 'la_name']);
  });

  it('finds columns by header name whatever their order', () => {
    const first = readCsv('a.csv', 'old_la_code,la_name,new_la_code\n335,Walsall,E08000030\n');
    const second = readCsv('b.csv', 'new_la_code,old_la_code,la_name\nE08000030,335,Walsall\n');
    for (const table of [first, second]) {
      const values = table.rows[0]!.values;
      expect(cell(table, values, 'la_name')).toBe('Walsall');
      expect(cell(table, values, 'old_la_code')).toBe('335');
      expect(cell(table, values, 'new_la_code')).toBe('E08000030');
    }
  });

  it('reads an empty text as a table with no columns and no rows', () => {
    expect(readCsv('x.csv', '')).toEqual({ file: 'x.csv', columns: [], rows: [], headerIndex: 1 });
  });

  describe('refusing what would be misread', () => {
    const unclosed = (place: string) =>
      `${place}: the quoted value that starts here has no closing quote, so the rest of the file would be read into it and lost; ` +
      'close the quote (a quote inside a quoted value is written twice: "").';

    it('refuses a quote that never closes, at the line and column where it opened', () => {
      const error = thrown(() => readCsv('data/local.csv', 'a,b,c\r\n1,2,3\r\n4,"five\r\n6,7,8\r\n9,10,11\r\n'));
      expect(error.problems).toEqual([unclosed('data/local.csv, line 3, column 3')]);
    });

    it('places an unclosed quote after quoted line breaks, doubled quotes and a byte-order mark', () => {
      expect(thrown(() => readCsv('x.csv', '\uFEFF"a\nb",c\n"d')).problems).toEqual([
        unclosed('x.csv, line 3, column 1'),
      ]);
      expect(thrown(() => readCsv('x.csv', 'a,b\n"café, ""x""","')).problems).toEqual([
        unclosed('x.csv, line 2, column 15'),
      ]);
    });

    it('still reads a quote inside an unquoted value as a character', () => {
      expect(readCsv('x.csv', 'item,n\n5" screen,1\n').rows[0]!.values).toEqual(['5" screen', '1']);
    });

    it('refuses a file separated by semicolons, at its header line', () => {
      const error = thrown(() => readCsv('data/local.csv', '\n"time_period";"la_name";"n"\n2025;Walsall;17,2\n'));
      expect(error.problems).toEqual([
        'data/local.csv, line 2: the columns are separated by semicolons, not commas; save the file with commas between columns ' +
          '(Excel\'s "CSV UTF-8 (Comma delimited)" uses the "List separator" of the computer\'s region settings).',
      ]);
    });

    it('refuses a row with more cells than the header has columns, at its line: an unquoted "1,050" would shift the figures', () => {
      const error = thrown(() =>
        readCsv('data/local.csv', 'start,end,n,rate\n2024-04-01,2025-03-31,95,50.2\n2025-04-01,2026-03-31,1,050,88\n'),
      );
      expect(error.problems).toEqual([
        'data/local.csv, line 3: the row has 5 cells but the header names 4 columns, so its figures would be read in the wrong columns; a number with a thousands separator must be in quotes ("1,050") or written 1050.',
      ]);
    });

    it('reads empty cells after the last column (a trailing comma) as nothing', () => {
      expect(readCsv('x.csv', 'a,b\n1,2,,\n').rows[0]!.values).toEqual(['1', '2']);
    });

    it('reads semicolons inside the values of a comma-separated file', () => {
      const table = readCsv('x.csv', 'a,b\n"x;y",1\n');
      expect(table.columns).toEqual(['a', 'b']);
      expect(table.rows[0]!.values).toEqual(['x;y', '1']);
    });
  });

  describe('real DfE files', () => {
    it('reads the looked-after children file (BOM, la_name before new_la_code) by column name', () => {
      const path = dfe('cla_number_and_rate_per_10k_children.csv');
      const text = readFileSync(path, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff); // the trap the README describes is really there
      const table = readCsv('data/dfe/cla_number_and_rate_per_10k_children.csv', text);

      expect(table.columns[0]).toBe('time_period');
      for (const name of [
        'geographic_level',
        'old_la_code',
        'la_name',
        'new_la_code',
        'population_type',
        'population_estimate',
        'children_count',
        'rate_per_10000',
      ]) {
        expect(table.columns, name).toContain(name);
      }
      expect(columnIndex(table, 'la_name')).toBeLessThan(columnIndex(table, 'new_la_code'));

      // One row per non-empty line after the header.
      const lines = text.slice(1).split('\n');
      expect(table.rows).toHaveLength(lines.slice(1).filter((line) => line !== '').length);
      for (const row of table.rows) expect(row.values).toHaveLength(table.columns.length);

      // The quoted, comma-holding name reads as one field, on the line the file has it.
      const hereford = table.rows.find((row) => cell(table, row.values, 'la_name') === 'Herefordshire, County of');
      expect(hereford).toBeDefined();
      expect(cell(table, hereford!.values, 'old_la_code')).toBe('884');
      expect(cell(table, hereford!.values, 'new_la_code')).toBe('E06000019');
      expect(hereford!.index).toBe(lines.findIndex((line) => line.includes('"Herefordshire, County of"')) + 1);
    });

    it("reproduces Walsall's looked-after rate for 2025 from the count and population read by name", () => {
      const table = readCsv('cla.csv', readFileSync(dfe('cla_number_and_rate_per_10k_children.csv'), 'utf8'));
      const walsall = table.rows.find(
        (row) =>
          cell(table, row.values, 'time_period') === '2025' &&
          cell(table, row.values, 'old_la_code') === '335' &&
          cell(table, row.values, 'population_type') === 'Children looked after on 31 March each year',
      );
      expect(walsall).toBeDefined();
      expect(cell(table, walsall!.values, 'la_name')).toBe('Walsall');
      const count = Number(cell(table, walsall!.values, 'children_count'));
      const population = Number(cell(table, walsall!.values, 'population_estimate'));
      // CLA rates are published as whole numbers per 10,000 children.
      expect(Math.round((count / population) * 10_000)).toBe(Number(cell(table, walsall!.values, 'rate_per_10000')));
    });

    it('reads the repeat-plans file, whose columns are in a different order, to the README cross-check 17.2%', () => {
      const table = readCsv('d3.csv', readFileSync(dfe('d3_cpps_subsequent_plan_2013_to_2025.csv'), 'utf8'));
      expect(columnIndex(table, 'new_la_code')).toBeLessThan(columnIndex(table, 'la_name'));
      const row = table.rows.find(
        (r) => cell(table, r.values, 'time_period') === '2016' && cell(table, r.values, 'old_la_code') === '335',
      );
      expect(row).toBeDefined();
      expect(cell(table, row!.values, 'la_name')).toBe('Walsall');
      expect(cell(table, row!.values, 'CPP_subsequent_percent')).toBe('17.2');
      const share =
        (100 * Number(cell(table, row!.values, 'CPP_subsequent'))) / Number(cell(table, row!.values, 'CPP_start'));
      expect(share.toFixed(1)).toBe('17.2');
    });

    it('drops the unnamed last column of the 2021 neighbour file, which ends every line with a comma', () => {
      const text = readFileSync(dfe('New_Statistical_Neighbour_Groupings_April_2021.csv'), 'utf8');
      const headerLine = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
      expect(headerLine.endsWith(',')).toBe(true);
      const table = readCsv('sn.csv', text);
      expect(table.columns[0]).toBe('LA num');
      expect(table.columns).not.toContain('');
      expect(table.columns).toHaveLength(headerLine.split(',').length - 1);
      for (const row of table.rows) expect(row.values).toHaveLength(table.columns.length);
    });
  });
});
