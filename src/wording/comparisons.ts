/**
 * Changes, comparisons, ranks and verdicts in words, every direction computed from the figures as
 * published. The template helpers and the charts' text alternatives both use them, so prose and alt
 * text never disagree.
 */
import type { IndicatorResult, SeriesName } from '../indicators/types.js';
import type { Figure } from '../indicators/figures.js';
import { difference, directionOf, judge, type Direction } from '../indicators/compare.js';
import { changeWithUnit } from '../indicators/units.js';
import type { Rank, Verdict } from '../indicators/assess.js';
import { formatNumber, ordinal } from '../format.js';
import { formatValue } from './figures.js';

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
