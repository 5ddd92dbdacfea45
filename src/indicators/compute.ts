/**
 * Tables x indicator definitions -> for a council: its figures, England's, its region's and its
 * statistical neighbours' for every period, with its rank, quartile band, judgements and changes.
 * Pure: the tables arrive already read.
 *
 *   national tables ─► every council's figures (national-figures.ts) ─┬─► the council's series
 *   local workbook ─► the council's own periods (local-figures.ts) ──┘     ─► assessments (assessments.ts)
 */
import { ProblemList, ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { describeTolerance, parseTolerance } from './assess.js';
import { defaultTolerance } from './units.js';
import {
  computeNationalFigures,
  NO_NATIONAL_FIGURES,
  type NationalFigures,
  type NationalTables,
} from './national-figures.js';
import { indexNational } from './national.js';
import {
  councilInModel,
  councilsInModel,
  hasNeighbours,
  readNeighbours,
  NEIGHBOUR_FILES,
  type NeighbourModel,
} from './neighbours.js';
import { reportingYear, type Period } from './periods.js';
import { meanOf, medianOf } from './round.js';
import { localFigures, mergeLocal } from './local-figures.js';
import { assessmentsOf } from './assessments.js';
import { resolveOtherCouncils, type OtherCouncil } from './other-councils.js';
import { possessive } from '../format.js';
import type {
  Area,
  CouncilFigure,
  Figure,
  IndicatorDefinition,
  IndicatorInputs,
  IndicatorResult,
  IndicatorSet,
  BuiltInSeries,
} from './types.js';

export const POPULATION_FILE = 'ons_mid-year_population_estimates_2012_to_2024.csv';

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
  const figures = everyCouncilsFigures(inputs);
  if (choice === 'all') return figures.setsFor(figures.councils, { requireRows: false });
  return figures.setsFor(choice, { requireRows: true, own: choice.length === 1 ? choice[0]!.code : undefined });
}

/** Every council's national figures, computed once, from which any councils' indicator sets are made. */
export interface EveryCouncilsFigures {
  /** Every council the national files have figures for, by code, named as the files name it. */
  readonly councils: readonly CouncilChoice[];
  /** Those with a figure for the files' latest year: today's councils, not those since merged or abolished. */
  readonly current: readonly CouncilChoice[];
  /**
   * The councils' sets. With `requireRows`, each must have rows in every national file its indicators
   * read; `own` is the report's one council, which the comparators may not name.
   */
  setsFor(councils: readonly CouncilChoice[], checks: { requireRows: boolean; own?: string }): IndicatorSet[];
}

export function everyCouncilsFigures(inputs: IndicatorInputs): EveryCouncilsFigures {
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
  const everyCode = [...new Set(national.flatMap(([, figures]) => [...figures.councils.keys()]))].sort();
  // Any council the data knows, from a national file or (for a report of local figures only) the neighbour model.
  const allNames = new Map([
    ...councilsInModel(neighbourTable, inputs.neighbours.model),
    ...national.flatMap(([, figures]) => [...figures.councils].map(([code, council]) => [code, council.name] as const)),
  ]);
  const setsFor: EveryCouncilsFigures['setsFor'] = (councils, { requireRows: asked, own }) => {
    // Each call's own problems: one council's missing rows are not another's.
    const problems = new ProblemList();
    const missing = councils.filter((council) => !known(council.code));
    // Named as the user sees the file (data/dfe/...), as every other problem with it is.
    const firstFile = inputs.indicators.find((i) => i.source)?.source?.file;
    const searched = firstFile === undefined ? neighbourTable.file : table(firstFile).file;
    if (missing.length > 0)
      throw new ReportError(missing.map((council) => message.councilNotInData(searched, council.code)));

    const named = resolveOtherCouncils(inputs.comparators ?? [], allNames, problems, own);
    problems.throwIfAny();

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
      // A council is not its own comparator: in a run for many councils, each compares with the others named.
      const others = named.filter((other) => other.code !== council.code);
      const indicators = Object.fromEntries(
        national.map(([indicator, figures]) => [
          indicator.id,
          councilResult(indicator, figures, { council, region, neighbourCodes, others }, inputs, problems),
        ]),
      );
      return {
        comparators: {
          council,
          region,
          neighbours: { ...inputs.neighbours, areas: neighbourCodes.map((code) => ({ code, name: nameOf(code) })) },
          others,
        },
        indicators,
      };
    });
    problems.throwIfAny();
    return sets;
  };
  const latest = Math.max(...national.flatMap(([, figures]) => figures.years));
  const councils = everyCode.map((code) => ({ code, name: nameOf(code) }));
  // A council merged away may still have rows for the latest year, each "x" or "z": a figure is what counts.
  const current = councils.filter(({ code }) =>
    national.some(([, figures]) => figures.council(code, latest).value !== null),
  );
  return { councils, current, setsFor };
}

interface Whose {
  readonly council: Area;
  readonly region: Area;
  readonly neighbourCodes: readonly string[];
  readonly others: readonly OtherCouncil[];
}

function councilResult(
  indicator: IndicatorDefinition,
  national: NationalFigures,
  { council, region, neighbourCodes, others }: Whose,
  inputs: IndicatorInputs,
  problems: ProblemList,
): IndicatorResult {
  const years = national.years.filter((year) => (indicator.from ?? 0) <= year && year <= (indicator.to ?? Infinity));
  type Figures = Record<string, Figure>;
  const series: Record<BuiltInSeries, Figures> & Record<string, Figures> = {
    council: {},
    england: {},
    region: {},
    neighbours: {},
  };
  for (const other of others) series[other.code] = {};
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
    for (const other of others) series[other.code]![period.key] = national.council(other.code, year);
  }

  // The local workbook is the report's council's own: another council listed beside it never takes its figures.
  const local = indicator.local && council.code === inputs.localCouncil ? indicator.local : undefined;
  const table = local && inputs.local.get(local.source);
  if (local && !table) throw new Error(`The local source ${local.source} was not read before computing indicators.`);
  const areas =
    local && table
      ? mergeLocal(localFigures(indicator, local, table, inputs.suppression, problems), series, periods)
      : undefined;

  const tolerance = parseTolerance(indicator.similarWithin ?? defaultTolerance(indicator));
  const councils = everyCouncil(periods, national, council, series.council);
  const { source, local: _local, from: _from, to: _to, similarWithin: _similar, ...described } = indicator;
  return {
    ...described,
    sourceName: source?.name ?? `${possessive(council.name)} own records`,
    similarWithin: describeTolerance(tolerance, indicator),
    tolerance,
    periods,
    series: {
      council: { name: council.name, figures: series.council },
      england: { name: 'England', figures: series.england },
      region: { name: region.name, figures: series.region },
      neighbours: { name: `Statistical neighbours (${inputs.neighbours.average})`, figures: series.neighbours },
      ...Object.fromEntries(others.map((other) => [other.code, { name: other.name, figures: series[other.code]! }])),
    },
    ...(areas && local?.area && { areas: { column: local.area, series: areas } }),
    assessments: assessmentsOf(indicator, periods, series, councils, tolerance, others),
    councils,
  };
}

/**
 * Every council's figure for each whole year, for ranks and benchmark charts. Shared, not copied,
 * between councils' results, unless the council's own row replaced its published figure: then its
 * list holds the figure the report shows, so a rank never counts the council against itself.
 */
function everyCouncil(
  periods: readonly Period[],
  national: NationalFigures,
  council: Area,
  own: Readonly<Record<string, Figure>>,
): Record<string, readonly CouncilFigure[]> {
  return Object.fromEntries(
    periods
      .filter((period) => period.whole)
      .map((period) => {
        const published = national.councilFigures(Number(period.end.slice(0, 4)));
        const figure = own[period.key];
        if (!figure?.replaces) return [period.key, published];
        const others = published.filter((entry) => entry.code !== council.code);
        const shown = figure.value == null ? [] : [{ code: council.code, name: council.name, value: figure.value }];
        return [period.key, [...others, ...shown]];
      }),
  );
}

/** The neighbours' mean or median over those with a figure; withheld when none has one. */
function averageOf(figures: readonly Figure[], average: 'mean' | 'median', decimals: number): Figure {
  const values = figures.flatMap((figure) => (figure.value === null ? [] : [figure.value]));
  if (values.length === 0) return { value: null, symbol: 'x', count: 0 };
  const value = average === 'mean' ? meanOf(values, decimals) : medianOf(values, decimals);
  return { value, count: values.length };
}
