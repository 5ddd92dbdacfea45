/**
 * Numbers and phrases the British way, with every direction computed from the figures. Shared by the
 * template helpers and the charts' text alternatives, so prose and alt text never disagree.
 */
import type { Figure, IndicatorResult, SeriesName } from '../indicators/compute.js';
import { difference, directionOf, judge, type Direction } from '../indicators/compare.js';
import { formatNumberText } from '../indicators/number-format.js';
import { changeWithUnit, withUnit, type Unit as UnitOf } from '../indicators/units.js';
import type { PublishedSymbol } from '../tables/values.js';
import type { Rank, Verdict } from '../indicators/assess.js';

type Unit = UnitOf;

/** 1885 -> "1,885"; 17.2 at 1 place -> "17.2". */
export function formatNumber(value: number, decimals = 0): string {
  return formatNumberText(value, decimals);
}

/** The figure as a table shows it: "17.2", or its symbol ("c", "x") when withheld. */
export function formatCell(figure: Figure | undefined, unit: Unit): string {
  if (!figure || figure.value === null) return figure?.symbol ?? 'x';
  return formatNumber(figure.value, unit.decimals);
}

/** What each symbol in a table stands for, as the notes under a table explain it. */
export const SYMBOL_MEANINGS: Readonly<Record<PublishedSymbol, string>> = {
  c: 'suppressed to protect confidentiality',
  x: 'not available (for example, not yet published)',
  z: 'not applicable',
  u: 'withheld as of low reliability',
  low: 'rounds to zero but is not zero',
  k: 'rounds to zero but is not zero',
  ':': 'not available',
  '~': 'rounds to zero but is not zero',
};

/** The figure as prose says it: "17.2%", "148.1 per 10,000", or why there is none. */
export function formatValue(figure: Figure | undefined, unit: Unit): string {
  if (!figure || figure.value === null) {
    const symbol = figure?.symbol ?? 'x';
    return symbol === 'c' ? 'not published (suppressed)' : SYMBOL_MEANINGS[symbol].replace(/ \(.*\)$/, '');
  }
  return withUnit(figure.value, unit);
}

/** "2016-10-11" -> "11 October 2016"; "2016-06" -> "June 2016". Anything else is a RangeError. */
/** "26 children", "1 case". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** ["a", "b", "c"] -> "a, b and c". */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export interface PointInTime {
  readonly label: string;
  readonly figure: Figure | undefined;
}

/** "rose from 13.3% in 2014-15 to 17.2% in 2015-16"; directions from the figures as published. */
export function changePhrase(indicator: IndicatorResult, from: PointInTime, to: PointInTime): string {
  const a = from.figure?.value;
  const b = to.figure?.value;
  if (a === null || a === undefined || b === null || b === undefined) {
    const missing = a === null || a === undefined ? from : to;
    return `cannot be compared between ${from.label} and ${to.label} because the figure for ${missing.label} is ${formatValue(missing.figure, indicator)}`;
  }
  const direction = directionOf(a, b);
  if (direction === 'same')
    return `was unchanged at ${formatValue(to.figure, indicator)} in ${from.label} and ${to.label}`;
  const verb = direction === 'up' ? 'rose' : 'fell';
  return `${verb} from ${formatValue(from.figure, indicator)} in ${from.label} to ${formatValue(to.figure, indicator)} in ${to.label}`;
}

/** ", an improvement" or ", a deterioration" for a change, or nothing for an indicator without polarity. */
export function changeJudgementPhrase(
  indicator: IndicatorResult,
  from: Figure | undefined,
  to: Figure | undefined,
): string {
  if (from?.value == null || to?.value == null) return '';
  const judgement = judge(indicator.polarity, directionOf(from.value, to.value));
  return judgement === 'better' ? ', an improvement' : judgement === 'worse' ? ', a deterioration' : '';
}

/** The size of a change: "3.9 percentage points", "12.4 per 10,000". */
export function differencePhrase(indicator: IndicatorResult, from: Figure | undefined, to: Figure | undefined): string {
  if (from?.value == null || to?.value == null) return 'not available';
  return changeWithUnit(Math.abs(difference(from.value, to.value, indicator.decimals)), indicator);
}

/** "higher (worse) than England (17.9%)"; "higher than" alone for an indicator without polarity. */
export function comparePhrase(
  indicator: IndicatorResult,
  figure: Figure | undefined,
  other: Figure | undefined,
  otherName: string,
): string {
  const a = figure?.value;
  const b = other?.value;
  if (a == null || b == null)
    return `not comparable with ${otherName}, whose figure is ${formatValue(other, indicator)}`;
  const direction = directionOf(b, a);
  if (direction === 'same') return `the same as ${otherName} (${formatValue(other, indicator)})`;
  return `${relationWord(indicator, direction)} than ${otherName} (${formatValue(other, indicator)})`;
}

/** Over several periods: "lower (better) than England in every year". The template names the span. */
export function compareOverPhrase(
  indicator: IndicatorResult,
  pairs: readonly { figure: Figure | undefined; other: Figure | undefined }[],
  otherName: string,
): string {
  const directions = pairs.flatMap(({ figure, other }) =>
    figure?.value == null || other?.value == null ? [] : [directionOf(other.value, figure.value)],
  );
  if (directions.length === 0) return `not comparable with ${otherName} in any year`;
  const first = directions[0]!;
  const unanimous = directions.every((direction) => direction === first);
  const every =
    directions.length === pairs.length
      ? pairs.length === 1
        ? 'in that year'
        : pairs.length === 2
          ? 'in both years'
          : 'in every year'
      : directions.length === 1
        ? 'in the only year with figures'
        : `in each of the ${directions.length} years with figures`;
  if (unanimous) {
    return first === 'same'
      ? `the same as ${otherName} ${every}`
      : `${relationWord(indicator, first)} than ${otherName} ${every}`;
  }
  const lower = directions.filter((d) => d === 'down').length;
  const higher = directions.filter((d) => d === 'up').length;
  const same = directions.length - lower - higher;
  const counted =
    directions.length === pairs.length
      ? `of the ${pairs.length} years`
      : `of the ${directions.length} years with figures`;
  return `lower than ${otherName} in ${lower}, higher in ${higher}${same ? ` and the same in ${same}` : ''} ${counted}`;
}

function relationWord(indicator: IndicatorResult, direction: Exclude<Direction, 'same'>): string {
  const word = direction === 'up' ? 'higher' : 'lower';
  const judgement = judge(indicator.polarity, direction);
  return judgement === undefined ? word : `${word} (${judgement})`;
}

/** "25th of 145 councils (quartile A, the best quarter)". */
export function rankPhrase(rank: Rank | undefined): string {
  if (!rank) return 'not ranked (the indicator has no better or worse direction, or no figure)';
  const band = { A: 'the best quarter', B: 'the second quarter', C: 'the third quarter', D: 'the worst quarter' }[
    rank.quartile
  ];
  return `${ordinal(rank.position)} of ${formatNumber(rank.outOf)} councils (quartile ${rank.quartile}, ${band})`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${formatNumber(n)}${suffix}`;
}

/** "similar to England (17.9%; within 1 percentage point)", "worse than England (17.9%)", "higher than England (40.6 per 10,000)". */
export function verdictPhrase(
  indicator: IndicatorResult,
  verdict: Verdict | undefined,
  other: Figure | undefined,
  otherName: string,
): string {
  const shown = formatValue(other, indicator);
  if (!verdict) return `not comparable with ${otherName}, whose figure is ${shown}`;
  if (verdict === 'similar') return `similar to ${otherName} (${shown}; ${indicator.similarWithin})`;
  return `${verdict} than ${otherName} (${shown})`;
}

/** How prose names a comparator: "England", "West Midlands", "the statistical neighbour mean". */
export function comparatorName(indicator: IndicatorResult, series: SeriesName, average: 'mean' | 'median'): string {
  return series === 'neighbours' ? `the statistical neighbour ${average}` : indicator.series[series].name;
}
