/**
 * How the council's figure for each period stands: its rank among all councils, its verdicts against
 * each comparator within the tolerance, its change from the year before (a part of a year from the
 * same part of the year before) and its three-year trend.
 */
import { changeBetween, rankAmong, trendOver, verdictOf, type Tolerance } from './assess.js';
import { sameTimeYearBefore, type Period } from './periods.js';
import type { OtherCouncil } from './other-councils.js';
import type { Assessment, BuiltInSeries, CouncilFigure, Figure, IndicatorDefinition, SeriesName } from './types.js';

export function assessmentsOf(
  indicator: IndicatorDefinition,
  periods: readonly Period[],
  series: Record<BuiltInSeries, Record<string, Figure>> & Record<string, Record<string, Figure>>,
  councils: Readonly<Record<string, readonly CouncilFigure[]>>,
  tolerance: Tolerance,
  others: readonly OtherCouncil[],
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
      const other = series[name]?.[period.key]?.value;
      return other == null ? undefined : verdictOf(value, other, indicator.polarity, tolerance);
    };
    // A part of a year is set against the same part of the year before, never against a whole year.
    const compared = period.whole ? previous : sameTimeYearBefore(period, periods);
    const before = compared && series.council[compared.key]?.value;
    const earlier = twoBefore && series.council[twoBefore.key]?.value;
    const all = period.whole ? (councils[period.key] ?? []).map((entry) => entry.value) : [];
    const assessment: { -readonly [K in keyof Assessment]: Assessment[K] } = {};
    const rank = period.whole ? rankAmong(value, all, indicator.polarity) : undefined;
    if (rank) assessment.rank = rank;
    for (const name of ['england', 'region', 'neighbours'] as const) {
      const judged = verdict(name);
      if (judged) assessment[name] = judged;
    }
    const againstOthers = others.flatMap((other) => {
      const judged = verdict(other.code);
      return judged ? [[other.code, judged] as const] : [];
    });
    if (againstOthers.length > 0) assessment.others = Object.fromEntries(againstOthers);
    if (compared && before != null)
      assessment.change = changeBetween(compared.key, before, value, indicator.decimals, indicator.polarity, tolerance);
    if (twoBefore && earlier != null)
      assessment.trend = trendOver(twoBefore.key, earlier, value, indicator.polarity, tolerance);
    assessments[period.key] = assessment;
  }
  return assessments;
}
