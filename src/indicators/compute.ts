/**
 * Tables x indicator definitions -> figures for the council, England, its region and its statistical
 * neighbours, for every period. Pure: the tables arrive already read.
 *
 * Council figures are computed from counts (exactly rounded); England's and regions' are taken as
 * published where DfE publishes them, because their counts are rounded to the nearest 10.
 */
import { ProblemList, ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import { placeOf, type Table, type TableRow } from '../tables/table.js';
import { requireColumn, requireEach } from '../tables/read-table.js';
import { readCount, readDate, readFigure, type PublishedSymbol, type Reading } from '../tables/values.js';
import { RATE_PER, type LibraryIndicator } from './library.js';
import { indexNational, type Level, type NationalIndex } from './national.js';
import { readNeighbours, NEIGHBOUR_FILES, type NeighbourModel } from './neighbours.js';
import { byEndDate, periodBetween, reportingYear, type Period } from './periods.js';
import { meanOf, medianOf, percentage, ratePer } from './round.js';
import { difference, directionOf, judge, type Direction, type Judgement, type Polarity } from './compare.js';

export const POPULATION_FILE = 'ons_mid-year_population_estimates_2012_to_2024.csv';

export interface Figure {
  /** The figure as published or computed, rounded to the indicator's decimal places; null when withheld. */
  readonly value: number | null;
  /** Why there is no value: the DfE symbol (c suppressed, x not available, z not applicable ...). */
  readonly symbol?: PublishedSymbol;
  readonly numerator?: number;
  readonly denominator?: number;
  /** How many neighbours' figures an average was taken over. */
  readonly count?: number;
  readonly source?: Place;
}

export type SeriesName = 'council' | 'england' | 'region' | 'neighbours';

export interface Series {
  readonly name: string;
  readonly figures: Readonly<Record<string, Figure>>;
}

export interface IndicatorDefinition extends Omit<LibraryIndicator, 'source'> {
  readonly id: string;
  readonly base: string;
  readonly source: LibraryIndicator['source'];
  readonly from?: number;
  readonly to?: number;
  readonly local?: LocalFigures;
}

export interface LocalFigures {
  readonly source: string;
  readonly from: string;
  readonly to: string;
  readonly numerator: string;
  readonly denominator: string;
}

export interface IndicatorResult extends Omit<IndicatorDefinition, 'source' | 'local' | 'from' | 'to'> {
  readonly sourceName: string;
  readonly polarity: Polarity;
  readonly periods: readonly Period[];
  readonly series: Readonly<Record<SeriesName, Series>>;
  /** The council's change from the previous whole year, by period key, where both have figures. */
  readonly changes: Readonly<Record<string, Change>>;
}

export interface Change {
  /** The key of the period compared with. */
  readonly from: string;
  /** In the indicator's unit, between the figures as published. */
  readonly difference: number;
  readonly direction: Direction;
  /** Better or worse by the indicator's polarity; absent for an indicator without one. */
  readonly judgement?: Judgement;
}

export interface Comparators {
  readonly council: { readonly code: string; readonly name: string };
  readonly region: { readonly code: string; readonly name: string };
  readonly neighbours: {
    readonly model: NeighbourModel;
    readonly average: 'mean' | 'median';
    readonly areas: readonly { readonly code: string; readonly name: string }[];
  };
}

export interface IndicatorSet {
  readonly comparators: Comparators;
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
}

export interface IndicatorInputs {
  readonly council: { readonly code: string; readonly name: string };
  readonly neighbours: { readonly model: NeighbourModel; readonly average: 'mean' | 'median' };
  /** The year ending March N uses the mid-(N - offset) population estimate. */
  readonly populationYearOffset: number;
  readonly indicators: readonly IndicatorDefinition[];
  /** National tables by file name. */
  readonly national: ReadonlyMap<string, Table>;
  /** Local tables by source id. */
  readonly local: ReadonlyMap<string, Table>;
}

/** The national files (by name) an indicator set reads: its sources, the population and the neighbour model. */
export function nationalFilesNeeded(indicators: readonly IndicatorDefinition[], model: NeighbourModel): string[] {
  const files = new Set([NEIGHBOUR_FILES[model]]);
  for (const indicator of indicators) {
    files.add(indicator.source.file);
    if (indicator.source.denominator === 'population') files.add(POPULATION_FILE);
  }
  return [...files];
}

export function computeIndicators(inputs: IndicatorInputs): IndicatorSet {
  const problems = new ProblemList();
  const table = (file: string) => {
    const found = inputs.national.get(file);
    if (!found) throw new Error(`The national file ${file} was not read before computing indicators.`);
    return found;
  };
  const neighbourCodes = readNeighbours(table(NEIGHBOUR_FILES[inputs.neighbours.model]), inputs.neighbours.model, inputs.council.code);
  const needsPopulation = inputs.indicators.some((i) => i.source.denominator === 'population');
  const population = needsPopulation ? indexNational(table(POPULATION_FILE)) : undefined;

  let region: { code: string; name: string } | undefined;
  const names = new Map<string, string>();
  const indicators: Record<string, IndicatorResult> = {};

  for (const indicator of inputs.indicators) {
    const index = indexNational(table(indicator.source.file), indicator.source.where);
    region ??= index.regionOf(inputs.council.code);
    if (!index.regionOf(inputs.council.code)) throw new ReportError(message.councilNotInData(index.table.file, inputs.council.code));
    for (const code of neighbourCodes) {
      const name = index.nameOf(code);
      if (name && !names.has(code)) names.set(code, name);
    }
    const context: SourceContext = { index, population, offset: inputs.populationYearOffset, problems };
    indicators[indicator.id] = computeOne(indicator, context, inputs, neighbourCodes, region!);
  }
  problems.throwIfAny();

  return {
    comparators: {
      council: inputs.council,
      region: region ?? { code: '', name: 'Region' },
      neighbours: {
        ...inputs.neighbours,
        areas: neighbourCodes.map((code) => ({ code, name: names.get(code) ?? code })),
      },
    },
    indicators,
  };
}

interface SourceContext {
  readonly index: NationalIndex;
  readonly population: NationalIndex | undefined;
  readonly offset: number;
  readonly problems: ProblemList;
}

function computeOne(
  indicator: IndicatorDefinition,
  context: SourceContext,
  inputs: IndicatorInputs,
  neighbourCodes: readonly string[],
  region: { code: string; name: string },
): IndicatorResult {
  const years = context.index.years.filter((year) => (indicator.from ?? 0) <= year && year <= (indicator.to ?? Infinity));
  const council: Record<string, Figure> = {};
  const england: Record<string, Figure> = {};
  const regional: Record<string, Figure> = {};
  const neighbours: Record<string, Figure> = {};
  const periods: Period[] = [];

  for (const year of years) {
    const period = reportingYear(year);
    periods.push(period);
    council[period.key] = fromCounts(indicator, context, 'Local authority', inputs.council.code, year);
    england[period.key] = published(indicator, context, 'National', 'E92000001', year);
    regional[period.key] = published(indicator, context, 'Regional', region.code, year);
    neighbours[period.key] = averageOf(
      neighbourCodes.map((code) => fromCounts(indicator, context, 'Local authority', code, year)),
      inputs.neighbours.average,
      indicator.decimals,
    );
  }

  if (indicator.local) {
    const table = inputs.local.get(indicator.local.source);
    if (!table) throw new Error(`The local source ${indicator.local.source} was not read before computing indicators.`);
    for (const [period, figure] of localFigures(indicator, indicator.local, table, context.problems)) {
      if (council[period.key] === undefined) periods.push(period);
      council[period.key] = figure;
    }
    periods.sort(byEndDate);
  }

  const { source, local: _local, from: _from, to: _to, ...described } = indicator;
  return {
    ...described,
    sourceName: source.name,
    periods,
    changes: changesOf(indicator, periods, council),
    series: {
      council: { name: inputs.council.name, figures: council },
      england: { name: 'England', figures: england },
      region: { name: region.name, figures: regional },
      neighbours: { name: `Statistical neighbours (${inputs.neighbours.average})`, figures: neighbours },
    },
  };
}

/** A figure computed from the row's counts; a withheld count withholds the figure. */
function fromCounts(indicator: IndicatorDefinition, context: SourceContext, level: Level, code: string, year: number): Figure {
  const row = context.index.find(level, code, year);
  if (!row) return { value: null, symbol: 'x' };
  const table = context.index.table;
  const source = indicator.source;
  const column = requireColumn(table, source.numerator);
  const numerator = readFigure(table, row, column, context.problems);
  const denominator = denominatorOf(indicator, context, row, level, code, year);
  return ratio(indicator, numerator, denominator, placeOf(table, row.index, column));
}

function denominatorOf(indicator: IndicatorDefinition, context: SourceContext, row: TableRow, level: Level, code: string, year: number): Reading | undefined {
  const source = indicator.source;
  if (source.denominator !== 'population') {
    const table = context.index.table;
    return readFigure(table, row, requireColumn(table, source.denominator), context.problems);
  }
  const population = context.population!;
  const populationRow = population.find(level, code, year - context.offset);
  if (!populationRow) return { symbol: 'x' };
  const column = requireColumn(population.table, 'population_estimate');
  return readFigure(population.table, populationRow, column, context.problems);
}

function ratio(indicator: { unit: 'percent' | 'rate'; decimals: number }, numerator: Reading | undefined, denominator: Reading | undefined, source: Place): Figure {
  if (!numerator || !denominator) return { value: null, symbol: 'x', source };
  if ('symbol' in numerator) return { value: null, symbol: numerator.symbol, source };
  if ('symbol' in denominator) return { value: null, symbol: denominator.symbol, numerator: numerator.value, source };
  const counts = { numerator: numerator.value, denominator: denominator.value };
  if (denominator.value === 0) return { value: null, symbol: 'z', ...counts, source };
  const value =
    indicator.unit === 'percent'
      ? percentage(numerator.value, denominator.value, indicator.decimals)
      : ratePer(numerator.value, denominator.value, RATE_PER, indicator.decimals);
  return { value, ...counts, source };
}

/** England's or a region's figure as DfE published it, or computed from its counts where DfE publishes none. */
function published(indicator: IndicatorDefinition, context: SourceContext, level: Level, code: string, year: number): Figure {
  const column = indicator.source.published;
  if (column === undefined) return fromCounts(indicator, context, level, code, year);
  const row = context.index.find(level, code, year);
  if (!row) return { value: null, symbol: 'x' };
  const table = context.index.table;
  const index = requireColumn(table, column);
  const reading = readFigure(table, row, index, context.problems);
  const source = placeOf(table, row.index, index);
  if (!reading) return { value: null, symbol: 'x', source };
  return 'symbol' in reading ? { value: null, symbol: reading.symbol, source } : { value: reading.value, source };
}

/** The neighbours' mean or median over those with a figure; withheld when none has one. */
function averageOf(figures: readonly Figure[], average: 'mean' | 'median', decimals: number): Figure {
  const values = figures.flatMap((figure) => (figure.value === null ? [] : [figure.value]));
  if (values.length === 0) return { value: null, symbol: 'x', count: 0 };
  const value = average === 'mean' ? meanOf(values, decimals) : medianOf(values, decimals);
  return { value, count: values.length };
}

/** The council's own figures: one row per period, with its first and last day and the two counts. */
function localFigures(indicator: IndicatorDefinition, spec: LocalFigures, table: Table, problems: ProblemList): [Period, Figure][] {
  const [from, to, numeratorColumn, denominatorColumn] = requireEach(table, [spec.from, spec.to, spec.numerator, spec.denominator]);
  const figures: [Period, Figure][] = [];
  for (const row of table.rows) {
    const start = readDate(table, row, from, problems);
    const end = readDate(table, row, to, problems);
    const numerator = readCount(table, row, numeratorColumn, problems);
    const denominator = readCount(table, row, denominatorColumn, problems);
    if (!start || !end || numerator === undefined || denominator === undefined) continue;
    const figure = ratio(indicator, { value: numerator }, { value: denominator }, placeOf(table, row.index, numeratorColumn));
    figures.push([periodBetween(start, end), figure]);
  }
  if (figures.length === 0 && problems.size === 0) problems.add(message.noData(table.file, indicator.id));
  return figures;
}

/** Each whole year against the one before it, and a part year against the last whole year before it. */
function changesOf(indicator: IndicatorDefinition, periods: readonly Period[], figures: Readonly<Record<string, Figure>>): Record<string, Change> {
  const changes: Record<string, Change> = {};
  let previous: Period | undefined;
  for (const period of periods) {
    const a = previous && figures[previous.key]?.value;
    const b = figures[period.key]?.value;
    if (previous && a != null && b != null) {
      const direction = directionOf(a, b);
      // Part of a year against a whole one is not like for like: its direction is shown, never judged.
      const judgement = period.whole ? judge(indicator.polarity, direction) : undefined;
      changes[period.key] = { from: previous.key, difference: difference(a, b, indicator.decimals), direction, ...(judgement && { judgement }) };
    }
    if (period.whole) previous = period;
  }
  return changes;
}
