/**
 * The council's own figures: custom indicators declared by structure, monthly rows reported as a
 * financial year to date or rolling 12 months, and disclosure control in a public report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeForCouncils, computeIndicators } from '../../src/indicators/compute.js';
import type { IndicatorDefinition, IndicatorInputs } from '../../src/indicators/types.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import { NEIGHBOUR_FILES } from '../../src/indicators/neighbours.js';
import { readCsv } from '../../src/tables/read-csv.js';
import type { Table } from '../../src/tables/table.js';
import { monthlyCounts, visitsIndicator } from '../support/monthly.js';
import { thrown } from '../support/report-errors.js';

const neighbours = readCsv(
  `data/dfe/${NEIGHBOUR_FILES['2021']}`,
  readFileSync(`data/dfe/${NEIGHBOUR_FILES['2021']}`, 'utf8'),
);
const d3File = 'd3_cpps_subsequent_plan_2013_to_2025.csv';
const d3 = readCsv(`data/dfe/${d3File}`, readFileSync(`data/dfe/${d3File}`, 'utf8'));

/** A workbook sheet of monthly counts: April 2016 onwards, one row a month. */
function months(counts: readonly [number, number][]): Table {
  return monthlyCounts(counts, { year: 2016, month: 3 }); // April = 3
}

const visits = visitsIndicator;

function compute(indicators: IndicatorDefinition[], local: Table, extra: Partial<IndicatorInputs> = {}) {
  return computeIndicators({
    council: { code: '335', name: 'Walsall' },
    neighbours: { model: '2021', average: 'mean' },
    populationYearOffset: 1,
    indicators,
    national: new Map([
      [NEIGHBOUR_FILES['2021'], neighbours],
      [d3File, d3],
    ]),
    local: new Map([['monthly', local]]),
    ...extra,
  });
}

describe('a custom indicator from monthly rows', () => {
  const table = months([
    [90, 100],
    [45, 50],
    [80, 100],
  ]);

  it('computes each month from its counts, with no national comparators', () => {
    const result = compute([visits()], table).indicators.visits!;
    expect(result.periods.map((p) => p.label)).toEqual(['April 2016', 'May 2016', 'June 2016']);
    expect(result.periods.map((p) => result.series.council.figures[p.key]?.value)).toEqual([90, 90, 80]);
    expect(result.series.england.figures['2016-04-01/2016-04-30']).toBeUndefined();
    expect(result.sourceName).toBe("Walsall's own records");
  });

  it('reports each financial year to date, summing the counts (never averaging percentages)', () => {
    const result = compute([visits({ local: { ...visits().local!, aggregate: 'fytd' } })], table).indicators.visits!;
    expect(result.periods.map((p) => p.label)).toEqual(['April 2016', 'April to May 2016', 'April to June 2016']);
    // (90 + 45) / (100 + 50) = 90.0; (90 + 45 + 80) / 250 = 86.0
    expect(result.periods.map((p) => result.series.council.figures[p.key]?.value)).toEqual([90, 90, 86]);
    expect(result.series.council.figures[result.periods[2]!.key]).toMatchObject({ numerator: 215, denominator: 250 });
  });

  it('refuses to add up a snapshot measure, naming the file', () => {
    const snapshot = visits({ local: { ...visits().local!, aggregate: 'rolling12', measure: 'snapshot' } });
    const { problems } = thrown(() => compute([snapshot], table));
    expect(problems[0]).toMatch(/^local\.xlsx: the monthly figures cannot be added up: A snapshot measure/);
  });

  it('refuses to add up rows that are not calendar months, naming each row', () => {
    const quarter: Table = {
      ...table,
      rows: [
        { index: 2, values: [new Date(Date.UTC(2016, 3, 1)), new Date(Date.UTC(2016, 5, 30)), 200, 250] },
        { index: 3, values: [new Date(Date.UTC(2016, 6, 1)), new Date(Date.UTC(2016, 6, 31)), 80, 100] },
        { index: 4, values: [new Date(Date.UTC(2016, 7, 2)), new Date(Date.UTC(2016, 7, 31)), 80, 100] },
      ],
    };
    const { problems } = thrown(() => compute([visits({ local: { ...visits().local!, aggregate: 'fytd' } })], quarter));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^local\.xlsx, sheet 'Monthly', cell \w2: the row from 2016-04-01 to 2016-06-30 is not one whole calendar month/,
    );
    expect(problems[1]).toContain('cell ');
    expect(problems[1]).toContain('the row from 2016-08-02 to 2016-08-31');
  });

  it('counts need no denominator, and rates use their own "per"', () => {
    const count = visits({
      id: 'visits_count',
      unit: 'count',
      decimals: 0,
      local: { ...visits().local!, denominator: undefined },
    });
    const rate = visits({ id: 'visits_rate', unit: 'rate', per: 1000, decimals: 1 });
    const set = compute([count, rate], table);
    expect(set.indicators.visits_count!.series.council.figures['2016-04-01/2016-04-30']).toMatchObject({
      value: 90,
      numerator: 90,
    });
    expect(set.indicators.visits_rate!.series.council.figures['2016-05-01/2016-05-31']!.value).toBe(900); // 45 per 50 -> 900 per 1,000
  });
});

describe('disclosure control in a public report', () => {
  const table = months([
    [3, 100],
    [45, 50],
    [0, 4],
  ]);

  it('withholds a figure made from a count of 1 to 5, and the count, but never makes it 0', () => {
    const result = compute([visits()], table, { suppression: { threshold: 5 } }).indicators.visits!;
    const [april, may, june] = result.periods.map((p) => result.series.council.figures[p.key]!);
    expect(april).toMatchObject({ value: null, symbol: 'c', denominator: 100 });
    expect(april!.numerator).toBeUndefined();
    expect(may).toMatchObject({ value: 90, numerator: 45, denominator: 50 });
    expect(june).toMatchObject({ value: null, symbol: 'c' }); // 0 of 4: the denominator is disclosive
  });

  it('shows everything in a report that is not public', () => {
    const result = compute([visits()], table).indicators.visits!;
    expect(result.series.council.figures[result.periods[0]!.key]).toMatchObject({ value: 3, numerator: 3 });
  });
});

describe('councils that were reorganised', () => {
  it('never join two bodies into one series: Northamptonshire stops, its successors start with their own codes', () => {
    const sets = computeForCouncils(
      {
        neighbours: { model: '2021', average: 'mean' },
        populationYearOffset: 1,
        indicators: [{ ...builtInLibrary().cpp_subsequent_percent!, id: 'repeat', base: 'cpp_subsequent_percent' }],
        national: new Map([
          [NEIGHBOUR_FILES['2021'], neighbours],
          [d3File, d3],
        ]),
        local: new Map(),
      },
      [{ code: '928' }, { code: '940' }],
    );
    const [old, north] = sets.map((set) => set.indicators.repeat!.series.council.figures);
    expect(old!['2020-21']!.value).toBe(22.8);
    expect(old!['2021-22']).toMatchObject({ value: null, symbol: 'x' });
    expect(north!['2020-21']).toMatchObject({ value: null, symbol: 'x' });
    expect(north!['2021-22']!.value).toBe(27.4);
  });
});
