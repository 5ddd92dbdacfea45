/**
 * Changes, comparisons, ranks and verdicts in words, every direction computed from the figures as
 * published. The template helpers and the charts' text alternatives both use them, so prose and alt
 * text never disagree.
 */
import { seriesOf, type IndicatorResult, type SeriesName } from '../indicators/types.js';
import type { Figure } from '../indicators/figures.js';
import { directionOf, judge, type Direction } from '../indicators/compare.js';
import { verdictOf, type Verdict } from '../indicators/assess.js';
import type { Period } from '../indicators/periods.js';
import { formatNumber, joinList, ordinal } from '../format.js';
import { formatValue } from './figures.js';
import { regionInProse } from './names.js';

/**
 * How a figure stands beside another, with the indicator's tolerance for "similar": the one judgement
 * that prose, the charts' text alternatives and the JSON all give.
 */
export type Relation = 'same' | 'similar' | Exclude<Direction, 'same'>;

export function relationOf(indicator: IndicatorResult, value: number, other: number): Relation {
  const direction = directionOf(other, value);
  if (direction === 'same') return 'same';
  return verdictOf(value, other, indicator.polarity, indicator.tolerance) === 'similar' ? 'similar' : direction;
}

/** "higher (worse) than England (17.9%)", "similar to England (17.9%)"; "higher than" alone for an indicator without polarity. */
export function comparePhrase(
  indicator: IndicatorResult,
  figure: Figure | undefined,
  other: Figure | undefined,
  otherName: string,
): string {
  const a = figure?.value;
  const b = other?.value;
  const shown = formatValue(other, indicator);
  if (a == null || b == null) return `not comparable with ${otherName}, whose figure is ${shown}`;
  return `${relationPhrase(indicator, relationOf(indicator, a, b), otherName)} (${shown})`;
}

/** Over several periods: "lower (better) than England in every year". The template names the span. */
export function compareOverPhrase(
  indicator: IndicatorResult,
  pairs: readonly { figure: Figure | undefined; other: Figure | undefined }[],
  otherName: string,
): string {
  const relations = pairs.flatMap(({ figure, other }) =>
    figure?.value == null || other?.value == null ? [] : [relationOf(indicator, figure.value, other.value)],
  );
  if (relations.length === 0) return `not comparable with ${otherName} in any year`;
  const complete = relations.length === pairs.length;
  const first = relations[0]!;
  if (relations.every((relation) => relation === first)) {
    const every = complete
      ? (['in that year', 'in both years'][pairs.length - 1] ?? 'in every year')
      : relations.length === 1
        ? 'in the only year with figures'
        : `in each of the ${relations.length} years with figures`;
    return `${relationPhrase(indicator, first, otherName)} ${every}`;
  }
  // Mixed years are counted, not judged: "lower than England in 2, higher in 1 and similar in 1 of the 4 years".
  // Among mixed years a year the same as the comparator is counted as similar.
  const counted = (['down', 'up', 'similar'] as const).flatMap((relation) => {
    const n = relations.filter((r) => r === relation || (relation === 'similar' && r === 'same')).length;
    return n === 0 ? [] : [{ relation, n }];
  });
  const parts = counted.map(({ relation, n }, i) =>
    i === 0
      ? `${relationPhrase(indicator, relation, otherName, false)} in ${n}`
      : `${RELATION_WORDS[relation]} in ${n}`,
  );
  return `${joinList(parts)} ${complete ? `of the ${pairs.length} years` : `of the ${relations.length} years with figures`}`;
}

const RELATION_WORDS: Readonly<Record<Relation, string>> = {
  down: 'lower',
  up: 'higher',
  similar: 'similar',
  same: 'the same',
};

/** "higher (worse) than England", "similar to England", "the same as England". */
function relationPhrase(indicator: IndicatorResult, relation: Relation, otherName: string, judged = true): string {
  if (relation === 'same') return `the same as ${otherName}`;
  if (relation === 'similar') return `similar to ${otherName}`;
  const judgement = judged ? judge(indicator.polarity, relation) : undefined;
  const word = RELATION_WORDS[relation];
  return `${judgement === undefined ? word : `${word} (${judgement})`} than ${otherName}`;
}

/**
 * Where the council stands among all councils, as a clause: "ranked 25th of 145 councils (quartile A,
 * the best quarter)"; for an indicator without polarity, where a higher figure is neither better nor
 * worse, "had the 45th highest figure of 148 councils". Councils with the same figure share a place.
 */
export function rankPhrase(indicator: IndicatorResult, period: Period, figure: Figure | undefined): string {
  if (!period.whole)
    return `is not ranked for ${period.label}, as other councils' figures are published for whole years only`;
  const value = figure?.value;
  if (value == null) return `is not ranked for ${period.label}, as its figure is ${formatValue(figure, indicator)}`;
  const all = indicator.councils[period.key] ?? [];
  const joint = all.filter((other) => other.value === value).length > 1 ? 'joint ' : '';
  const rank = indicator.assessments[period.key]?.rank;
  if (rank) {
    const band = QUARTER[rank.quartile];
    return `ranked ${joint}${ordinal(rank.position)} of ${formatNumber(rank.outOf)} councils (quartile ${rank.quartile}, ${band})`;
  }
  if (all.length === 0) return `is not ranked for ${period.label}, as no other council's figure is published`;
  const higher = all.filter((other) => other.value > value).length;
  const lower = all.filter((other) => other.value < value).length;
  // From whichever end is nearer: "the 3rd lowest" reads better than "the 146th highest".
  const [place, end] = higher <= lower ? [higher, 'highest'] : [lower, 'lowest'];
  return `had the ${joint}${place === 0 ? '' : `${ordinal(place + 1)} `}${end} figure of ${formatNumber(all.length)} councils`;
}

const QUARTER = { A: 'the best quarter', B: 'the second quarter', C: 'the third quarter', D: 'the worst quarter' };

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

/** How prose names a comparator: "England", "the West Midlands", "the statistical neighbour mean". */
export function comparatorName(indicator: IndicatorResult, series: SeriesName, average: 'mean' | 'median'): string {
  if (series === 'neighbours') return `the statistical neighbour ${average}`;
  return series === 'region' ? regionInProse(indicator.series.region.name) : seriesOf(indicator, series).name;
}
