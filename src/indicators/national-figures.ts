/**
 * One library indicator over a DfE file: the figure of every council, every region and England for
 * every year in the file. Councils' figures are computed from their counts; England's and regions'
 * are taken as published where the file publishes them (their counts are rounded to the nearest 10).
 *
 * Series are keyed by the council's code, never its name, and a code is never carried across a
 * reorganisation: a council that stopped (Northamptonshire, 928) simply has no figure ("x") for later
 * years, and its successors start with their own codes.
 *
 * Impossible figures are problems named at their cell, never printed: a negative or fractional count,
 * a percentage's numerator above its denominator, a published value below 0 (or a published
 * percentage above 100).
 */
import type { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import { placeOf, type Table, type TableRow } from '../tables/table.js';
import { requireColumn } from '../tables/read-table.js';
import { readCountOrSymbol, readFigure, textOf, type Reading } from '../tables/values.js';
import { NOT_AVAILABLE, ratio, type CouncilFigure, type Figure } from './figures.js';
import type { LibraryIndicator } from './library.js';
import type { Unit } from './units.js';
import { indexNational, type Level, type NationalIndex } from './national.js';

export interface NationalFigures {
  readonly years: readonly number[];
  /** Every council in the file, by code. */
  readonly councils: ReadonlyMap<
    string,
    { readonly name: string; readonly region: { readonly code: string; readonly name: string } }
  >;
  council(code: string, year: number): Figure;
  region(code: string, year: number): Figure;
  england(year: number): Figure;
  /** Every council's figure for a year, those withheld left out: what ranks are taken among. */
  councilValues(year: number): readonly number[];
  /** The same, with each council's code and name. */
  councilFigures(year: number): readonly CouncilFigure[];
  /** The years the council has a row in the indicator's file. */
  yearsOf(code: string): readonly number[];
  /**
   * The files (as shown to users) the indicator reads that have no row at all for this council, among
   * those covering any of the years given (a council abolished before a file starts is not missing).
   */
  lacking(code: string, during?: readonly number[]): readonly string[];
}

/** For an indicator with no national source (a custom one): no council, region or England figures. */
export const NO_NATIONAL_FIGURES: NationalFigures = {
  years: [],
  councils: new Map(),
  council: () => NOT_AVAILABLE,
  region: () => NOT_AVAILABLE,
  england: () => NOT_AVAILABLE,
  councilValues: () => [],
  councilFigures: () => [],
  yearsOf: () => [],
  lacking: () => [],
};

export interface NationalTables {
  readonly table: (file: string) => Table;
  /** The ONS population index, for rates per 10,000 children. */
  readonly population?: NationalIndex;
  /** The year ending March N uses the mid-(N - offset) population estimate. */
  readonly populationYearOffset: number;
  readonly problems: ProblemList;
}

/** What national figures are computed for: an indicator's unit and where its counts are. */
type NationalIndicator = Unit & Pick<LibraryIndicator, 'source'>;

/**
 * Several indicators read the same file (five come from the assessment factors file): index it once.
 * The problems found while indexing are kept with the index and given to every stage that uses it.
 */
const indexes = new WeakMap<
  Table,
  Map<string, { index: NationalIndex; problems: readonly string[]; reportedTo: WeakSet<ProblemList> }>
>();

function indexedOnce(table: Table, where: Readonly<Record<string, string>>, problems: ProblemList): NationalIndex {
  let byWhere = indexes.get(table);
  if (!byWhere) indexes.set(table, (byWhere = new Map()));
  const key = JSON.stringify(where);
  let entry = byWhere.get(key);
  if (!entry) {
    const found: string[] = [];
    const index = indexNational(table, where, { add: (problem) => found.push(problem) });
    byWhere.set(key, (entry = { index, problems: found, reportedTo: new WeakSet() }));
  }
  if (!entry.reportedTo.has(problems)) {
    entry.reportedTo.add(problems);
    for (const problem of entry.problems) problems.add(problem);
  }
  return entry.index;
}

interface Denominator {
  readonly reading: Reading | undefined;
  readonly column: string;
  /** Set when the denominator is on another row of the file than the numerator. */
  readonly otherRow?: Place;
}

export function computeNationalFigures(indicator: NationalIndicator, tables: NationalTables): NationalFigures {
  const { source } = indicator;
  const { problems } = tables;
  const table = tables.table(source.file);
  const index = indexedOnce(table, source.where, problems);
  const denominatorIndex =
    typeof source.denominator === 'object' ? indexedOnce(table, source.denominator.where, problems) : undefined;
  const numeratorColumn = requireColumn(table, source.numerator);
  const denominatorColumn =
    typeof source.denominator === 'object'
      ? requireColumn(table, source.denominator.column)
      : source.denominator === 'population'
        ? undefined
        : requireColumn(table, source.denominator);
  const publishedColumn = source.published === undefined ? undefined : requireColumn(table, source.published);
  const count = (row: TableRow, column: number) => readCountOrSymbol(table, row, column, problems);
  const percent = indicator.unit === 'percent';

  const denominatorOf = (row: TableRow, level: Level, code: string, year: number): Denominator => {
    if (denominatorIndex) {
      const other = denominatorIndex.find(level, code, year);
      const column = table.columns[denominatorColumn!]!;
      return other
        ? {
            reading: count(other, denominatorColumn!),
            column,
            otherRow: placeOf(table, other.index, denominatorColumn!),
          }
        : { reading: { symbol: 'x' }, column };
    }
    if (denominatorColumn !== undefined)
      return { reading: count(row, denominatorColumn), column: table.columns[denominatorColumn]! };
    const population = tables.population;
    const populationRow = population?.find(level, code, year - tables.populationYearOffset);
    if (!population || !populationRow) return { reading: { symbol: 'x' }, column: 'population_estimate' };
    const column = requireColumn(population.table, 'population_estimate');
    return {
      reading: readCountOrSymbol(population.table, populationRow, column, problems),
      column: 'population_estimate',
      otherRow: placeOf(population.table, populationRow.index, column),
    };
  };

  const fromCounts = (level: Level, code: string, year: number): Figure => {
    const row = index.find(level, code, year);
    if (!row) return NOT_AVAILABLE;
    const place = placeOf(table, row.index, numeratorColumn);
    const numerator = count(row, numeratorColumn);
    const denominator = denominatorOf(row, level, code, year);
    const whole = denominator.reading;
    // A part above its whole: a percentage over 100 (rates and ratios may exceed 100; percentages cannot).
    if (percent && numerator && 'value' in numerator && whole && 'value' in whole && numerator.value > whole.value) {
      problems.add(
        message.partOverWhole(
          place,
          table.columns[numeratorColumn]!,
          numerator.value,
          denominator.column,
          whole.value,
          denominator.otherRow,
        ),
      );
    }
    return ratio(indicator, numerator, whole, place);
  };

  const asPublished = (level: Level, code: string, year: number): Figure => {
    if (publishedColumn === undefined) return fromCounts(level, code, year);
    const row = index.find(level, code, year);
    if (!row) return NOT_AVAILABLE;
    const source = placeOf(table, row.index, publishedColumn);
    const reading = readFigure(table, row, publishedColumn, problems);
    if (reading && 'value' in reading && (reading.value < 0 || (percent && reading.value > 100))) {
      problems.add(
        message.publishedOutOfRange(
          source,
          table.columns[publishedColumn]!,
          textOf(row.values[publishedColumn] ?? null).trim(),
          percent,
        ),
      );
      return { ...NOT_AVAILABLE, source };
    }
    if (!reading) return { ...NOT_AVAILABLE, source };
    return 'symbol' in reading ? { value: null, symbol: reading.symbol, source } : { value: reading.value, source };
  };

  const councils = new Map(
    index.councils.map((code) => [code, { name: index.nameOf(code) ?? code, region: index.regionOf(code)! }] as const),
  );
  // Every figure is computed once, up front: reports and the indicator table look them up many times.
  const years = index.years;
  const byYear = (make: (year: number) => Figure) => years.map(make);
  const councilFigures = new Map(
    [...councils.keys()].map((code) => [code, byYear((year) => fromCounts('Local authority', code, year))]),
  );
  const regionCodes = new Set([...councils.values()].map((council) => council.region.code));
  const regionFigures = new Map(
    [...regionCodes].map((code) => [code, byYear((year) => asPublished('Regional', code, year))]),
  );
  const englandFigures = byYear((year) => asPublished('National', 'E92000001', year));
  const named = years.map((_, i) =>
    [...councilFigures].flatMap(([code, figures]) => {
      const value = figures[i]!.value;
      return value === null ? [] : [{ code, name: councils.get(code)!.name, value }];
    }),
  );
  const values = named.map((list) => list.map((entry) => entry.value));
  const at = (figures: readonly Figure[] | undefined, year: number) => figures?.[years.indexOf(year)] ?? NOT_AVAILABLE;
  const population = source.denominator === 'population' ? tables.population : undefined;
  const indexesRead = [index, denominatorIndex, population].filter((i): i is NationalIndex => i !== undefined);

  return {
    years,
    councils,
    council: (code, year) => at(councilFigures.get(code), year),
    councilValues: (year) => values[years.indexOf(year)] ?? [],
    councilFigures: (year) => named[years.indexOf(year)] ?? [],
    region: (code, year) => at(regionFigures.get(code), year),
    england: (year) => at(englandFigures, year),
    yearsOf: (code) => years.filter((year) => index.find('Local authority', code, year) !== undefined),
    lacking: (code, during) => {
      const covers = (i: NationalIndex) =>
        during === undefined ||
        during.length === 0 ||
        i.years.length === 0 ||
        i.years.some((year) => year >= Math.min(...during) - 1 && year <= Math.max(...during));
      return [
        ...new Set(indexesRead.filter((i) => i.nameOf(code) === undefined && covers(i)).map((i) => i.table.file)),
      ];
    },
  };
}
