/** One figure, or its parts: value, count, range, period, comparator. */
import * as message from '../../diagnostics/messages.js';
import { seriesOf } from '../../indicators/types.js';
import { formatNumber } from '../../format.js';
import { byEndDate } from '../../indicators/periods.js';
import { formatValue } from '../../wording/figures.js';
import type { HelperOptions, Lookups } from '../lookups.js';
import type { Helpers } from './types.js';

export function figureHelpers(look: Lookups): Helpers {
  return {
    value(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const area = look.area(options);
      return formatValue(look.figure(indicator, area, look.period(indicator, which, options)), indicator);
    },
    count(id: unknown, which: unknown, part: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const figure = look.figure(indicator, look.area(options), look.period(indicator, which, options));
      if (part !== 'numerator' && part !== 'denominator') look.fail(options, message.countPart(String(part)));
      const count = figure?.[part as 'numerator' | 'denominator'];
      // A count withheld with its figure says why, as the figure does ("not published (suppressed)").
      if (count === undefined)
        return figure?.symbol ? formatValue({ value: null, symbol: figure.symbol }, indicator) : 'not available';
      return formatNumber(count);
    },
    range(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      // Either way round: "between 13.3% and 17.2%" says the same of a span written backwards.
      const [x, y] = [look.period(indicator, from, options), look.period(indicator, to, options)];
      const [a, b] = byEndDate(x, y) <= 0 ? [x, y] : [y, x];
      const series = seriesOf(indicator, look.area(options));
      const figures = indicator.periods
        .filter((p) => p.end >= a.end && p.end <= b.end)
        .flatMap((p) => (series.figures[p.key]?.value == null ? [] : [series.figures[p.key]!]));
      if (figures.length === 0) return 'not available';
      const sorted = [...figures].sort((x, y) => x.value! - y.value!);
      const [low, high] = [sorted[0]!, sorted[sorted.length - 1]!];
      return low.value === high.value
        ? `${formatValue(low, indicator)} throughout`
        : `between ${formatValue(low, indicator)} and ${formatValue(high, indicator)}`;
    },
    period(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      return look.period(indicator, which, options).label;
    },
    comparator(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      return look.comparatorName(indicator, look.series(which, options));
    },
  };
}
