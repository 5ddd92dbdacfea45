import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_FILE_LIMIT as LIMIT } from '../../src/files/limits.js';
import { readTable, requireColumn, requireColumns, requireEach } from '../../src/tables/read-table.js';
import type { Table } from '../../src/tables/table.js';
import { rejection, thrown } from '../support/report-errors.js';
import { xlsx } from '../support/workbook.js';

const D3 = 'd3_cpps_subsequent_plan_2013_to_2025.csv';
const d3Text = () => readFileSync(join(process.cwd(), 'data', 'dfe', D3), 'utf8');
const d3Header = () => d3Text().split('\n')[0]!.split(',');

/** The header of the real repeat-plans file, as a table with no rows. */
const d3: Table = { file: `data/dfe/${D3}`, columns: d3Header(), rows: [], headerIndex: 1 };

const sheet: Table = {
  file: 'data/walsall-local.xlsx',
  sheet: 'Repeat plans',
  columns: ['Period start', 'Period end', 'Plans starting', 'Second or subsequent plans'],
  rows: [],
  headerIndex: 3,
};

const bytes = (text: string) => new TextEncoder().encode(text);

describe('read-table', () => {
  describe('requireColumns', () => {
    it('gives the index of each named column, by name, in the real file', () => {
      const header = d3Header();
      const indices = requireColumns(d3, ['CPP_start', 'CPP_subsequent', 'CPP_subsequent_percent', 'old_la_code']);
      expect(indices).toEqual({
        CPP_start: header.indexOf('CPP_start'),
        CPP_subsequent: header.indexOf('CPP_subsequent'),
        CPP_subsequent_percent: header.indexOf('CPP_subsequent_percent'),
        old_la_code: header.indexOf('old_la_code'),
      });
      for (const index of Object.values(indices)) expect(index).toBeGreaterThanOrEqual(0);
    });

    it('suggests the nearest header for a misspelt column', () => {
      const error = thrown(() => requireColumns(d3, ['CPP_subsequent_percnt']));
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toMatch(/^data\/dfe\/d3_cpps_subsequent_plan_2013_to_2025\.csv, line 1: /);
      expect(error.problems[0]).toContain('"CPP_subsequent_percnt"');
      expect(error.problems[0]).toContain('did you mean "CPP_subsequent_percent"?');
    });

    it('reports every missing column in one ReportError, each with its own suggestion', () => {
      const error = thrown(() =>
        requireColumns(d3, ['CPP_strat', 'CPP_start', 'CPP_subsequent_percnt', 'population_estimate']),
      );
      expect(error.problems).toHaveLength(3);
      expect(error.problems[0]).toContain('"CPP_strat"');
      expect(error.problems[0]).toContain('did you mean "CPP_start"?');
      expect(error.problems[1]).toContain('"CPP_subsequent_percnt"');
      expect(error.problems[1]).toContain('did you mean "CPP_subsequent_percent"?');
      // Nothing in the file is close to a population column: no guess is offered.
      expect(error.problems[2]).toContain('"population_estimate"');
      expect(error.problems[2]).not.toContain('did you mean');
      expect(error.message.split('\n')).toEqual(error.problems);
    });

    it('matches names exactly but suggests the header whose only difference is case', () => {
      const error = thrown(() => requireColumns(d3, ['cpp_start']));
      expect(error.problems[0]).toContain('did you mean "CPP_start"?');
    });

    it('places a missing column at the header row of a worksheet', () => {
      const error = thrown(() => requireColumns(sheet, ['Plans started']));
      expect(error.problems[0]).toMatch(/^data\/walsall-local\.xlsx, sheet 'Repeat plans', cell A3: /);
      expect(error.problems[0]).toContain('did you mean "Plans starting"?');
    });
  });

  describe('requireColumn and requireEach', () => {
    it('give indices in the order asked for', () => {
      expect(requireColumn(sheet, 'Plans starting')).toBe(2);
      expect(requireEach(sheet, ['Second or subsequent plans', 'Period start'])).toEqual([3, 0]);
    });

    it('report all missing columns together', () => {
      const error = thrown(() => requireEach(sheet, ['Period strat', 'Period end', 'Plans', 'Numerator']));
      expect(error.problems).toHaveLength(3);
      expect(error.problems[0]).toContain('did you mean "Period start"?');
    });
  });

  describe('readTable', () => {
    it('reads a .csv file from bytes, dropping a byte-order mark', async () => {
      const table = await readTable(
        { file: 'data/dfe/cla.csv', content: bytes('\uFEFFtime_period,la_name\n2025,"Herefordshire, County of"\n') },
        { maxBytes: LIMIT },
      );
      expect(table.columns).toEqual(['time_period', 'la_name']);
      expect(table.rows[0]!.values).toEqual(['2025', 'Herefordshire, County of']);
      expect(table.file).toBe('data/dfe/cla.csv');
    });

    it('reads the real repeat-plans file by name', async () => {
      const table = await readTable({ file: `data/dfe/${D3}`, content: bytes(d3Text()) }, { maxBytes: LIMIT });
      expect(() => requireColumns(table, ['CPP_start', 'CPP_subsequent', 'CPP_subsequent_percent'])).not.toThrow();
    });

    it('goes by the extension whatever its case', async () => {
      const table = await readTable({ file: 'EXPORT.CSV', content: bytes('a,b\n1,2\n') }, { maxBytes: LIMIT });
      expect(table.columns).toEqual(['a', 'b']);
    });

    it('reads a .xlsx file, passing the sheet name on', async () => {
      const content = await xlsx((workbook) => {
        workbook.addWorksheet('Notes').addRow(['nothing here']);
        const data = workbook.addWorksheet('Repeat plans');
        data.addRow(['Plans starting']);
        data.addRow([259]);
      });
      const table = await readTable({ file: 'local.xlsx', content }, { sheet: 'Repeat plans', maxBytes: LIMIT });
      expect(table.sheet).toBe('Repeat plans');
      expect(table.rows[0]!.values).toEqual([259]);
    });

    it.each(['data/local.xls', 'data/local.ods', 'data/figures.txt', 'data/figures'])(
      'refuses %s with a message naming the file and the formats it can read',
      async (file) => {
        const error = await rejection(readTable({ file, content: bytes('a,b\n1,2\n') }, { maxBytes: LIMIT }));
        expect(error.problems).toHaveLength(1);
        expect(error.message.startsWith(`${file}: `)).toBe(true);
        expect(error.message).toContain('.xlsx');
        expect(error.message).toContain('.csv');
      },
    );
  });
});
