/**
 * Impossible figures are refused, never printed: each is one sentence naming the file and the place
 * (csv line, or workbook sheet and cell), all of a stage's problems are reported together, and the
 * stage throws a ReportError (the CLI exits 2).
 *
 *   1. a percentage over 100 (numerator above denominator; a published percentage outside 0-100)
 *   2. negative counts and negative published values (published symbols stay allowed)
 *   3. a national row given twice for the same area and year
 *   4. a time_period that is not a year
 *   5. a local period that ends before it starts
 *   6. a council the report names that a national file it uses has no row for
 *   7. local figures belong to the report's council only
 *
 * Every expected sentence and number is written out by hand here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/diagnostics/report-error.js';
import {
  computeForCouncils,
  computeIndicators,
  POPULATION_FILE,
  type CouncilChoice,
} from '../../src/indicators/compute.js';
import type { IndicatorDefinition, IndicatorInputs } from '../../src/indicators/types.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import { indexNational, yearOfTimePeriod } from '../../src/indicators/national.js';
import { NEIGHBOUR_FILES } from '../../src/indicators/neighbours.js';
import { readCsv } from '../../src/tables/read-csv.js';
import type { Table, TableRow } from '../../src/tables/table.js';
import { thrown } from '../support/report-errors.js';

// ---------------------------------------------------------------------------------------------------
// Synthetic national files, laid out like DfE's: line 1 is the header, the first row is line 2.

const LEADING =
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name';

const csv = (file: string, extra: string, lines: readonly string[]): Table =>
  readCsv(file, [`${LEADING},${extra}`, ...lines].join('\n'));

const england = (year: number | string, ...values: string[]) =>
  `${year},Reporting year,National,E92000001,England,,,,,,${values.join(',')}`;
const region = (year: number | string, ...values: string[]) =>
  `${year},Reporting year,Regional,E92000001,England,R1,Testshire,,,,${values.join(',')}`;
const la = (year: number | string, code: string, ...values: string[]) =>
  `${year},Reporting year,Local authority,E92000001,England,R1,Testshire,${code},E0000${code},Council ${code},${values.join(',')}`;

const NEIGHBOURS = readCsv(
  NEIGHBOUR_FILES['2021'],
  [
    `LA num,LA Name,${Array.from({ length: 10 }, (_, i) => `SN${i + 1}`).join(',')},`,
    `900,Council 900,901,902,903,904,905,906,907,908,909,910,`,
  ].join('\n'),
);

const percent: IndicatorDefinition = {
  id: 'share',
  base: 'share',
  title: 'A share',
  shortTitle: 'Share',
  definition: 'A test percentage.',
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

const rate: IndicatorDefinition = {
  ...percent,
  id: 'rate',
  unit: 'rate',
  polarity: 'none',
  source: { ...percent.source!, denominator: 'population', published: undefined },
};

const COUNCIL = { code: '900', name: 'Council 900' };

function inputs(
  indicators: IndicatorDefinition[],
  files: Record<string, Table>,
  extra: Partial<IndicatorInputs> = {},
): IndicatorInputs {
  return {
    neighbours: { model: '2021', average: 'mean' },
    populationYearOffset: 1,
    indicators,
    national: new Map([[NEIGHBOUR_FILES['2021'], NEIGHBOURS], ...Object.entries(files)]),
    local: new Map(),
    ...extra,
  };
}

const forCouncil = (
  indicators: IndicatorDefinition[],
  files: Record<string, Table>,
  extra: Partial<IndicatorInputs> = {},
) => computeIndicators({ ...inputs(indicators, files, extra), council: COUNCIL });

/** The d3-like file: num, den and the published pct. */
const shares = (lines: readonly string[]) => csv('synthetic.csv', 'num,den,pct', lines);
const BENCHMARK = [england(2016, '100', '1000', '10.0'), region(2016, '10', '100', '10.0')]; // lines 2 and 3

/** The problems computing `share` for council 900 over these rows reports (none: an empty list). */
function problemsOf(
  lines: readonly string[],
  indicators: IndicatorDefinition[] = [percent],
  extra: Record<string, Table> = {},
): readonly string[] {
  try {
    forCouncil(indicators, { 'synthetic.csv': shares(lines), ...extra });
    return [];
  } catch (error) {
    if (error instanceof ReportError) return error.problems;
    throw error;
  }
}

const OVER_100 = 'a percentage cannot be over 100, so one of the two counts is wrong.';

// ---------------------------------------------------------------------------------------------------

describe('1. a percentage over 100', () => {
  it("refuses a council's numerator above its denominator, at the numerator's line, with both counts and columns", () => {
    // 22 of 19 would print 115.8%.
    expect(problemsOf([...BENCHMARK, la(2016, '900', '22', '19', '')])).toEqual([
      `synthetic.csv, line 4: "num" is 22, more than "den" (19); ${OVER_100}`,
    ]);
  });

  it('writes counts with thousands separators: 1,848 of 100 (which would print 1,848.0%)', () => {
    expect(problemsOf([...BENCHMARK, la(2016, '900', '1848', '100', '')])).toEqual([
      `synthetic.csv, line 4: "num" is 1,848, more than "den" (100); ${OVER_100}`,
    ]);
  });

  it("checks every council in the file, not only the report's own (they are ranked and averaged)", () => {
    expect(problemsOf([...BENCHMARK, la(2016, '900', '7', '20', ''), la(2016, '901', '9', '8', '')])).toEqual([
      `synthetic.csv, line 5: "num" is 9, more than "den" (8); ${OVER_100}`,
    ]);
  });

  it('allows a numerator equal to its denominator: 20 of 20 is 100.0%', () => {
    const result = forCouncil([percent], { 'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '20', '20', '')]) });
    expect(result.indicators.share!.series.council.figures['2015-16']!.value).toBe(100);
  });

  it('lets a rate exceed its denominator: rates and ratios may be over 100', () => {
    const rateOfDen: IndicatorDefinition = {
      ...rate,
      source: { ...percent.source!, denominator: 'den', published: undefined },
    };
    const result = forCouncil([rateOfDen], {
      'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '22', '19', '')]),
    });
    // 22 per 19 children, per 10,000: 220,000 / 19 = 11,578.947... -> 11578.9
    expect(result.indicators.rate!.series.council.figures['2015-16']!.value).toBe(11578.9);
  });

  it("refuses England's counts over 100% where England's figure is computed (no published column)", () => {
    const unpublished: IndicatorDefinition = { ...percent, source: { ...percent.source!, published: undefined } };
    expect(
      problemsOf(
        [england(2016, '1010', '1000', ''), region(2016, '10', '100', ''), la(2016, '900', '7', '20', '')],
        [unpublished],
      ),
    ).toEqual([`synthetic.csv, line 2: "num" is 1,010, more than "den" (1,000); ${OVER_100}`]);
  });

  it("names the denominator's own line when it is on another row of the file (placement stability)", () => {
    const stability = csv('stability.csv', 'group,children,share', [
      england(2025, 'Three or more', '100', '10'), // line 2
      england(2025, 'Total', '1000', '100'), // line 3
      la(2025, '900', 'Three or more', '12', '120'), // line 4
      la(2025, '900', 'Total', '10', '100'), // line 5
    ]);
    const placements: IndicatorDefinition = {
      ...percent,
      id: 'placements',
      decimals: 0,
      source: {
        name: 'Test data',
        file: 'stability.csv',
        where: { group: 'Three or more' },
        numerator: 'children',
        denominator: { column: 'children', where: { group: 'Total' } },
        published: 'share',
      },
    };
    const { problems } = thrown(() => forCouncil([placements], { 'stability.csv': stability }));
    expect(problems).toEqual([
      `stability.csv, line 4: "children" is 12, more than "children" on line 5 (10); ${OVER_100}`,
    ]);
  });

  it("refuses England's and a region's published percentage outside 0 to 100, at the cell", () => {
    expect(
      problemsOf([
        england(2016, '100', '1000', '100.5'),
        region(2016, '10', '100', '-1.0'),
        la(2016, '900', '7', '20', ''),
      ]),
    ).toEqual([
      'synthetic.csv, line 3: "pct" is a published percentage, so it should be between 0 and 100, but the cell holds "-1.0".',
      'synthetic.csv, line 2: "pct" is a published percentage, so it should be between 0 and 100, but the cell holds "100.5".',
    ]);
  });

  it('takes published percentages of exactly 0 and 100 as they are', () => {
    const result = forCouncil([percent], {
      'synthetic.csv': shares([
        england(2016, '0', '1000', '0'),
        region(2016, '100', '100', '100'),
        la(2016, '900', '7', '20', ''),
      ]),
    });
    expect(result.indicators.share!.series.england.figures['2015-16']!.value).toBe(0);
    expect(result.indicators.share!.series.region.figures['2015-16']!.value).toBe(100);
  });

  describe("in the council's own workbook", () => {
    const sheet = (rows: TableRow[]): Table => ({
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
    const own = (indicator: IndicatorDefinition, table: Table) =>
      forCouncil(
        [indicator],
        { 'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '7', '20', '')]) },
        { local: new Map([['walsall-local', table]]) },
      );

    it("refuses a row whose numerator is above its denominator, at the numerator's cell", () => {
      // 300 of 259 would print 115.8%.
      const table = sheet([
        { index: 2, values: ['2016-04-01', '2016-08-31', 22, 259] },
        { index: 3, values: ['2016-09-01', '2016-09-30', 300, 259] },
      ]);
      const { problems } = thrown(() => own({ ...percent, local }, table));
      expect(problems).toEqual([
        `data/walsall-local.xlsx, sheet 'Repeat plans', cell C3: "Second or subsequent" is 300, more than "Plans started" (259); ${OVER_100}`,
      ]);
    });

    it('lets a local rate exceed its denominator', () => {
      const table = sheet([{ index: 2, values: ['2016-04-01', '2016-08-31', 300, 259] }]);
      const result = own({ ...percent, unit: 'rate', per: 1000, local }, table).indicators.share!;
      // 300 per 259, per 1,000: 300,000 / 259 = 1,158.30... -> 1158.3
      expect(result.series.council.figures['2016-04-01/2016-08-31']!.value).toBe(1158.3);
    });
  });
});

describe('2. negative counts and negative published values', () => {
  it('refuses a negative numerator or denominator at its cell, with every problem reported together', () => {
    expect(problemsOf([...BENCHMARK, la(2016, '900', '-3', '20', ''), la(2016, '901', '3', '-20', '')])).toEqual([
      'synthetic.csv, line 4: "num" should be a whole number of 0 or more but the cell holds "-3".',
      'synthetic.csv, line 5: "den" should be a whole number of 0 or more but the cell holds "-20".',
    ]);
  });

  it('refuses a count that is not whole (it would otherwise stop the run with no place named)', () => {
    expect(problemsOf([...BENCHMARK, la(2016, '900', '12.5', '20', '')])).toEqual([
      'synthetic.csv, line 4: "num" should be a whole number of 0 or more but the cell holds "12.5".',
    ]);
  });

  it('refuses a negative population estimate at its line in the population file', () => {
    const population = csv('population.csv', 'age_group,population_estimate', [
      la(2015, '900', 'Children aged 0 to 17 years', '-10000'),
    ]);
    const { problems } = thrown(() =>
      forCouncil([rate], { 'synthetic.csv': shares([la(2016, '900', '50', '', '')]), [POPULATION_FILE]: population }),
    );
    expect(problems).toEqual([
      'population.csv, line 2: "population_estimate" should be a whole number of 0 or more but the cell holds "-10000".',
    ]);
  });

  it('refuses a negative published rate, and lets a published rate be over 100', () => {
    const publishedRate: IndicatorDefinition = {
      ...rate,
      source: { ...percent.source!, denominator: 'den', published: 'pct' },
    };
    expect(
      problemsOf(
        [england(2016, '100', '1000', '-3.2'), region(2016, '10', '1', '412.5'), la(2016, '900', '7', '20', '')],
        [publishedRate],
      ),
    ).toEqual([
      'synthetic.csv, line 2: "pct" is a published figure, so it cannot be negative, but the cell holds "-3.2".',
    ]);
  });

  it('says a cell once even when several indicators read it', () => {
    const other: IndicatorDefinition = { ...percent, id: 'other' };
    expect(problemsOf([...BENCHMARK, la(2016, '900', '3', '-20', '')], [percent, other])).toEqual([
      'synthetic.csv, line 4: "den" should be a whole number of 0 or more but the cell holds "-20".',
    ]);
  });

  it('still allows every published symbol in place of a count or a published figure', () => {
    const lines = [
      england(2016, 'x', 'x', 'x'),
      region(2016, 'z', 'z', 'z'),
      la(2016, '900', 'c', '20', 'c'),
      la(2016, '901', 'u', '20', 'u'),
      la(2016, '902', 'low', '20', 'low'),
      la(2016, '903', 'k', '20', 'k'),
      la(2016, '904', ':', '20', ':'),
      la(2016, '905', '~', '20', '~'),
      la(2016, '906', '', '', ''),
    ];
    const result = forCouncil([percent], { 'synthetic.csv': shares(lines) }).indicators.share!;
    expect(result.series.council.figures['2015-16']).toMatchObject({ value: null, symbol: 'c' });
    expect(result.series.england.figures['2015-16']).toMatchObject({ value: null, symbol: 'x' });
    expect(result.series.region.figures['2015-16']).toMatchObject({ value: null, symbol: 'z' });
  });
});

describe('3. a row given twice for the same area and year', () => {
  it("refuses the second row of a council's year, naming both lines (today the later row silently won)", () => {
    // 17.2% on line 4; a stray 0.2% on line 5 would have replaced it.
    expect(problemsOf([...BENCHMARK, la(2016, '900', '43', '250', ''), la(2016, '900', '1', '500', '')])).toEqual([
      'synthetic.csv, line 5: this row repeats Council 900 (900) for time_period 2016, already given on line 4; each area must have one row a year, so remove the wrong one.',
    ]);
  });

  it("refuses England's and a region's repeated rows too", () => {
    expect(
      problemsOf([
        ...BENCHMARK,
        england(2016, '1', '1', '1'),
        region(2016, '1', '1', '1'),
        la(2016, '900', '7', '20', ''),
      ]),
    ).toEqual([
      'synthetic.csv, line 4: this row repeats England for time_period 2016, already given on line 2; each area must have one row a year, so remove the wrong one.',
      'synthetic.csv, line 5: this row repeats Testshire (R1) for time_period 2016, already given on line 3; each area must have one row a year, so remove the wrong one.',
    ]);
  });

  it("counts only the rows the indicator's filters keep: other measures of the same area and year are not repeats", () => {
    const cla = csv('cla.csv', 'population_type,children,estimate,rate', [
      england(2025, 'On 31 March', '100', '1000000', '1'), // line 2
      england(2025, 'Starting', '50', '1000000', '1'), // line 3
      la(2025, '900', 'On 31 March', '10', '10000', '10'), // line 4
      la(2025, '900', 'Starting', '5', '10000', '5'), // line 5
      la(2025, '900', 'On 31 March', '12', '10000', '12'), // line 6: a repeat
    ]);
    const claRate: IndicatorDefinition = {
      ...rate,
      id: 'cla',
      decimals: 0,
      source: {
        name: 'Test data',
        file: 'cla.csv',
        where: { population_type: 'On 31 March' },
        numerator: 'children',
        denominator: 'estimate',
        published: 'rate',
      },
    };
    const { problems } = thrown(() => forCouncil([claRate], { 'cla.csv': cla }));
    expect(problems).toEqual([
      'cla.csv, line 6: this row repeats Council 900 (900) for time_period 2025 among the rows with population_type "On 31 March", already given on line 4; each area must have one row a year, so remove the wrong one.',
    ]);
  });

  it('throws by itself when indexing a file without a problem list', () => {
    const { problems } = thrown(() =>
      indexNational(shares([la(2016, '900', '1', '2', ''), la(2016, '900', '1', '2', '')])),
    );
    expect(problems).toEqual([
      'synthetic.csv, line 3: this row repeats Council 900 (900) for time_period 2016, already given on line 2; each area must have one row a year, so remove the wrong one.',
    ]);
  });
});

describe('4. a time_period that is not a year', () => {
  it('refuses "20x5" at its cell instead of dropping the row', () => {
    expect(problemsOf([...BENCHMARK, la('20x5', '900', '7', '20', '')])).toEqual([
      'synthetic.csv, line 4: "time_period" should be a year such as 2025, or two years such as 201516 for 2015-16, but the cell holds "20x5".',
    ]);
  });

  it('refuses the other forms DfE never writes in time_period: "2015-16", "201517", "16", empty', () => {
    const lines = [
      ...BENCHMARK,
      la('2015-16', '900', '7', '20', ''),
      la('201517', '900', '7', '20', ''),
      la('16', '900', '7', '20', ''),
      la('', '900', '7', '20', ''),
    ];
    const sentence = (line: number, text: string) =>
      `synthetic.csv, line ${line}: "time_period" should be a year such as 2025, or two years such as 201516 for 2015-16, but the cell holds "${text}".`;
    expect(problemsOf(lines)).toEqual([
      sentence(4, '2015-16'),
      sentence(5, '201517'),
      sentence(6, '16'),
      sentence(7, ''),
    ]);
  });

  it('reads a year (2025) and a pair of years (201516, the year ending March 2016)', () => {
    expect(yearOfTimePeriod('2025')).toBe(2025);
    expect(yearOfTimePeriod('201516')).toBe(2016);
    expect(yearOfTimePeriod('199900')).toBe(2000);
    expect(yearOfTimePeriod('20x5')).toBeUndefined();
    expect(yearOfTimePeriod('201517')).toBeUndefined();
    expect(yearOfTimePeriod('2015-16')).toBeUndefined();
    expect(yearOfTimePeriod('0225')).toBeUndefined();
  });

  it('files a 201516 row under 2015-16, and refuses 201516 beside 2016 as the same year given twice', () => {
    const result = forCouncil([percent], {
      'synthetic.csv': shares([
        england(201516, '100', '1000', '10.0'),
        region(201516, '10', '100', '10.0'),
        la(201516, '900', '7', '20', ''),
      ]),
    }).indicators.share!;
    expect(result.periods.map((p) => p.key)).toEqual(['2015-16']);
    expect(result.series.council.figures['2015-16']!.value).toBe(35); // 7 of 20
    expect(problemsOf([...BENCHMARK, la(2016, '900', '7', '20', ''), la(201516, '900', '7', '20', '')])).toEqual([
      'synthetic.csv, line 5: this row repeats Council 900 (900) for time_period 201516, already given on line 4; each area must have one row a year, so remove the wrong one.',
    ]);
  });
});

describe('5. a local period that ends before it starts', () => {
  const sheet = (rows: TableRow[]): Table => ({
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
  const own = (table: Table) =>
    forCouncil(
      [{ ...percent, local }],
      { 'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '7', '20', '')]) },
      { local: new Map([['walsall-local', table]]) },
    );

  it('refuses it at the end cell, naming both dates', () => {
    const { problems } = thrown(() =>
      own(
        sheet([
          { index: 2, values: ['2016-04-01', '2016-08-31', 22, 259] },
          { index: 3, values: [new Date(Date.UTC(2016, 8, 30)), '01/09/2016', 3, 30] },
        ]),
      ),
    );
    expect(problems).toEqual([
      `data/walsall-local.xlsx, sheet 'Repeat plans', cell B3: "Period end" is 2016-09-01, before "Period start" (2016-09-30); a period cannot end before it starts.`,
    ]);
  });

  it('allows a period of one day', () => {
    const result = own(sheet([{ index: 2, values: ['2016-09-01', '2016-09-01', 1, 4] }])).indicators.share!;
    expect(result.series.council.figures['2016-09-01/2016-09-01']!.value).toBe(25); // 1 of 4
  });
});

describe('6. a council the report names that a national file has no row for', () => {
  const other = (lines: readonly string[]) => csv('other.csv', 'num,den,pct', lines);
  const otherShare: IndicatorDefinition = {
    ...percent,
    id: 'other',
    source: { ...percent.source!, file: 'other.csv' },
  };
  const sentence = (file: string, code: string, name: string) =>
    `${file}: there are no rows for ${name} (${code}), so none of its figures from this file can be shown; check the council's code, and that this is the complete national file.`;

  it("is a problem naming the file, even though another file has the council (today every year said 'not available')", () => {
    const files = {
      'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '7', '20', '')]),
      'other.csv': other([...BENCHMARK, la(2016, '901', '7', '20', '')]),
    };
    const { problems } = thrown(() => forCouncil([percent, otherShare], files));
    expect(problems).toEqual([sentence('other.csv', '900', 'Council 900')]);
  });

  it("counts only the rows the indicator's filters keep", () => {
    const filtered: IndicatorDefinition = {
      ...otherShare,
      source: { ...otherShare.source!, where: { time_identifier: 'Financial year' } },
    };
    const files = {
      'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '7', '20', '')]),
      'other.csv': other([...BENCHMARK, la(2016, '900', '7', '20', '')]),
    };
    const { problems } = thrown(() => forCouncil([percent, filtered], files));
    expect(problems).toEqual([sentence('other.csv', '900', 'Council 900')]);
  });

  it('names the population file when a rate has no population row for the council', () => {
    const population = csv('population.csv', 'age_group,population_estimate', [
      la(2015, '901', 'Children aged 0 to 17 years', '10000'),
    ]);
    const { problems } = thrown(() =>
      forCouncil([rate], { 'synthetic.csv': shares([la(2016, '900', '50', '', '')]), [POPULATION_FILE]: population }),
    );
    expect(problems).toEqual([sentence('population.csv', '900', 'Council 900')]);
  });

  it('applies to every council asked for by code, named as the data names it', () => {
    const files = {
      'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '7', '20', '')]),
      'other.csv': other([...BENCHMARK, la(2016, '900', '7', '20', ''), la(2016, '901', '7', '20', '')]),
    };
    const { problems } = thrown(() =>
      computeForCouncils(inputs([percent, otherShare], files), [COUNCIL, { code: '901' }]),
    );
    expect(problems).toEqual([sentence('synthetic.csv', '901', 'Council 901')]);
  });

  it('does not apply to councils merely listed by "all"', () => {
    const files = {
      'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '7', '20', '')]),
      'other.csv': other([...BENCHMARK, la(2016, '901', '7', '20', '')]),
    };
    const sets = computeForCouncils(inputs([percent, otherShare], files), 'all');
    expect(sets.map((set) => set.comparators.council.code)).toEqual(['900', '901']);
    expect(sets[0]!.indicators.other!.series.council.figures['2015-16']).toMatchObject({ value: null, symbol: 'x' });
  });
});

describe("7. local figures belong to the report's council only", () => {
  const sheet: Table = {
    file: 'data/walsall-local.xlsx',
    sheet: 'Repeat plans',
    columns: ['Period start', 'Period end', 'Second or subsequent', 'Plans started'],
    headerIndex: 1,
    rows: [{ index: 2, values: ['2016-04-01', '2016-08-31', 22, 259] }],
  };
  const local = {
    source: 'walsall-local',
    from: 'Period start',
    to: 'Period end',
    numerator: 'Second or subsequent',
    denominator: 'Plans started',
    measure: 'flow' as const,
  };
  const files = {
    'synthetic.csv': shares([...BENCHMARK, la(2016, '900', '7', '20', ''), la(2016, '901', '9', '20', '')]),
  };
  const PART = '2016-04-01/2016-08-31';
  const run = (localCouncil: string | undefined, councils: CouncilChoice[]) =>
    computeForCouncils(
      inputs([{ ...percent, local }], files, { local: new Map([['walsall-local', sheet]]), localCouncil }),
      councils,
    );

  it("gives the workbook's rows to the local council and not to another council listed beside it", () => {
    const [own, beside] = run('900', [COUNCIL, { code: '901' }]).map((set) => set.indicators.share!);
    expect(own!.periods.map((p) => p.key)).toEqual(['2015-16', PART]);
    expect(own!.series.council.figures[PART]).toMatchObject({ value: 8.5, numerator: 22, denominator: 259 }); // 22 of 259 = 8.49... -> 8.5
    expect(beside!.periods.map((p) => p.key)).toEqual(['2015-16']);
    expect(beside!.series.council.figures[PART]).toBeUndefined();
    expect(beside!.series.council.figures['2015-16']!.value).toBe(45); // 901's own: 9 of 20
  });

  it('gives them to no council when the inputs do not say whose they are', () => {
    const sets = run(undefined, [COUNCIL, { code: '901' }]);
    for (const set of sets) expect(set.indicators.share!.series.council.figures[PART]).toBeUndefined();
  });

  it("computeIndicators makes them its council's own", () => {
    const result = forCouncil([{ ...percent, local }], files, { local: new Map([['walsall-local', sheet]]) }).indicators
      .share!;
    expect(result.series.council.figures[PART]!.value).toBe(8.5);
  });

  it("on the real files: Walsall's April to August 2016 figure is not listed under Derby (831)", () => {
    const d3File = builtInLibrary().cpp_subsequent_percent!.source.file;
    const real = new Map([
      [
        NEIGHBOUR_FILES['2021'],
        readCsv(`data/dfe/${NEIGHBOUR_FILES['2021']}`, readFileSync(`data/dfe/${NEIGHBOUR_FILES['2021']}`, 'utf8')),
      ],
      [d3File, readCsv(`data/dfe/${d3File}`, readFileSync(`data/dfe/${d3File}`, 'utf8'))],
    ]);
    const repeat: IndicatorDefinition = {
      id: 'repeat_plans',
      base: 'cpp_subsequent_percent',
      ...builtInLibrary().cpp_subsequent_percent!,
      from: 2016,
      to: 2016,
      local,
    };
    const sets = computeForCouncils(
      {
        neighbours: { model: '2021', average: 'mean' },
        populationYearOffset: 1,
        indicators: [repeat],
        national: real,
        local: new Map([['walsall-local', sheet]]),
        localCouncil: '335',
      },
      [{ code: '335', name: 'Walsall' }, { code: '831' }],
    );
    const [walsall, derby] = sets.map((set) => set.indicators.repeat_plans!);
    expect(walsall!.periods.map((p) => p.label)).toEqual(['2015-16', 'April to August 2016']);
    expect(walsall!.series.council.figures['2015-16']!.value).toBe(17.2);
    expect(sets[1]!.comparators.council).toEqual({ code: '831', name: 'Derby' });
    expect(derby!.periods.map((p) => p.label)).toEqual(['2015-16']);
    expect(derby!.series.council.figures[PART]).toBeUndefined();
  });
});

describe('the real DfE files pass every check', () => {
  const library = builtInLibrary();
  const indicators: IndicatorDefinition[] = Object.entries(library).map(([id, entry]) => ({ ...entry, id, base: id }));
  const files = [...new Set([NEIGHBOUR_FILES['2021'], POPULATION_FILE, ...indicators.map((i) => i.source!.file)])];
  const national = new Map(
    files.map((file) => [file, readCsv(`data/dfe/${file}`, readFileSync(`data/dfe/${file}`, 'utf8'))]),
  );
  const real = (choice: readonly CouncilChoice[] | 'all') =>
    computeForCouncils(
      {
        neighbours: { model: '2021', average: 'mean' },
        populationYearOffset: 1,
        indicators,
        national,
        local: new Map(),
      },
      choice,
    );

  it('the whole library, for every council in the files: no problem', () => {
    expect(real('all').length).toBe(158);
  });

  it('the whole library for Walsall, asked for by code: no problem', () => {
    expect(
      real([{ code: '335', name: 'Walsall' }])[0]!.indicators.cla_rate!.series.council.figures['2024-25']!.value,
    ).not.toBeNull();
  });

  it('Bournemouth (837), abolished in 2019, asked for by code: files that start after it ended (looked-after, 2021 on) are not missing it', () => {
    const [bournemouth] = real([{ code: '837' }]);
    const cla = bournemouth!.indicators.cla_rate!;
    // No year of the looked-after file is one Bournemouth existed in: every figure is "not available".
    expect(
      Object.values(cla.series.council.figures).every((figure) => figure.value === null && figure.symbol === 'x'),
    ).toBe(true);
    expect(bournemouth!.indicators.cpp_subsequent_percent!.series.council.figures['2018-19']!.value).not.toBeNull();
  });
});
