/** A figure set beside a comparator's: compare, compareOver, verdict; and its rank among all councils. */
import * as message from '../../diagnostics/messages.js';
import { isBuiltInSeries, type BuiltInSeries } from '../../indicators/types.js';
import { compareOverPhrase, comparePhrase, rankPhrase, verdictPhrase } from '../../wording/comparisons.js';
import type { HelperOptions, Lookups } from '../lookups.js';
import type { Helpers } from './types.js';

export function comparisonHelpers(look: Lookups): Helpers {
  return {
    compare(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const period = look.period(indicator, which, options);
      const other = look.other('compare', options);
      return comparePhrase(
        indicator,
        look.figure(indicator, look.area(options), period),
        look.figure(indicator, other, period),
        look.comparatorName(indicator, other),
      );
    },
    compareOver(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const [a, b] = [look.period(indicator, from, options), look.period(indicator, to, options)];
      const other = look.other('compareOver', options);
      const series = look.area(options);
      const span = indicator.periods.filter((p) => p.whole && p.end >= a.end && p.end <= b.end);
      const pairs = span.map((period) => ({
        figure: look.figure(indicator, series, period),
        other: look.figure(indicator, other, period),
      }));
      return compareOverPhrase(indicator, pairs, look.comparatorName(indicator, other));
    },
    rank(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const period = look.period(indicator, which, options);
      return rankPhrase(indicator, period, look.figure(indicator, 'council', period));
    },
    verdict(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const period = look.period(indicator, which, options);
      const other = look.other('verdict', options);
      if (other === 'council')
        look.fail(options, message.verdictOfCouncil(look.comparators.filter((c) => c !== 'council')));
      const assessment = indicator.assessments[period.key];
      const verdict = isBuiltInSeries(other)
        ? assessment?.[other as Exclude<BuiltInSeries, 'council'>]
        : assessment?.others?.[other];
      return verdictPhrase(
        indicator,
        verdict,
        look.figure(indicator, other, period),
        look.comparatorName(indicator, other),
      );
    },
  };
}
