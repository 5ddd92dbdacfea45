/**
 * The flat indicator rows `scrutiny indicators` prints: one per indicator, area and period, with the
 * comparators, rank, quartile and judgement against England; as RFC 4180 csv for Excel, or an aligned
 * table for the terminal with the symbols it shows explained under it.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment, IndicatorResult, IndicatorSet } from '../../src/indicators/types.js';
import { indicatorRows, ROW_COLUMNS, rowsToCsv, rowsToTable, type IndicatorRow } from '../../src/indicators/rows.js';
import { SYMBOL_MEANINGS } from '../../src/tables/values.js';
import { parseCsv, REQUIRED_COLUMNS as REQUIRED } from '../support/csv-text.js';
import { PART, repeatPlans, s47Rate, series } from '../support/indicator-results.js';

// Walsall's repeat plans with the figures' places, a suppressed year and the part year from the local workbook.
const repeat: IndicatorResult = {
  ...repeatPlans,
  series: {
    ...repeatPlans.series,
    council: series('Walsall', {
      '2012-13': { value: 10.4, numerator: 37, denominator: 355, source: { file: 'data/dfe/d3.csv', line: 2051 } },
      '2013-14': { value: 13.8, numerator: 63, denominator: 455 },
      '2014-15': { value: null, symbol: 'c', source: { file: 'data/dfe/d3.csv', line: 1723 } },
      // 2015-16 has no figure at all
      [PART.key]: {
        value: 8.5,
        numerator: 22,
        denominator: 259,
        source: { file: 'data/local.xlsx', sheet: 'Repeat plans', cell: 'D2' },
      },
    }),
  },
  assessments: {
    '2012-13': {
      rank: { position: 25, outOf: 145, quartile: 'A' },
      england: 'better',
      region: 'better',
      neighbours: 'better',
    },
    '2013-14': {
      rank: { position: 66, outOf: 149, quartile: 'B' },
      england: 'similar',
      region: 'worse',
      change: { from: '2012-13', difference: 3.4, percent: 32.7, direction: 'up', judgement: 'worse' },
    },
    [PART.key]: { change: { from: '2013-14', difference: -5.3, percent: -38.4, direction: 'down' } },
  } satisfies Record<string, Assessment>,
};

const s47: IndicatorResult = {
  ...s47Rate,
  similarWithin: "within 5% of the comparator's figure",
  tolerance: { amount: 5, kind: 'percent' },
  assessments: {
    '2015-16': { england: 'lower' },
    '2016-17': { england: 'similar', change: { from: '2015-16', difference: 3.1, percent: 2.1, direction: 'up' } },
  },
};

const walsall: IndicatorSet = {
  comparators: {
    council: { code: '335', name: 'Walsall' },
    region: { code: 'E12000005', name: 'West Midlands' },
    neighbours: { model: '2021', average: 'mean', areas: [] },
    others: [],
  },
  indicators: { repeat_plans: repeat, s47_rate: s47 },
};

const herefordshire: IndicatorSet = {
  comparators: {
    council: { code: '884', name: 'Herefordshire, County of' },
    region: { code: 'E12000005', name: 'West Midlands' },
    neighbours: { model: '2021', average: 'median', areas: [] },
    others: [],
  },
  indicators: { s47_rate: s47 },
};

const rows = indicatorRows([walsall]);
const row = (indicator: string, period: string) => {
  const found = rows.find((r) => r.indicator === indicator && r.period === period);
  expect(found, `${indicator} ${period}`).toBeDefined();
  return found!;
};

describe('indicatorRows', () => {
  it("one row per indicator and period, in the periods' order, labelled not keyed", () => {
    expect(rows.map((r) => `${r.indicator} ${r.period}`)).toEqual([
      'repeat_plans 2012-13',
      'repeat_plans 2013-14',
      'repeat_plans 2014-15',
      'repeat_plans 2015-16',
      'repeat_plans April to August 2016',
      's47_rate 2015-16',
      's47_rate 2016-17',
    ]);
  });

  it("several areas: each area's rows with its own code and name", () => {
    const both = indicatorRows([walsall, herefordshire]);
    expect(both).toHaveLength(9);
    expect(both.slice(7).map((r) => [r.area_code, r.area_name, r.indicator, r.period])).toEqual([
      ['884', 'Herefordshire, County of', 's47_rate', '2015-16'],
      ['884', 'Herefordshire, County of', 's47_rate', '2016-17'],
    ]);
    expect(indicatorRows([])).toEqual([]);
  });

  it('a figure: its value and counts, the comparators, rank, quartile and judgement against England', () => {
    expect(row('repeat_plans', '2012-13')).toEqual({
      indicator: 'repeat_plans',
      area_code: '335',
      area_name: 'Walsall',
      period: '2012-13',
      value: 10.4,
      symbol: '',
      numerator: 37,
      denominator: 355,
      england: 14.9,
      region_name: 'West Midlands',
      region: 15.0,
      neighbours: 15.0,
      rank: 25,
      out_of: 145,
      quartile: 'A',
      judgement: 'better',
      similar_within: 'within 1 percentage point',
      change: null,
      source: 'data/dfe/d3.csv, line 2051',
    } satisfies IndicatorRow);
  });

  it("judgement is the verdict against England, not the region's", () => {
    expect(row('repeat_plans', '2013-14')).toMatchObject({
      judgement: 'similar',
      rank: 66,
      out_of: 149,
      quartile: 'B',
      change: 3.4,
    });
  });

  it('a suppressed figure: no value or counts, its symbol, no rank, quartile or judgement', () => {
    expect(row('repeat_plans', '2014-15')).toMatchObject({
      value: null,
      symbol: 'c',
      numerator: null,
      denominator: null,
      england: 16.6,
      region: null,
      neighbours: 16.0,
      rank: null,
      out_of: null,
      quartile: '',
      judgement: '',
      change: null,
      source: 'data/dfe/d3.csv, line 1723',
    });
  });

  it('no figure at all: x (not available) and no source', () => {
    expect(row('repeat_plans', '2015-16')).toMatchObject({
      value: null,
      symbol: 'x',
      numerator: null,
      denominator: null,
      england: 17.9,
      rank: null,
      judgement: '',
      source: '',
    });
  });

  it('the part year from the local workbook: its cell as the source, its change, no comparators', () => {
    expect(row('repeat_plans', 'April to August 2016')).toMatchObject({
      value: 8.5,
      symbol: '',
      numerator: 22,
      denominator: 259,
      england: null,
      region: null,
      neighbours: null,
      rank: null,
      quartile: '',
      judgement: '',
      change: -5.3,
      source: 'data/local.xlsx, Repeat plans, D2',
    });
  });

  it('an indicator without polarity: higher / lower / similar, never a rank or quartile', () => {
    expect(row('s47_rate', '2015-16')).toMatchObject({
      value: 145,
      numerator: 1885,
      denominator: 130000,
      england: 157.4,
      region: null,
      rank: null,
      quartile: '',
      judgement: 'lower',
    });
    expect(row('s47_rate', '2016-17')).toMatchObject({
      value: 148.1,
      symbol: '',
      judgement: 'similar',
      change: 3.1,
      similar_within: "within 5% of the comparator's figure",
    });
  });

  it('a value of 0 is a value, not a missing one', () => {
    const zero: IndicatorSet = {
      ...walsall,
      indicators: {
        s47_rate: {
          ...s47,
          series: {
            ...s47.series,
            council: series('Walsall', { '2015-16': { value: 0, numerator: 0, denominator: 130000 } }),
          },
        },
      },
    };
    expect(indicatorRows([zero])[0]).toMatchObject({ value: 0, symbol: '', numerator: 0 });
    expect(rowsToCsv(indicatorRows([zero])).split('\n')[1]).toMatch(
      /^s47_rate,335,Walsall,2015-16,0,,0,130000,157\.4,/,
    );
  });
});

describe('rowsToCsv', () => {
  it('the header row is exactly ROW_COLUMNS, which includes every column the issue asks for', () => {
    const csv = rowsToCsv(rows);
    expect(csv.split('\n')[0]).toBe(ROW_COLUMNS.join(','));
    expect(ROW_COLUMNS).toEqual(expect.arrayContaining(REQUIRED));
    expect(csv.split('\n')[0]).toBe(
      'indicator,area_code,area_name,period,value,symbol,numerator,denominator,england,region_name,region,neighbours,rank,out_of,quartile,judgement,similar_within,change,source',
    );
  });

  it('one line per row, ending with a newline; empty cells for missing numbers', () => {
    const lines = rowsToCsv(rows).split('\n');
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe(
      'repeat_plans,335,Walsall,2012-13,10.4,,37,355,14.9,West Midlands,15,15,25,145,A,better,within 1 percentage point,,"data/dfe/d3.csv, line 2051"',
    );
    expect(lines[3]).toBe(
      'repeat_plans,335,Walsall,2014-15,,c,,,16.6,West Midlands,,16,,,,,within 1 percentage point,,"data/dfe/d3.csv, line 1723"',
    );
    expect(lines[4]).toBe(
      'repeat_plans,335,Walsall,2015-16,,x,,,17.9,West Midlands,18.5,16.5,,,,,within 1 percentage point,,',
    );
  });

  it('only a header for no rows', () => {
    expect(rowsToCsv([])).toBe(`${ROW_COLUMNS.join(',')}\n`);
  });

  it('quotes a cell with a comma: "Herefordshire, County of"', () => {
    const csv = rowsToCsv(indicatorRows([herefordshire]));
    expect(csv.split('\n')[1]).toMatch(/^s47_rate,884,"Herefordshire, County of",2015-16,145,/);
    expect(parseCsv(csv)[1]![2]).toBe('Herefordshire, County of');
  });

  it('doubles quotes inside a quoted cell, and quotes cells holding a newline or carriage return', () => {
    const base = rows[0]!;
    const awkward: IndicatorRow[] = [
      { ...base, area_name: 'The "Best" Council' },
      { ...base, area_name: 'Line one\nline two' },
      { ...base, area_name: 'Carriage\rreturn' },
      { ...base, area_name: 'Plain name' },
    ];
    const csv = rowsToCsv(awkward);
    expect(csv).toContain(',"The ""Best"" Council",');
    expect(csv).toContain(',"Line one\nline two",');
    expect(csv).toContain(',"Carriage\rreturn",');
    expect(csv).toContain(',Plain name,');
    const records = parseCsv(csv);
    expect(records).toHaveLength(5);
    expect(records.slice(1).map((record) => record[2])).toEqual([
      'The "Best" Council',
      'Line one\nline two',
      'Carriage\rreturn',
      'Plain name',
    ]);
  });

  it('every record parses back to as many fields as the header, with the same values', () => {
    const all = indicatorRows([walsall, herefordshire]);
    const records = parseCsv(rowsToCsv(all));
    expect(records[0]).toEqual([...ROW_COLUMNS]);
    expect(records).toHaveLength(all.length + 1);
    records.slice(1).forEach((record, i) => {
      expect(record).toHaveLength(ROW_COLUMNS.length);
      expect(record).toEqual(ROW_COLUMNS.map((column) => (all[i]![column] === null ? '' : String(all[i]![column]))));
    });
  });
});

describe('rowsToTable', () => {
  const COLUMNS = [
    'indicator',
    'area_name',
    'period',
    'value',
    'england',
    'region',
    'neighbours',
    'rank',
    'quartile',
    'judgement',
  ];
  const RIGHT = new Set(['value', 'england', 'region', 'neighbours', 'rank']);
  const table = rowsToTable(rows);
  const lines = table.split('\n');

  /** The columns' spans, read from the rule of dashes under the header. */
  const spans = [...lines[1]!.matchAll(/-+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));

  it('a header line, then a rule of dashes under each column', () => {
    expect(lines[0]!.split(/\s{2,}/)).toEqual(COLUMNS);
    expect(spans).toHaveLength(COLUMNS.length);
    COLUMNS.forEach((column, i) => expect(lines[0]!.slice(spans[i]!.start, spans[i]!.end).trim()).toBe(column));
  });

  it('aligns every cell in its column: numbers to the right, text to the left', () => {
    const body = lines.slice(2, 2 + rows.length);
    body.forEach((line, r) => {
      const padded = line.padEnd(lines[1]!.length);
      COLUMNS.forEach((column, i) => {
        const { start, end } = spans[i]!;
        const cell = padded.slice(start, end);
        const value = rows[r]![column as keyof IndicatorRow];
        const shown = column === 'value' && value === null ? rows[r]!.symbol : String(value ?? '');
        expect(cell.trim(), `row ${r} ${column}`).toBe(shown);
        if (shown !== '')
          expect(RIGHT.has(column) ? cell.endsWith(shown) : cell.startsWith(shown), `row ${r} ${column} aligned`).toBe(
            true,
          );
      });
      expect(line).toBe(line.trimEnd());
    });
  });

  it('shows the symbol in place of a missing value', () => {
    const suppressed = lines.find((line) => line.includes('2014-15') && line.startsWith('repeat_plans'))!;
    expect(suppressed.slice(spans[3]!.start, spans[3]!.end).trim()).toBe('c');
    const missing = lines.find((line) => line.includes('2015-16') && line.startsWith('repeat_plans'))!;
    expect(missing.slice(spans[3]!.start, spans[3]!.end).trim()).toBe('x');
  });

  it('explains under the table the symbols it shows, and only those', () => {
    expect(lines.slice(2 + rows.length)).toEqual(['', `c: ${SYMBOL_MEANINGS.c}`, `x: ${SYMBOL_MEANINGS.x}`, '']);
    expect(table).toContain('c: suppressed');
    for (const symbol of ['z', 'u', 'low', 'k', ':', '~']) expect(table).not.toContain(`\n${symbol}: `);
  });

  it('no legend when no figure is missing', () => {
    const complete = rows.filter((r) => r.value !== null);
    const text = rowsToTable(complete);
    expect(text.split('\n')).toHaveLength(2 + complete.length + 1);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/^[a-z:~]+: /m);
  });

  it('one symbol only: only its meaning', () => {
    const text = rowsToTable(rows.filter((r) => r.symbol !== 'x'));
    expect(text).toContain(`\nc: ${SYMBOL_MEANINGS.c}\n`);
    expect(text).not.toContain('\nx: ');
  });
});
