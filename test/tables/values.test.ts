import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/diagnostics/report-error.js';
import { isSymbol, readCount, readDate, readFigure, symbolLegend, SYMBOLS, textOf } from '../../src/tables/values.js';
import type { RawValue, Table, TableRow } from '../../src/tables/table.js';
import { problemsOf } from '../support/report-errors.js';

// A csv table: places are "file, line N". Column 1 is "CPP_subsequent_percent".
const csv: Table = {
  file: 'data/dfe/d3_cpps_subsequent_plan_2013_to_2025.csv',
  columns: ['la_name', 'CPP_subsequent_percent'],
  rows: [],
  headerIndex: 1,
};
const csvRow = (value: RawValue, line = 12): TableRow => ({ index: line, values: ['Walsall', value] });

// A worksheet table: places are "file, sheet 'S', cell C7". Column 2 (letter C) is "Plans starting".
const sheet: Table = {
  file: 'data/walsall-local.xlsx',
  sheet: 'Repeat plans',
  columns: ['Period start', 'Period end', 'Plans starting'],
  rows: [],
  headerIndex: 1,
};
const sheetRow = (value: RawValue, row = 7): TableRow => ({ index: row, values: [null, null, value] });
// Column 0 (letter A) is "Period start".
const dateRow = (value: RawValue, row = 7): TableRow => ({ index: row, values: [value, null, null] });

type Reader<T> = (table: Table, row: TableRow, column: number, problems: ProblemList) => T;

/** Runs a reader and returns what it gave and the problems it reported. */
function run<T>(read: Reader<T>, table: Table, row: TableRow, column: number) {
  const problems = new ProblemList();
  const result = read(table, row, column, problems);
  return { result, problems: problemsOf(problems) };
}

/** Runs a reader that must refuse the value: it gives nothing, and the one problem it reports is returned. */
function refusal<T>(read: Reader<T>, table: Table, row: TableRow, column: number): string {
  const { result, problems } = run(read, table, row, column);
  expect(result).toBeUndefined();
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('values', () => {
  describe('readFigure', () => {
    it.each([
      [17.2, 17.2],
      [0, 0],
      ['17.2', 17.2],
      [' 17.2 ', 17.2],
      ['0', 0],
      ['-3', -3],
      ['1,234', 1234],
      ['12,183,016', 12183016],
      ['49,420.5', 49420.5],
    ] as const)('reads %j as the number %d', (raw, expected) => {
      const { result, problems } = run(readFigure, csv, csvRow(raw), 1);
      expect(result).toEqual({ value: expected });
      expect(problems).toEqual([]);
    });

    it.each(['c', 'x', 'z', 'u', 'low', 'k', ':', '~'])(
      'reads the DfE symbol %j as that symbol, never as a number',
      (symbol) => {
        const { result, problems } = run(readFigure, csv, csvRow(symbol), 1);
        expect(result).toEqual({ symbol });
        expect(problems).toEqual([]);
      },
    );

    it('knows exactly the eight DfE symbols', () => {
      expect([...SYMBOLS].sort()).toEqual(['c', 'x', 'z', 'u', 'low', 'k', ':', '~'].sort());
      expect(isSymbol('c')).toBe(true);
      expect(isSymbol('0')).toBe(false);
      expect(isSymbol('n/a')).toBe(false);
    });

    it('reads symbols written in capitals or with spaces around them', () => {
      expect(run(readFigure, csv, csvRow('C'), 1).result).toEqual({ symbol: 'c' });
      expect(run(readFigure, csv, csvRow('LOW'), 1).result).toEqual({ symbol: 'low' });
      expect(run(readFigure, csv, csvRow(' x '), 1).result).toEqual({ symbol: 'x' });
    });

    it.each([
      ['empty text', ''],
      ['spaces', '   '],
      ['an empty workbook cell', null],
    ] as const)('reads %s as "x" (not available), not zero', (_, raw) => {
      const { result, problems } = run(readFigure, csv, csvRow(raw), 1);
      expect(result).toEqual({ symbol: 'x' });
      expect(problems).toEqual([]);
    });

    it('reads a cell past the end of a short row as "x"', () => {
      const { result, problems } = run(readFigure, csv, { index: 3, values: ['Walsall'] }, 1);
      expect(result).toEqual({ symbol: 'x' });
      expect(problems).toEqual([]);
    });

    it('reports text in a csv cell with the file, the line, the column and the text', () => {
      const problem = refusal(readFigure, csv, csvRow('abc', 12), 1);
      expect(problem).toMatch(/^data\/dfe\/d3_cpps_subsequent_plan_2013_to_2025\.csv, line 12: /);
      expect(problem).toContain('"CPP_subsequent_percent"');
      expect(problem).toContain('"abc"');
      expect(problem).not.toMatch(/cell [A-Z]+\d/);
    });

    it('reports text in a worksheet cell with the file, the sheet and the cell reference', () => {
      const problem = refusal(readFigure, sheet, sheetRow('abc', 7), 2);
      expect(problem).toMatch(/^data\/walsall-local\.xlsx, sheet 'Repeat plans', cell C7: /);
      expect(problem).toContain('"Plans starting"');
      expect(problem).toContain('"abc"');
      expect(problem).not.toMatch(/line \d/);
    });

    it.each(['17.2%', '1,23', '1.234,5', '.5', '1e3', 'twelve'])('does not guess at %j: it is a problem', (raw) => {
      const problem = refusal(readFigure, csv, csvRow(raw), 1);
      expect(problem).toContain(`"${raw}"`);
    });

    it('reports a formula error with its cell and the error', () => {
      const problem = refusal(readFigure, sheet, sheetRow({ error: '#DIV/0!' }, 4), 2);
      expect(problem).toContain("sheet 'Repeat plans', cell C4");
      expect(problem).toContain('#DIV/0!');
    });

    it('does not take a non-finite number as a figure', () => {
      refusal(readFigure, sheet, sheetRow(Number.NaN), 2);
    });
  });

  describe('readCount', () => {
    it.each([
      [259, 259],
      [0, 0],
      ['22', 22],
      ['1,234', 1234],
      [' 541 ', 541],
    ] as const)('reads %j as the count %d', (raw, expected) => {
      const { result, problems } = run(readCount, sheet, sheetRow(raw), 2);
      expect(result).toBe(expected);
      expect(problems).toEqual([]);
    });

    it('rejects text, naming the cell, the column and the text', () => {
      const problem = refusal(readCount, sheet, sheetRow('about 20', 9), 2);
      expect(problem).toMatch(/^data\/walsall-local\.xlsx, sheet 'Repeat plans', cell C9: /);
      expect(problem).toContain('"Plans starting"');
      expect(problem).toContain('"about 20"');
    });

    it('rejects a DfE symbol: a council counts its own cases', () => {
      const problem = refusal(readCount, sheet, sheetRow('c'), 2);
      expect(problem).toContain('"c"');
    });

    it.each([
      ['an empty workbook cell', null],
      ['empty text', ''],
      ['spaces', '  '],
    ] as const)('rejects %s as empty, naming the cell and the column', (_, raw) => {
      const problem = refusal(readCount, sheet, sheetRow(raw, 5), 2);
      expect(problem).toContain("sheet 'Repeat plans', cell C5");
      expect(problem).toContain('"Plans starting"');
      expect(problem).toContain('empty');
    });

    it.each([
      ['a negative number', -3, '-3'],
      ['negative text', '-3', '-3'],
      ['a fraction', 2.5, '2.5'],
      ['fractional text', '22.5', '22.5'],
    ] as const)('rejects %s, quoting the value', (_, raw, shown) => {
      const problem = refusal(readCount, sheet, sheetRow(raw, 6), 2);
      expect(problem).toContain("sheet 'Repeat plans', cell C6");
      expect(problem).toContain(`"${shown}"`);
    });

    it('names the line, not a cell, for a csv file', () => {
      const { problems } = run(readCount, csv, csvRow('n/a', 30), 1);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^data\/dfe\/d3_cpps_subsequent_plan_2013_to_2025\.csv, line 30: /);
    });

    it('reports a formula error as such', () => {
      const problem = refusal(readCount, sheet, sheetRow({ error: '#REF!' }, 8), 2);
      expect(problem).toContain('cell C8');
      expect(problem).toContain('#REF!');
    });

    it('adds one problem per bad cell, so a stage can report them all together', () => {
      const problems = new ProblemList();
      readCount(sheet, sheetRow('x', 2), 2, problems);
      readCount(sheet, sheetRow(null, 3), 2, problems);
      readCount(sheet, sheetRow(259, 4), 2, problems);
      readCount(sheet, sheetRow(-1, 5), 2, problems);
      const found = problemsOf(problems);
      expect(found).toHaveLength(3);
      expect(found.map((p) => /cell (C\d+)/.exec(p)?.[1])).toEqual(['C2', 'C3', 'C5']);
    });
  });

  describe('readDate', () => {
    it.each([
      ['2016-04-01', '2016-04-01'],
      ['01/04/2016', '2016-04-01'], // British order: 1 April, not 4 January
      ['1/4/2016', '2016-04-01'],
      ['31/08/2016', '2016-08-31'],
      [' 2016-08-31 ', '2016-08-31'],
      ['29/02/2016', '2016-02-29'], // 2016 was a leap year
    ])('reads %j as %s', (raw, expected) => {
      const { result, problems } = run(readDate, sheet, dateRow(raw), 0);
      expect(result).toBe(expected);
      expect(problems).toEqual([]);
    });

    it('reads a date cell (a UTC calendar date, as the workbook reader gives it)', () => {
      const { result, problems } = run(readDate, sheet, dateRow(new Date(Date.UTC(2016, 3, 1))), 0);
      expect(result).toBe('2016-04-01');
      expect(problems).toEqual([]);
    });

    it.each(['31/02/2016', '29/02/2015', '2016-02-30', '2016-13-01', '13/13/2016', '00/04/2016'])(
      'rejects the impossible date %j',
      (raw) => {
        const problem = refusal(readDate, sheet, dateRow(raw, 3), 0);
        expect(problem).toContain("sheet 'Repeat plans', cell A3");
        expect(problem).toContain('"Period start"');
        expect(problem).toContain(`"${raw}"`);
      },
    );

    it.each(['April 2016', '2016/04/01', '1 April 2016', '42461'])(
      'rejects %j, which is not written in a supported form',
      (raw) => {
        const problem = refusal(readDate, sheet, dateRow(raw), 0);
        expect(problem).toContain(`"${raw}"`);
      },
    );

    it('reports an empty date cell as empty', () => {
      const problem = refusal(readDate, sheet, dateRow(null, 11), 0);
      expect(problem).toContain('cell A11');
      expect(problem).toContain('empty');
    });
  });

  describe('textOf', () => {
    it('shows every raw value as text', () => {
      expect(textOf(null)).toBe('');
      expect(textOf('Walsall')).toBe('Walsall');
      expect(textOf(17.2)).toBe('17.2');
      expect(textOf(true)).toBe('true');
      expect(textOf(new Date(Date.UTC(2016, 9, 11)))).toBe('2016-10-11');
      expect(textOf({ error: '#N/A' })).toBe('#N/A');
    });
  });
});

describe('symbolLegend', () => {
  it('explains each symbol shown once, sorted, and nothing for numbers or ordinary words', () => {
    const legend = symbolLegend(['12.5', 'x', 'c', 'x', '1,885', 'low', 'note', '']);
    expect(legend.map((line) => line.split(':')[0])).toEqual(['c', 'low', 'x']);
    expect(legend[0]).toBe('c: suppressed to protect confidentiality');
  });

  it('knows the older forms ":" and "~", which are not letters', () => {
    expect(symbolLegend(['~', ':'])).toEqual(['":": not available', '"~": rounds to zero but is not zero']);
  });
});
