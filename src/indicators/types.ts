/**
 * What the indicator stage takes and gives: indicator definitions, the figures of a council and its
 * comparators, and their assessments. Every later stage reads these types; compute.ts makes them.
 */
import type { Place } from '../diagnostics/place.js';
import type { Table } from '../tables/table.js';
import type { LocalCountsSpec } from '../tables/read-local-counts.js';
import type { Change, Rank, Tolerance, Verdict } from './assess.js';
import type { Polarity } from './compare.js';
import type { CouncilFigure, Figure } from './figures.js';
import type { LibraryIndicator } from './library.js';
import type { Measure } from './monthly.js';
import type { NeighbourModel } from './neighbours.js';
import type { Period } from './periods.js';
import type { SuppressionRule } from './suppression.js';
import type { Unit } from './units.js';

export type { CouncilFigure, Figure } from './figures.js';

/** The series every indicator has: the council's and its standing comparators'. */
export const SERIES_NAMES = ['council', 'england', 'region', 'neighbours'] as const;
export type BuiltInSeries = (typeof SERIES_NAMES)[number];
/** Another council the report names as a comparator (comparators: in the definition), by its code. */
export type CouncilCode = `${number}`;
export type SeriesName = BuiltInSeries | CouncilCode;

export interface Series {
  readonly name: string;
  readonly figures: Readonly<Record<string, Figure>>;
}

export type SeriesMap = Readonly<Record<BuiltInSeries, Series>> & Readonly<Partial<Record<CouncilCode, Series>>>;

export function isBuiltInSeries(name: string): name is BuiltInSeries {
  return (SERIES_NAMES as readonly string[]).includes(name);
}

/** A series of an indicator by name; every name a report uses is checked against its comparators first. */
export function seriesOf(indicator: { readonly series: SeriesMap }, name: SeriesName): Series {
  const found = indicator.series[name];
  if (!found) throw new Error(`The series ${name} was not computed.`);
  return found;
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
  /** From the previous whole year; for a part of a year, from the same part of the year before, if there is one. */
  readonly change?: Change;
  /** Against each other council named as a comparator, by its code. */
  readonly others?: Readonly<Record<string, Verdict>>;
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
  /** The same tolerance as a number: every judgement of "similar", in prose, charts and the JSON, uses it. */
  readonly tolerance: Tolerance;
  readonly periods: readonly Period[];
  readonly series: SeriesMap;
  readonly assessments: Readonly<Record<string, Assessment>>;
  /** By district or team (local: area:): the areas' own series, in the order the sheet first gives them. */
  readonly areas?: { readonly column: string; readonly series: readonly Series[] };
  /** Every council's figure for each whole year, those withheld left out: for benchmark charts. */
  readonly councils: Readonly<Record<string, readonly CouncilFigure[]>>;
}

export interface Area {
  readonly code: string;
  readonly name: string;
}

export interface Comparators {
  readonly council: Area;
  readonly region: Area;
  /** Other councils named as comparators, in the order the definition gives them, with the words it used. */
  readonly others: readonly (Area & { readonly code: CouncilCode; readonly asWritten: string })[];
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
  /** Other councils to compare with, by code or name, as the definition gives them, with where. */
  readonly comparators?: readonly { readonly text: string; readonly place: Place }[];
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
