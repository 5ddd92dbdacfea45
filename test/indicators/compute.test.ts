/**
 * computeIndicators against the real DfE files in data/dfe (published cross-checks from
 * data/dfe/README.md and the Walsall scrutiny paper), and against small synthetic tables for the rules
 * the real data cannot exercise on demand (suppression, population offset, part-year local figures).
 *
 * Expected neighbour averages are worked out here independently, from the csv columns by name, with
 * plain bigint arithmetic (half up on the exact value), never with the code under test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeIndicators, POPULATION_FILE } from '../../src/indicators/compute.js';
import type { IndicatorDefinition, IndicatorInputs } from '../../src/indicators/types.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import { NEIGHBOUR_FILES } from '../../src/indicators/neighbours.js';
import { percentage } from '../../src/indicators/round.js';
import { ReportError } from '../../src/diagnostics/report-error.js';
import { readCsv } from '../../src/tables/read-csv.js';
import type { Table, TableRow } from '../../src/tables/table.js';
import { cell, halfUp, onlyRow, percentTenths, rowsWhere } from '../support/table-lookup.js';

// ---------------------------------------------------------------------------------------------------
// Independent helpers: look-ups by column name and exact half-up arithmetic are in
// ../support/table-lookup.ts.

const tenths = (value: bigint) => Number(value) / 10;

// ---------------------------------------------------------------------------------------------------
// The real files.

const library = builtInLibrary();
const D3 = library.cpp_subsequent_percent!.source.file;
const D5 = library.cpp_rate!.source.file;
const files = [NEIGHBOUR_FILES['2021'], NEIGHBOUR_FILES['2025'], POPULATION_FILE, D3, D5];
const national = new Map(
  files.map((file) => [file, readCsv(`data/dfe/${file}`, readFileSync(`data/dfe/${file}`, 'utf8'))]),
);
const d3 = national.get(D3)!;
const sn2021 = national.get(NEIGHBOUR_FILES['2021'])!;

const WALSALL = { code: '335', name: 'Walsall' };
const YEARS = [2013, 2014, 2015, 2016];
const LABELS = ['2012-13', '2013-14', '2014-15', '2015-16'];

const repeatPlans = (extra: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  id: 'repeat_plans',
  base: 'cpp_subsequent_percent',
  ...library.cpp_subsequent_percent!,
  from: 2013,
  to: 2016,
  ...extra,
});

const cppRate: IndicatorDefinition = { id: 'cpp_rate', base: 'cpp_rate', ...library.cpp_rate! };

function walsall(overrides: Partial<IndicatorInputs> = {}) {
  return computeIndicators({
    council: WALSALL,
    neighbours: { model: '2021', average: 'mean' },
    populationYearOffset: 1,
    indicators: [repeatPlans(), cppRate],
    national,
    local: new Map(),
    ...overrides,
  });
}

/** Walsall's neighbours in the April 2021 model, read straight from SN1..SN10. */
function walsallNeighbours(): string[] {
  const row = onlyRow(sn2021, { 'LA num': '335' });
  return Array.from({ length: 10 }, (_, i) => cell(sn2021, row, `SN${i + 1}`));
}

/** A council's own second-or-subsequent-plan figure in tenths, from its counts; undefined when withheld. */
function ownFigure(code: string, year: number): bigint | undefined {
  const rows = rowsWhere(d3, { time_period: String(year), geographic_level: 'Local authority', old_la_code: code });
  if (rows.length !== 1) return undefined;
  const numerator = cell(d3, rows[0]!, 'CPP_subsequent');
  const denominator = cell(d3, rows[0]!, 'CPP_start');
  if (!/^\d+$/.test(numerator) || !/^\d+$/.test(denominator) || Number(denominator) === 0) return undefined;
  return percentTenths(Number(numerator), Number(denominator));
}

describe('computeIndicators on the real DfE files: Walsall, second or subsequent plans', () => {
  const set = walsall();
  const result = set.indicators.repeat_plans!;

  it('covers the financial years 2012-13 to 2015-16, in order', () => {
    expect(result.periods.map((p) => p.label)).toEqual(LABELS);
    expect(result.periods.every((p) => p.whole)).toBe(true);
  });

  it("reproduces Walsall's published figures: 10.4, 13.8, 13.3, 17.2", () => {
    expect(LABELS.map((key) => result.series.council.figures[key]?.value)).toEqual([10.4, 13.8, 13.3, 17.2]);
  });

  it("reproduces England's published figures: 14.9, 15.8, 16.6, 17.9", () => {
    expect(LABELS.map((key) => result.series.england.figures[key]?.value)).toEqual([14.9, 15.8, 16.6, 17.9]);
  });

  it("keeps Walsall's counts from the file (2012-13: 37 of 355) and where they came from", () => {
    const figure = result.series.council.figures['2012-13']!;
    const row = onlyRow(d3, { time_period: '2013', geographic_level: 'Local authority', old_la_code: '335' });
    expect(figure.numerator).toBe(37);
    expect(figure.denominator).toBe(355);
    expect(figure.source).toEqual({ file: `data/dfe/${D3}`, line: row.index });
  });

  it('names the council and places it in the West Midlands', () => {
    expect(set.comparators.council).toEqual(WALSALL);
    expect(set.comparators.region.name).toBe('West Midlands');
    expect(result.series.region.name).toBe('West Midlands');
    expect(result.series.council.name).toBe('Walsall');
    expect(result.series.england.name).toBe('England');
  });

  it("takes the region's figures as published in the regional rows", () => {
    for (const [i, year] of YEARS.entries()) {
      const row = onlyRow(d3, {
        time_period: String(year),
        geographic_level: 'Regional',
        region_name: 'West Midlands',
      });
      expect(result.series.region.figures[LABELS[i]!]?.value).toBe(Number(cell(d3, row, 'CPP_subsequent_percent')));
    }
  });

  it('lists the ten neighbours of the April 2021 model, closest first, by code and name', () => {
    const codes = walsallNeighbours();
    expect(codes).toHaveLength(10);
    expect(set.comparators.neighbours.model).toBe('2021');
    expect(set.comparators.neighbours.average).toBe('mean');
    expect(set.comparators.neighbours.areas.map((a) => a.code)).toEqual(codes);
    expect(set.comparators.neighbours.areas[0]).toEqual({ code: '831', name: 'Derby' });
    for (const area of set.comparators.neighbours.areas) expect(area.name).not.toMatch(/^\d+$/);
  });

  it("gives the neighbours' mean as the mean of their own figures, rounded half up to 1 dp", () => {
    const codes = walsallNeighbours();
    for (const [i, year] of YEARS.entries()) {
      const figures = codes.map((code) => ownFigure(code, year)).filter((f): f is bigint => f !== undefined);
      const expected = halfUp(
        figures.reduce((a, b) => a + b, 0n),
        BigInt(figures.length),
      );
      const figure = result.series.neighbours.figures[LABELS[i]!]!;
      expect(figure.value, LABELS[i]).toBe(tenths(expected));
      expect(figure.count, LABELS[i]).toBe(figures.length);
    }
    expect(result.series.neighbours.name).toBe('Statistical neighbours (mean)');
  });

  it("gives the neighbours' median when asked: the mean of the middle two of ten, half up", () => {
    const median = walsall({ neighbours: { model: '2021', average: 'median' } });
    const codes = walsallNeighbours();
    for (const [i, year] of YEARS.entries()) {
      const figures = codes
        .map((code) => ownFigure(code, year))
        .filter((f): f is bigint => f !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const middle = Math.floor(figures.length / 2);
      const expected =
        figures.length % 2 === 1 ? figures[middle]! : halfUp(figures[middle - 1]! + figures[middle]!, 2n);
      expect(median.indicators.repeat_plans!.series.neighbours.figures[LABELS[i]!]?.value, LABELS[i]).toBe(
        tenths(expected),
      );
    }
    expect(median.comparators.neighbours.average).toBe('median');
    expect(median.indicators.repeat_plans!.series.neighbours.name).toBe('Statistical neighbours (median)');
  });

  it('mean and median differ somewhere, so the choice is not silently ignored', () => {
    const median = walsall({ neighbours: { model: '2021', average: 'median' } });
    const means = LABELS.map((k) => result.series.neighbours.figures[k]?.value);
    const medians = LABELS.map((k) => median.indicators.repeat_plans!.series.neighbours.figures[k]?.value);
    expect(medians).not.toEqual(means);
  });

  it('takes its neighbours from the 2025 model when asked', () => {
    const set2025 = walsall({ neighbours: { model: '2025', average: 'mean' } });
    const table = national.get(NEIGHBOUR_FILES['2025'])!;
    const row = onlyRow(table, { old_la_code: '335' });
    const codes = Array.from({ length: 10 }, (_, i) => cell(table, row, `SN_${i + 1}`));
    expect(set2025.comparators.neighbours.areas.map((a) => a.code)).toEqual(codes);
  });
});

describe('computeIndicators on the real DfE files: child protection plan rate', () => {
  it('England 2024-25: 49,420 children on a plan per 12,183,016 children (mid-2024) -> 40.6 per 10,000', () => {
    const figure = walsall().indicators.cpp_rate!.series.england.figures['2024-25']!;
    expect(figure.value).toBe(40.6);
    expect(figure.numerator).toBe(49420);
    expect(figure.denominator).toBe(12183016);
  });

  it('uses the population year offset: with offset 0 the year ending March 2025 needs a mid-2025 estimate, which is not published', () => {
    const figure = walsall({ populationYearOffset: 0 }).indicators.cpp_rate!.series.england.figures['2024-25']!;
    expect(figure.value).toBeNull();
    expect(figure.symbol).toBe('x');
  });
});

describe('percentage rounding against DfE: every local authority row of the repeat-plans file', () => {
  it('percentage() reproduces the published CPP_subsequent_percent from the counts, as does exact half up', () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (const row of rowsWhere(d3, { geographic_level: 'Local authority' })) {
      const [numerator, denominator, published] = ['CPP_subsequent', 'CPP_start', 'CPP_subsequent_percent'].map((n) =>
        cell(d3, row, n),
      );
      if (
        !/^\d+$/.test(numerator!) ||
        !/^\d+$/.test(denominator!) ||
        !/^\d+(\.\d)?$/.test(published!) ||
        denominator === '0'
      )
        continue;
      checked++;
      const computed = percentage(Number(numerator), Number(denominator), 1);
      const exact = tenths(percentTenths(Number(numerator), Number(denominator)));
      if (computed !== Number(published) || exact !== Number(published)) {
        mismatches.push(
          `line ${row.index}: ${numerator}/${denominator} -> ${computed} (exact half up ${exact}), published ${published}`,
        );
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(mismatches).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Synthetic tables.

const LEADING =
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name';

/** A d3-like file: council 900 and neighbours 901..910 in region R1 ("Testshire"). */
function syntheticTable(lines: readonly string[]): Table {
  return readCsv('synthetic.csv', [`${LEADING},num,den,pct`, ...lines].join('\n'));
}

const la = (year: number, code: string, num: string, den: string, pct = '') =>
  `${year},Reporting year,Local authority,E92000001,England,R1,Testshire,${code},E0000${code},Council ${code},${num},${den},${pct}`;
const england = (year: number, num: string, den: string, pct: string) =>
  `${year},Reporting year,National,E92000001,England,"","",,"","",${num},${den},${pct}`;
const region = (year: number, num: string, den: string, pct: string) =>
  `${year},Reporting year,Regional,E92000001,England,R1,Testshire,,"","",${num},${den},${pct}`;

const NEIGHBOURS = readCsv(
  NEIGHBOUR_FILES['2021'],
  [
    `LA num,LA Name,${Array.from({ length: 10 }, (_, i) => `SN${i + 1}`).join(',')},`,
    `900,Council 900,901,902,903,904,905,906,907,908,909,910,`,
  ].join('\n'),
);

const syntheticIndicator: IndicatorDefinition = {
  id: 'synthetic',
  base: 'synthetic',
  title: 'Synthetic percentage',
  shortTitle: 'Synthetic',
  definition: 'A test indicator.',
  unit: 'percent',
  decimals: 1,
  polarity: 'low-is-good',
  source: {
    name: 'Test data',
    file: 'synthetic.csv',
    where: {},
    numerator: 'num',
    denominator: 'den',
    published: 'pct',
  },
};

function synthetic(lines: readonly string[], extra: Partial<IndicatorInputs> = {}) {
  return computeIndicators({
    council: { code: '900', name: 'Council 900' },
    neighbours: { model: '2021', average: 'mean' },
    populationYearOffset: 1,
    indicators: [syntheticIndicator],
    national: new Map([
      ['synthetic.csv', syntheticTable(lines)],
      [NEIGHBOUR_FILES['2021'], NEIGHBOURS],
    ]),
    local: new Map(),
    ...extra,
  }).indicators.synthetic!;
}

const NEIGHBOUR_ROWS_2016 = [
  la(2016, '901', '1', '8'), // 12.5
  la(2016, '902', '3', '16'), // 18.75 -> 18.8
  la(2016, '903', '1', '4'), // 25.0
  la(2016, '904', '1', '5'), // 20.0
  la(2016, '905', '1', '10'), // 10.0
  la(2016, '906', 'c', '12'), // suppressed
  la(2016, '907', '4', 'x'), // not available
  la(2016, '908', '', '9'), // empty: not available
  la(2016, '909', '0', '0'), // no plans: not applicable
  // 910 has no row at all
];

describe('computeIndicators on synthetic tables: withheld figures', () => {
  it("gives a council whose count is suppressed ('c') no value and the symbol c, never 0", () => {
    const result = synthetic([
      england(2016, '100', '1000', '10.0'),
      region(2016, '10', '100', '10.0'),
      la(2016, '900', 'c', '20'),
      ...NEIGHBOUR_ROWS_2016,
    ]);
    const figure = result.series.council.figures['2015-16']!;
    expect(figure.value).toBeNull();
    expect(figure.value).not.toBe(0);
    expect(figure.symbol).toBe('c');
  });

  it('withholds a figure whose denominator is suppressed', () => {
    const result = synthetic([
      england(2016, '100', '1000', '10.0'),
      region(2016, '10', '100', '10.0'),
      la(2016, '900', '7', 'c'),
      ...NEIGHBOUR_ROWS_2016,
    ]);
    expect(result.series.council.figures['2015-16']).toMatchObject({ value: null, symbol: 'c' });
  });

  it("withholds England's and the region's figures where DfE published a symbol or nothing", () => {
    const result = synthetic([
      england(2016, '100', '1000', 'c'),
      region(2016, '10', '100', ''),
      la(2016, '900', '7', '20'),
      ...NEIGHBOUR_ROWS_2016,
    ]);
    expect(result.series.england.figures['2015-16']).toMatchObject({ value: null, symbol: 'c' });
    expect(result.series.region.figures['2015-16']).toMatchObject({ value: null, symbol: 'x' });
  });

  it("takes England's figure as published, not recomputed from its rounded counts", () => {
    // 100 / 1000 would be 10.0; DfE published 9.8 from unrounded counts.
    const result = synthetic([
      england(2016, '100', '1000', '9.8'),
      region(2016, '10', '100', '10.0'),
      la(2016, '900', '7', '20'),
      ...NEIGHBOUR_ROWS_2016,
    ]);
    expect(result.series.england.figures['2015-16']?.value).toBe(9.8);
  });

  it('computes the council from its counts, half up: 7 of 20 -> 35.0; 1 of 8 -> 12.5', () => {
    const result = synthetic([
      england(2016, '1', '1', '1'),
      region(2016, '1', '1', '1'),
      la(2016, '900', '7', '20'),
      la(2017, '900', '1', '8'),
      ...NEIGHBOUR_ROWS_2016,
    ]);
    expect(result.series.council.figures['2015-16']?.value).toBe(35);
    expect(result.series.council.figures['2016-17']?.value).toBe(12.5);
  });

  it('averages only the neighbours with a figure and says how many: (12.5 + 18.8 + 25.0 + 20.0 + 10.0) / 5 = 17.26 -> 17.3', () => {
    const result = synthetic([
      england(2016, '1', '1', '1'),
      region(2016, '1', '1', '1'),
      la(2016, '900', '7', '20'),
      ...NEIGHBOUR_ROWS_2016,
    ]);
    expect(result.series.neighbours.figures['2015-16']).toMatchObject({ value: 17.3, count: 5 });
  });

  it('gives the median of the neighbours with a figure: 10.0, 12.5, 18.8, 20.0, 25.0 -> 18.8', () => {
    const result = synthetic(
      [england(2016, '1', '1', '1'), region(2016, '1', '1', '1'), la(2016, '900', '7', '20'), ...NEIGHBOUR_ROWS_2016],
      {
        neighbours: { model: '2021', average: 'median' },
      },
    );
    expect(result.series.neighbours.figures['2015-16']).toMatchObject({ value: 18.8, count: 5 });
  });

  it('rounds a halfway neighbour mean up: 17.2 and 17.3 -> 17.25 -> 17.3', () => {
    const result = synthetic([
      england(2016, '1', '1', '1'),
      region(2016, '1', '1', '1'),
      la(2016, '900', '7', '20'),
      la(2016, '901', '172', '1000'), // 17.2
      la(2016, '902', '173', '1000'), // 17.3
    ]);
    expect(result.series.neighbours.figures['2015-16']).toMatchObject({ value: 17.3, count: 2 });
  });

  it("withholds the neighbours' average when none of them has a figure", () => {
    const result = synthetic([
      england(2016, '1', '1', '1'),
      region(2016, '1', '1', '1'),
      la(2016, '900', '7', '20'),
      la(2016, '901', 'c', '9'),
    ]);
    const figure = result.series.neighbours.figures['2015-16']!;
    expect(figure.value).toBeNull();
    expect(figure.count).toBe(0);
  });

  it('marks a council with no plans starting (0 of 0) not applicable, not 0% or NaN', () => {
    const result = synthetic([
      england(2016, '1', '1', '1'),
      region(2016, '1', '1', '1'),
      la(2016, '900', '0', '0'),
      ...NEIGHBOUR_ROWS_2016,
    ]);
    expect(result.series.council.figures['2015-16']).toMatchObject({ value: null, symbol: 'z' });
  });

  it('stops with an error naming the file and line when a count is neither a number nor a DfE symbol', () => {
    const lines = [england(2016, '1', '1', '1'), region(2016, '1', '1', '1'), la(2016, '900', 'abc', '20')];
    const run = () => synthetic(lines);
    expect(run).toThrow(ReportError);
    expect(run).toThrow(/synthetic\.csv.*line 4.*"abc"/);
  });

  it('stops with an error when the council is not in the neighbour file', () => {
    expect(() =>
      computeIndicators({
        council: { code: '999', name: 'Nowhere' },
        neighbours: { model: '2021', average: 'mean' },
        populationYearOffset: 1,
        indicators: [syntheticIndicator],
        national: new Map([
          ['synthetic.csv', syntheticTable([la(2016, '900', '1', '2')])],
          [NEIGHBOUR_FILES['2021'], NEIGHBOURS],
        ]),
        local: new Map(),
      }),
    ).toThrow(/999/);
  });
});

describe('computeIndicators on synthetic tables: rates and the population year', () => {
  const population = readCsv(
    POPULATION_FILE,
    [
      `${LEADING},age_group,population_estimate`,
      `2015,Reporting year,Local authority,E92000001,England,R1,Testshire,900,E0000900,Council 900,Children aged 0 to 17 years,10000`,
      `2016,Reporting year,Local authority,E92000001,England,R1,Testshire,900,E0000900,Council 900,Children aged 0 to 17 years,20000`,
    ].join('\n'),
  );
  const rate: IndicatorDefinition = {
    ...syntheticIndicator,
    id: 'rate',
    unit: 'rate',
    polarity: 'none',
    source: { ...syntheticIndicator.source!, denominator: 'population', published: undefined },
  };
  const run = (offset: number) =>
    computeIndicators({
      council: { code: '900', name: 'Council 900' },
      neighbours: { model: '2021', average: 'mean' },
      populationYearOffset: offset,
      indicators: [rate],
      national: new Map([
        ['synthetic.csv', syntheticTable([la(2016, '900', '50', '')])],
        [NEIGHBOUR_FILES['2021'], NEIGHBOURS],
        [POPULATION_FILE, population],
      ]),
      local: new Map(),
    }).indicators.rate!.series.council.figures['2015-16']!;

  it('the year ending March 2016 uses the mid-2015 estimate with offset 1: 50 per 10,000 -> 50.0', () => {
    expect(run(1)).toMatchObject({ value: 50, numerator: 50, denominator: 10000 });
  });

  it('with offset 0 it uses the mid-2016 estimate: 50 per 20,000 -> 25.0', () => {
    expect(run(0)).toMatchObject({ value: 25, numerator: 50, denominator: 20000 });
  });

  it('has no figure when the population estimate for that year is missing', () => {
    expect(run(2)).toMatchObject({ value: null, symbol: 'x' });
  });
});

describe("computeIndicators: the council's own figures for part of a year", () => {
  const localTable = (rows: TableRow[]): Table => ({
    file: 'data/walsall-local.xlsx',
    sheet: 'Repeat plans',
    columns: ['Period start', 'Period end', 'Second or subsequent', 'Plans started'],
    headerIndex: 1,
    rows,
  });
  const local = {
    source: 'walsall-local',
    from: 'Period start',
    to: 'Period end',
    numerator: 'Second or subsequent',
    denominator: 'Plans started',
    measure: 'flow' as const,
  };

  const withLocal = (table: Table) =>
    walsall({
      indicators: [repeatPlans({ local })],
      local: new Map([['walsall-local', table]]),
    }).indicators.repeat_plans!;

  it('adds April to August 2016 (22 of 259 -> 8.5) after the national years', () => {
    const result = withLocal(
      localTable([{ index: 2, values: [new Date(Date.UTC(2016, 3, 1)), new Date(Date.UTC(2016, 7, 31)), 22, 259] }]),
    );
    expect(result.periods.map((p) => p.label)).toEqual([...LABELS, 'April to August 2016']);
    const part = result.periods[4]!;
    expect(part.whole).toBe(false);
    const figure = result.series.council.figures[part.key]!;
    expect(figure).toMatchObject({ value: 8.5, numerator: 22, denominator: 259 });
    expect(figure.source).toEqual({ file: 'data/walsall-local.xlsx', sheet: 'Repeat plans', cell: 'C2' });
  });

  it("records the council's year-on-year changes, judged by polarity (repeat plans: low is good)", () => {
    const result = withLocal(localTable([{ index: 2, values: ['2016-04-01', '2016-08-31', 22, 259] }]));
    expect(result.assessments['2012-13']?.change).toBeUndefined(); // nothing before the first year
    expect(result.assessments['2013-14']?.change).toMatchObject({
      from: '2012-13',
      difference: 3.4,
      direction: 'up',
      judgement: 'worse',
    });
    // Down by 0.5 points, within the 1 point taken as similar: not called better.
    expect(result.assessments['2014-15']?.change).toMatchObject({
      from: '2013-14',
      difference: -0.5,
      direction: 'down',
      judgement: 'similar',
    });
    expect(result.assessments['2015-16']?.change).toMatchObject({
      from: '2014-15',
      difference: 3.9,
      direction: 'up',
      judgement: 'worse',
    });
    // A part year is never set against a whole year: with no April to August 2015 there is no change.
    expect(result.assessments['2016-04-01/2016-08-31']).toBeDefined();
    expect(result.assessments['2016-04-01/2016-08-31']?.change).toBeUndefined();
  });

  it('sets a part year against the same part of the year before: April to August 2015, 30 of 250 (12.0%), to 2016, 22 of 259 (8.5%)', () => {
    const result = withLocal(
      localTable([
        { index: 2, values: ['2015-04-01', '2015-08-31', 30, 250] },
        { index: 3, values: ['2016-04-01', '2016-08-31', 22, 259] },
      ]),
    );
    // 8.5 - 12.0 = -3.5 points; -3.5 / 12.0 = -29.17% of the earlier figure; a fall is better (low is good).
    expect(result.assessments['2016-04-01/2016-08-31']?.change).toEqual({
      from: '2015-04-01/2015-08-31',
      difference: -3.5,
      percent: -29.2,
      direction: 'down',
      judgement: 'better',
    });
  });

  it('keeps the national years unchanged, and has no comparator figure for the part year', () => {
    const result = withLocal(localTable([{ index: 2, values: ['01/04/2016', '31/08/2016', 22, 259] }]));
    expect(LABELS.map((key) => result.series.council.figures[key]?.value)).toEqual([10.4, 13.8, 13.3, 17.2]);
    const key = result.periods[4]!.key;
    expect(result.series.council.figures[key]?.value).toBe(8.5);
    expect(result.series.england.figures[key]).toBeUndefined();
    expect(result.series.neighbours.figures[key]).toBeUndefined();
  });

  it('stops with an error naming the sheet and cell when a local count is not a whole number', () => {
    const table = localTable([{ index: 3, values: ['2016-04-01', '2016-08-31', 'twenty-two', 259] }]);
    expect(() => withLocal(table)).toThrow(ReportError);
    expect(() => withLocal(table)).toThrow(/Repeat plans.*C3/);
  });
});
