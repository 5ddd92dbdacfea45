/**
 * Tables x indicator definitions -> for a council: its figures, England's, its region's and its
 * statistical neighbours' for every period, with its rank, quartile band, judgements and changes.
 * Pure: the tables arrive already read.
 *
 *   national tables ─► every council's figures (national-figures.ts) ─┬─► the council's series
 *   local workbook ─► the council's own periods ───────────────────────┘     ─► assessments (assess.ts)
 */
import { ProblemList, ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Table } from '../tables/table.js';
import { readLocalCounts, type LocalCounts, type LocalCountsSpec } from '../tables/read-local-counts.js';
import {
  changeBetween,
  describeTolerance,
  parseTolerance,
  rankAmong,
  trendOver,
  verdictOf,
  type Change,
  type Rank,
  type Tolerance,
  type Verdict,
} from './assess.js';
import type { Polarity } from './compare.js';
import { ratio, type CouncilFigure, type Figure } from './figures.js';
import type { LibraryIndicator } from './library.js';
import { defaultTolerance, type Unit } from './units.js';
import { aggregateMonths, calendarMonth, type Measure } from './monthly.js';
import {
  computeNationalFigures,
  NO_NATIONAL_FIGURES,
  type NationalFigures,
  type NationalTables,
} from './national-figures.js';
import { indexNational } from './national.js';
import { councilInModel, hasNeighbours, readNeighbours, NEIGHBOUR_FILES, type NeighbourModel } from './neighbours.js';
import { byEndDate, periodBetween, reportingYear, type Period } from './periods.js';
import { meanOf, medianOf } from './round.js';
import { suppressFigure, type SuppressionRule } from './suppression.js';

export type { Figure } from './figures.js';

export const POPULATION_FILE = 'ons_mid-year_population_estimates_2012_to_2024.csv';

/** The series an indicator has: the council's and its comparators'. */
export const SERIES_NAMES = ['council', 'england', 'region', 'neighbours'] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

export interface Series {
  readonly name: string;
  readonly figures: Readonly<Record<string, Figure>>;
}

export interface IndicatorDefinition extends Omit<LibraryIndicator, 'unit' | 'decimals' | 'source'>, Unit {
  readonly id: string;
  /** The library indicator it reports, or "custom". */
  readonly base: string;
  /** Where the national figures are; none for a custom indicator, which has only the council's own. */
  readonly source?: LibraryIndicator['source'];
  readonly from?: number;
  readonly to?: number;
  readonly local?: LocalFigures;
}

export interface LocalFigures extends LocalCountsSpec {
  readonly source: string;
  /** The rows are calendar months, reported as each financial year to date or rolling 12 months. */
  readonly aggregate?: 'fytd' | 'rolling12';
  readonly measure: Measure;
}

/** How the council's figure for one period stands. */
export interface Assessment {
  /** Among all councils with a figure; none for an indicator without polarity. */
  readonly rank?: Rank;
  /** Against each comparator, within the indicator's tolerance. */
  readonly england?: Verdict;
  readonly region?: Verdict;
  readonly neighbours?: Verdict;
  /** From the previous whole year (a part year: from the last whole year, never judged). */
  readonly change?: Change;
  /** Three-year trend: against the figure two years before. */
  readonly trend?: { readonly from: string; readonly verdict: Verdict };
}

export interface IndicatorResult extends Omit<
  IndicatorDefinition,
  'source' | 'local' | 'from' | 'to' | 'similarWithin'
> {
  readonly sourceName: string;
  readonly polarity: Polarity;
  /** "within 1 percentage point": the tolerance for "similar", as reports state it. */
  readonly similarWithin: string;
  readonly periods: readonly Period[];
  readonly series: Readonly<Record<SeriesName, Series>>;
  readonly assessments: Readonly<Record<string, Assessment>>;
  /** Every council's figure for each whole year, those withheld left out: for benchmark charts. */
  readonly councils: Readonly<Record<string, readonly CouncilFigure[]>>;
}

export type { CouncilFigure } from './figures.js';

export interface Area {
  readonly code: string;
  readonly name: string;
}

export interface Comparators {
  readonly council: Area;
  readonly region: Area;
  readonly neighbours: {
    readonly model: NeighbourModel;
    readonly average: 'mean' | 'median';
    readonly areas: readonly Area[];
  };
}

export interface IndicatorSet {
  readonly comparators: Comparators;
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
}

export interface IndicatorInputs {
  readonly neighbours: { readonly model: NeighbourModel; readonly average: 'mean' | 'median' };
  /** The year ending March N uses the mid-(N - offset) population estimate. */
  readonly populationYearOffset: number;
  readonly indicators: readonly IndicatorDefinition[];
  /** National tables by file name. */
  readonly national: ReadonlyMap<string, Table>;
  /** Local tables by source id. */
  readonly local: ReadonlyMap<string, Table>;
  /**
   * Whose the local tables are: the code of the report's council. Only that council's results take
   * local figures; without it, no council's do.
   */
  readonly localCouncil?: string;
  /** For a report that will be published: the council's own small counts are withheld. */
  readonly suppression?: SuppressionRule;
}

/** The national files (by name) an indicator set reads: its sources, the population and the neighbour model. */
export function nationalFilesNeeded(
  indicators: readonly Pick<IndicatorDefinition, 'source'>[],
  model: NeighbourModel,
): string[] {
  const files = new Set([NEIGHBOUR_FILES[model]]);
  for (const { source } of indicators) {
    if (!source) continue;
    files.add(source.file);
    if (source.denominator === 'population') files.add(POPULATION_FILE);
  }
  return [...files];
}

/** One council's indicator set: the local figures are its own. */
export function computeIndicators(inputs: IndicatorInputs & { readonly council: Area }): IndicatorSet {
  return computeForCouncils({ ...inputs, localCouncil: inputs.council.code }, [inputs.council])[0]!;
}

/** A council by its three-digit code; its name comes from the data when not given. */
export type CouncilChoice = { readonly code: string; readonly name?: string };

/**
 * Several councils' indicator sets (or every council's, for "all"), computing every council's national
 * figures once. A council's region and neighbours come from the data. A council asked for by name
 * (not merely listed by "all") must have rows in every national file its indicators read.
 */
export function computeForCouncils(inputs: IndicatorInputs, choice: readonly CouncilChoice[] | 'all'): IndicatorSet[] {
  const problems = new ProblemList();
  const table = (file: string) => {
    const found = inputs.national.get(file);
    if (!found) throw new Error(`The national file ${file} was not read before computing indicators.`);
    return found;
  };
  const needsPopulation = inputs.indicators.some((i) => i.source?.denominator === 'population');
  const tables: NationalTables = {
    table,
    population: needsPopulation ? indexNational(table(POPULATION_FILE), {}, problems) : undefined,
    populationYearOffset: inputs.populationYearOffset,
    problems,
  };
  const national = inputs.indicators.map(
    (indicator) =>
      [
        indicator,
        indicator.source
          ? computeNationalFigures({ ...indicator, source: indicator.source }, tables)
          : NO_NATIONAL_FIGURES,
      ] as const,
  );
  problems.throwIfAny();

  const neighbourTable = table(NEIGHBOUR_FILES[inputs.neighbours.model]);
  const nameOf = (code: string) =>
    national.map(([, f]) => f.councils.get(code)?.name).find(Boolean) ?? known(code)?.name ?? code;
  // A council is known from any national file, or else (for a report of custom indicators only) from the neighbour model.
  const known = (code: string) =>
    national.find(([, figures]) => figures.councils.has(code))?.[1].councils.get(code) ??
    councilInModel(neighbourTable, inputs.neighbours.model, code);
  const councils: readonly CouncilChoice[] =
    choice === 'all'
      ? [...new Set(national.flatMap(([, figures]) => [...figures.councils.keys()]))].sort().map((code) => ({ code }))
      : choice;
  const asked = choice !== 'all';
  const missing = councils.filter((council) => !known(council.code));
  // Named as the user sees the file (data/dfe/...), as every other problem with it is.
  const firstFile = inputs.indicators.find((i) => i.source)?.source?.file;
  const searched = firstFile === undefined ? neighbourTable.file : table(firstFile).file;
  if (missing.length > 0)
    throw new ReportError(missing.map((council) => message.councilNotInData(searched, council.code)));

  const sets = councils.map((choice) => {
    const council = { code: choice.code, name: choice.name ?? nameOf(choice.code) };
    const { region } = known(council.code)!;
    // Known from one file is not enough: a file with no row for the council would print "not available" every year.
    if (asked) {
      const seen = national.flatMap(([, figures]) => figures.yearsOf(council.code));
      for (const [, figures] of national)
        for (const file of figures.lacking(council.code, seen))
          problems.add(message.councilNotInFile(file, council.code, council.name));
    }
    const neighbourCodes = hasNeighbours(neighbourTable, inputs.neighbours.model, council.code)
      ? readNeighbours(neighbourTable, inputs.neighbours.model, council.code)
      : [];
    const indicators = Object.fromEntries(
      national.map(([indicator, figures]) => [
        indicator.id,
        councilResult(indicator, figures, council, region, neighbourCodes, inputs, problems),
      ]),
    );
    return {
      comparators: {
        council,
        region,
        neighbours: { ...inputs.neighbours, areas: neighbourCodes.map((code) => ({ code, name: nameOf(code) })) },
      },
      indicators,
    };
  });
  problems.throwIfAny();
  return sets;
}

function councilResult(
  indicator: IndicatorDefinition,
  national: NationalFigures,
  council: Area,
  region: Area,
  neighbourCodes: readonly string[],
  inputs: IndicatorInputs,
  problems: ProblemList,
): IndicatorResult {
  const years = national.years.filter((year) => (indicator.from ?? 0) <= year && year <= (indicator.to ?? Infinity));
  const series: Record<SeriesName, Record<string, Figure>> = { council: {}, england: {}, region: {}, neighbours: {} };
  const periods: Period[] = [];

  for (const year of years) {
    const period = reportingYear(year);
    periods.push(period);
    series.council[period.key] = national.council(council.code, year);
    series.england[period.key] = national.england(year);
    series.region[period.key] = national.region(region.code, year);
    series.neighbours[period.key] = averageOf(
      neighbourCodes.map((code) => national.council(code, year)),
      inputs.neighbours.average,
      indicator.decimals,
    );
  }

  // The local workbook is the report's council's own: another council listed beside it never takes its figures.
  if (indicator.local && council.code === inputs.localCouncil) {
    const spec = indicator.local;
    const table = inputs.local.get(spec.source);
    if (!table) throw new Error(`The local source ${spec.source} was not read before computing indicators.`);
    const rows = readLocalCounts(table, spec, problems);
    if (rows.length === 0 && problems.size === 0) problems.add(message.noData(table.file, indicator.id));
    if (indicator.unit === 'percent' && spec.denominator !== undefined) {
      for (const row of rows) {
        if (row.denominator !== undefined && row.numerator > row.denominator) {
          problems.add(
            message.partOverWhole(row.place, spec.numerator, row.numerator, spec.denominator, row.denominator),
          );
        }
      }
    }
    for (const row of localPeriods(rows, spec, table.file, problems)) {
      if (series.council[row.period.key] === undefined) periods.push(row.period);
      const denominator = row.denominator === undefined ? undefined : { value: row.denominator };
      const figure = ratio(indicator, { value: row.numerator }, denominator, row.place);
      series.council[row.period.key] = inputs.suppression ? suppressFigure(figure, inputs.suppression) : figure;
    }
    periods.sort(byEndDate);
  }

  const tolerance = parseTolerance(indicator.similarWithin ?? defaultTolerance(indicator));
  const { source, local: _local, from: _from, to: _to, similarWithin: _similar, ...described } = indicator;
  return {
    ...described,
    sourceName: source?.name ?? `${council.name}'s own records`,
    similarWithin: describeTolerance(tolerance, indicator),
    periods,
    series: {
      council: { name: council.name, figures: series.council },
      england: { name: 'England', figures: series.england },
      region: { name: region.name, figures: series.region },
      neighbours: { name: `Statistical neighbours (${inputs.neighbours.average})`, figures: series.neighbours },
    },
    assessments: assessmentsOf(indicator, periods, series, national, tolerance),
    // Shared, not copied, between councils: the same list for every council's result.
    councils: Object.fromEntries(
      periods
        .filter((period) => period.whole)
        .map((period) => [period.key, national.councilFigures(Number(period.end.slice(0, 4)))]),
    ),
  };
}

/** The council's rows as periods: as written, or (for monthly rows) each financial year to date or rolling 12 months. */
function localPeriods(
  rows: readonly LocalCounts[],
  spec: LocalFigures,
  file: string,
  problems: ProblemList,
): (LocalCounts & { readonly period: Period })[] {
  const asWritten = rows.map((row) => ({ ...row, period: periodBetween(row.start, row.end) }));
  if (!spec.aggregate) return asWritten;
  const notMonths = asWritten.filter((row) => calendarMonth(row.period) === undefined);
  for (const row of notMonths) problems.add(message.notACalendarMonth(row.place, row.start, row.end));
  if (notMonths.length > 0) return [];
  try {
    const months = asWritten.map((row) => ({
      period: row.period,
      numerator: row.numerator,
      denominator: row.denominator ?? 0,
    }));
    return aggregateMonths(months, spec.aggregate, spec.measure).map((window) => ({
      ...window,
      start: window.period.start,
      end: window.period.end,
      ...(spec.denominator === undefined && { denominator: undefined }),
      place: asWritten.find((row) => row.period.end === window.period.end)!.place,
    }));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.add(message.cannotAggregate(file, error.message));
    return [];
  }
}

/** The neighbours' mean or median over those with a figure; withheld when none has one. */
function averageOf(figures: readonly Figure[], average: 'mean' | 'median', decimals: number): Figure {
  const values = figures.flatMap((figure) => (figure.value === null ? [] : [figure.value]));
  if (values.length === 0) return { value: null, symbol: 'x', count: 0 };
  const value = average === 'mean' ? meanOf(values, decimals) : medianOf(values, decimals);
  return { value, count: values.length };
}

function assessmentsOf(
  indicator: IndicatorDefinition,
  periods: readonly Period[],
  series: Record<SeriesName, Record<string, Figure>>,
  national: NationalFigures,
  tolerance: Tolerance,
): Record<string, Assessment> {
  const assessments: Record<string, Assessment> = {};
  const wholeYears: Period[] = [];
  for (const period of periods) {
    const value = series.council[period.key]?.value;
    const previous = wholeYears[wholeYears.length - 1];
    const twoBefore = period.whole ? wholeYears[wholeYears.length - 2] : undefined;
    if (period.whole) wholeYears.push(period);
    if (value == null) continue;

    const verdict = (name: SeriesName) => {
      const other = series[name][period.key]?.value;
      return other == null ? undefined : verdictOf(value, other, indicator.polarity, tolerance);
    };
    const before = previous && series.council[previous.key]?.value;
    const earlier = twoBefore && series.council[twoBefore.key]?.value;
    const year = Number(period.end.slice(0, 4));
    const all = period.whole ? national.councilValues(year) : [];
    const assessment: { -readonly [K in keyof Assessment]: Assessment[K] } = {};
    const rank = period.whole ? rankAmong(value, all, indicator.polarity) : undefined;
    if (rank) assessment.rank = rank;
    for (const name of ['england', 'region', 'neighbours'] as const) {
      const judged = verdict(name);
      if (judged) assessment[name] = judged;
    }
    // A part of a year against a whole one is not like for like: its direction is shown, never judged.
    if (previous && before != null)
      assessment.change = changeBetween(
        previous.key,
        before,
        value,
        indicator.decimals,
        indicator.polarity,
        period.whole,
      );
    if (twoBefore && earlier != null)
      assessment.trend = trendOver(twoBefore.key, earlier, value, indicator.polarity, tolerance);
    assessments[period.key] = assessment;
  }
  return assessments;
}
