/**
 * The council's own figures from its workbook: each row's counts, checked and turned into a figure
 * for its period, or (for monthly rows) for each financial year to date or rolling 12 months; or a
 * figure given as published, taken as it is. In a public report, small counts are withheld.
 */
import type { ProblemList } from '../diagnostics/report-error.js';
import type { Place } from '../diagnostics/place.js';
import * as message from '../diagnostics/messages.js';
import { readLocalCounts, type LocalCounts } from '../tables/read-local-counts.js';
import type { Table } from '../tables/table.js';
import type { Reading } from '../tables/values.js';
import { ratio } from './figures.js';
import { aggregateMonths, calendarMonth } from './monthly.js';
import { byEndDate, periodBetween, type Period } from './periods.js';
import { toScaled } from './round.js';
import { suppressFigure, suppressGroup, type SuppressionRule } from './suppression.js';
import type { Figure, IndicatorDefinition, LocalFigures, Series } from './types.js';

export interface LocalPeriod {
  readonly period: Period;
  readonly figure: Figure;
  /** England's and the region's published figures, where the workbook gives them. */
  readonly england?: Figure;
  readonly region?: Figure;
}

export interface LocalSeries {
  /** The council's own periods. */
  readonly periods: readonly LocalPeriod[];
  /** By district or team, when the sheet has an area column: each area's periods. */
  readonly areas?: readonly { readonly name: string; readonly periods: readonly LocalPeriod[] }[];
}

export function localFigures(
  indicator: IndicatorDefinition,
  spec: LocalFigures,
  table: Table,
  suppression: SuppressionRule | undefined,
  problems: ProblemList,
): LocalSeries {
  const rows = readLocalCounts(table, spec, problems);
  if (rows.length === 0 && problems.size === 0) problems.add(message.noData(table.file, indicator.id));
  for (const row of rows) checkPossible(indicator, spec, row, problems);
  const figures = (kept: readonly LocalCounts[]) => figuresOf(indicator, spec, kept, table.file, problems);
  // In a public report, small counts are withheld (suppressFigure); a figure without counts is kept as it is.
  const shown = (periods: readonly LocalPeriod[]) =>
    suppression ? periods.map((local) => ({ ...local, figure: suppressFigure(local.figure, suppression) })) : periods;
  if (spec.area === undefined) return { periods: shown(figures(rows)) };
  // By district or team: each area's figures, and the council's as the sum of their counts.
  const names = [...new Set(rows.map((row) => row.area!))];
  const areas = names.map((name) => ({ name, periods: figures(rows.filter((row) => row.area === name)) }));
  const totals = figures(sumOverAreas(rows, spec, problems));
  return {
    periods: shown(totals),
    areas: suppression ? withheldAmongAreas(areas, totals, suppression) : areas,
  };
}

/**
 * The areas as a public report may show them. The council's total is shown beside them, so one small
 * count withheld alone could be had back by subtraction: each period's areas are withheld as a group
 * (suppressGroup), numerators and denominators alike, and a withheld count withholds its figure.
 */
function withheldAmongAreas(
  areas: NonNullable<LocalSeries['areas']>,
  totals: readonly LocalPeriod[],
  rule: SuppressionRule,
): NonNullable<LocalSeries['areas']> {
  const withheld = new Map<string, Set<string>>(); // period key -> areas withheld
  for (const { period, figure: total } of totals) {
    const figures = areas.map((area) => area.periods.find((p) => p.period.key === period.key)?.figure);
    for (const part of ['numerator', 'denominator'] as const) {
      const counts = figures.map((figure) => figure?.[part]);
      if (counts.some((count) => count === undefined)) continue; // a count already withheld hides the total too
      const flags = suppressGroup(counts as number[], total[part], rule);
      flags.forEach((flag, i) => {
        if (flag) withheld.set(period.key, (withheld.get(period.key) ?? new Set()).add(areas[i]!.name));
      });
    }
  }
  return areas.map((area) => ({
    name: area.name,
    periods: area.periods.map((local) =>
      withheld.get(local.period.key)?.has(area.name)
        ? {
            ...local,
            figure: { value: null, symbol: 'c', ...(local.figure.source && { source: local.figure.source }) },
          }
        : { ...local, figure: suppressFigure(local.figure, rule) },
    ),
  }));
}

/** Each period's counts added up over the areas; a withheld count withholds the sum. */
function sumOverAreas(rows: readonly LocalCounts[], spec: LocalFigures, problems: ProblemList): LocalCounts[] {
  const byPeriod = new Map<string, LocalCounts[]>();
  for (const row of rows)
    byPeriod.set(`${row.start}|${row.end}`, [...(byPeriod.get(`${row.start}|${row.end}`) ?? []), row]);
  const sum = (readings: readonly (Reading | undefined)[]): Reading | undefined => {
    if (readings.every((r) => r === undefined)) return undefined;
    const withheld = readings.find((r) => r === undefined || 'symbol' in r);
    if (withheld) return { symbol: withheld && 'symbol' in withheld ? withheld.symbol : 'x' };
    return { value: readings.reduce((total, r) => total + (r as { value: number }).value, 0) };
  };
  // England's and the region's figure is one per period, whichever row gives it: rows that differ are refused.
  const agreed = (group: readonly LocalCounts[], key: 'england' | 'region'): Reading | undefined => {
    const given = group.filter((row) => row[key] !== undefined && 'value' in row[key]);
    const first = given[0];
    for (const row of given.slice(1))
      if ((row[key] as { value: number }).value !== (first![key] as { value: number }).value)
        problems.add(
          message.comparatorFigureDiffers(row.places[key] ?? row.place, spec[key]!, first!.places[key] ?? first!.place),
        );
    return first?.[key] ?? group.find((row) => row[key] !== undefined)?.[key];
  };
  return [...byPeriod.values()].map((group) => {
    const { area: _area, value: _value, england: _england, region: _region, ...first } = group[0]!;
    const numerator = sum(group.map((row) => row.numerator));
    const denominator = sum(group.map((row) => row.denominator));
    const [england, region] = [agreed(group, 'england'), agreed(group, 'region')];
    return {
      ...first,
      ...(numerator && { numerator }),
      ...(denominator && { denominator }),
      ...(england && { england }),
      ...(region && { region }),
      places: {},
    };
  });
}

function figuresOf(
  indicator: IndicatorDefinition,
  spec: LocalFigures,
  rows: readonly LocalCounts[],
  file: string,
  problems: ProblemList,
): LocalPeriod[] {
  return localPeriods(rows, spec, file, problems).map((row) => {
    const figure = row.value
      ? published(row.value, indicator, row.place)
      : ratio(indicator, row.numerator, row.denominator, row.place);
    return {
      period: row.period,
      figure,
      ...(row.england && { england: published(row.england, indicator) }),
      ...(row.region && { region: published(row.region, indicator) }),
    };
  });
}

/** A figure as published, at the indicator's decimal places; never recomputed or withheld again. */
function published(reading: Reading, indicator: IndicatorDefinition, source?: Place): Figure {
  const at = source ? { source } : {};
  if ('symbol' in reading) return { value: null, symbol: reading.symbol, ...at };
  const value = Number(toScaled(reading.value, indicator.decimals)) / 10 ** indicator.decimals;
  return { value, published: true, ...at };
}

/** A share over 100%, or a part larger than its whole, is bad input, not a figure to print. */
function checkPossible(indicator: IndicatorDefinition, spec: LocalFigures, row: LocalCounts, problems: ProblemList) {
  if (indicator.unit !== 'percent') return;
  const [n, d] = [row.numerator, row.denominator];
  if (n && d && 'value' in n && 'value' in d && n.value > d.value)
    problems.add(message.partOverWhole(row.place, spec.numerator!, n.value, spec.denominator!, d.value));
  for (const [key, reading] of [
    ['value', row.value],
    ['england', row.england],
    ['region', row.region],
  ] as const) {
    if (reading && 'value' in reading && reading.value > 100)
      problems.add(message.shareOver100(row.places[key] ?? row.place, spec[key]!, reading.value));
  }
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
  const count = (reading: Reading | undefined) => (reading && 'value' in reading ? reading.value : undefined);
  try {
    // A month with a withheld or missing count leaves out every window that needs it, as a missing month does.
    const months = asWritten.flatMap((row) => {
      const [numerator, denominator] = [count(row.numerator), count(row.denominator)];
      if (numerator === undefined || (row.denominator && denominator === undefined)) return [];
      return [{ period: row.period, numerator, denominator: denominator ?? 0 }];
    });
    return aggregateMonths(months, spec.aggregate, spec.measure).map((window) => ({
      start: window.period.start,
      end: window.period.end,
      period: window.period,
      numerator: { value: window.numerator },
      ...(spec.denominator !== undefined && { denominator: { value: window.denominator } }),
      place: asWritten.find((row) => row.period.end === window.period.end)!.place,
      places: {},
    }));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.add(message.cannotAggregate(file, error.message));
    return [];
  }
}

/**
 * The council's own periods laid into its series: a new period added, a published one replaced (and
 * kept beside it, so the report can say which it replaced), England's and the region's figures from the
 * workbook filling only what DfE does not publish. Returns the areas' series, for a sheet by area.
 */
export function mergeLocal(
  own: LocalSeries,
  series: Record<'council' | 'england' | 'region', Record<string, Figure>>,
  periods: Period[],
): Series[] | undefined {
  for (const { period, figure, england, region } of own.periods) {
    if (england && series.england[period.key] === undefined) series.england[period.key] = england;
    if (region && series.region[period.key] === undefined) series.region[period.key] = region;
    const published = series.council[period.key];
    if (published === undefined) periods.push(period);
    const replaces = published && { value: published.value, ...(published.symbol && { symbol: published.symbol }) };
    series.council[period.key] = replaces ? { ...figure, replaces } : figure;
  }
  periods.sort(byEndDate);
  return own.areas?.map((area) => ({
    name: area.name,
    figures: Object.fromEntries(area.periods.map(({ period, figure }) => [period.key, figure])),
  }));
}
