/**
 * What a template helper looks up by name: an indicator, one of its periods, a comparator, a figure.
 * A name that does not exist stops the build with a TemplateUsageError, which the renderer turns into
 * a sentence naming the template and line.
 */
import type Handlebars from 'handlebars';
import * as message from '../diagnostics/messages.js';
import {
  seriesOf,
  SERIES_NAMES,
  type Figure,
  type IndicatorResult,
  type IndicatorSet,
  type SeriesName,
} from '../indicators/types.js';
import { findPeriod, type Period } from '../indicators/periods.js';
import { findSeries } from '../indicators/other-councils.js';
import { nearest } from '../diagnostics/nearest.js';
import { comparatorName } from '../wording/comparisons.js';

export type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };

/** A problem in a helper's arguments; the renderer adds the template's name. */
export class TemplateUsageError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'TemplateUsageError';
  }
}

/** The comparators a helper's with="..." may name. */
export const OTHERS = SERIES_NAMES.filter((name) => name !== 'council');

export interface Lookups {
  readonly fail: (options: HelperOptions, text: string) => never;
  readonly indicator: (id: unknown, options: HelperOptions) => IndicatorResult;
  readonly period: (indicator: IndicatorResult, which: unknown, options: HelperOptions) => Period;
  /** The series a helper's area="..." names: the council's own unless it says otherwise. */
  readonly area: (options: HelperOptions) => SeriesName;
  /** The comparator a helper's with="..." names, required. */
  readonly other: (helper: string, options: HelperOptions) => SeriesName;
  readonly series: (name: unknown, options: HelperOptions) => SeriesName;
  readonly figure: (indicator: IndicatorResult, series: SeriesName, period: Period) => Figure | undefined;
  readonly comparatorName: (indicator: IndicatorResult, series: SeriesName) => string;
  /** An option that is true or false (percent=true), false when not given. */
  readonly flag: (name: string, options: HelperOptions) => boolean;
  /** Every name with= and area= take: the standing series and the councils named as comparators. */
  readonly comparators: readonly string[];
}

/** What the helpers looked up, for the sources line: the indicators and the series the prose states. */
export interface Uses {
  readonly indicators: Set<string>;
  readonly series: Set<string>;
}

export function lookupsOf(set: IndicatorSet, uses: Uses = { indicators: new Set(), series: new Set() }): Lookups {
  const fail = (options: HelperOptions, text: string): never => {
    throw new TemplateUsageError(text, options.loc?.start.line);
  };
  const { others } = set.comparators;
  const comparators = [...SERIES_NAMES, ...others.map((o) => o.asWritten)];
  const series = (name: unknown, options: HelperOptions): SeriesName => {
    // with=330 (unquoted) arrives as a number: it means the council 330 as much as with="330" does.
    const found =
      (typeof name === 'string' || typeof name === 'number' || name === undefined
        ? findSeries(others, String(name ?? 'council'))
        : undefined) ??
      fail(options, message.notAComparator(String(name), comparators, nearest(String(name), comparators)));
    uses.series.add(found);
    return found;
  };
  const period = (indicator: IndicatorResult, which: unknown, options: HelperOptions): Period => {
    const find = (name: unknown) =>
      findPeriod(indicator.periods, name) ??
      fail(
        options,
        message.noSuchPeriod(
          indicator.id,
          String(name),
          indicator.periods.map((p) => p.label),
        ),
      );
    if (which !== 'highest' && which !== 'lowest') return find(which);
    const { since, until } = options.hash as { since?: unknown; until?: unknown };
    const span = {
      since: since === undefined ? undefined : find(since),
      until: until === undefined ? undefined : find(until),
    };
    if (span.since && span.until && span.since.start > span.until.start)
      fail(options, message.spanBackwards(span.since.label, span.until.label));
    const area = series(options.hash.area, options);
    return (
      extremeOf(indicator.periods, seriesOf(indicator, area).figures, which, span) ??
      fail(options, message.noExtreme(indicator.id, which, seriesOf(indicator, area).name))
    );
  };
  return {
    fail,
    indicator: (id, options) => {
      const found =
        (typeof id === 'string' && Object.hasOwn(set.indicators, id) ? set.indicators[id] : undefined) ??
        fail(options, message.noSuchIndicator(String(id), Object.keys(set.indicators)));
      uses.indicators.add(found.id);
      return found;
    },
    period,
    area: (options) => series(options.hash.area, options),
    other: (helper, options) =>
      series(options.hash.with ?? fail(options, message.helperNeedsComparator(helper, OTHERS)), options),
    series,
    figure: (indicator, name, period) => seriesOf(indicator, name).figures[period.key],
    comparatorName: (indicator, name) => comparatorName(indicator, name, set.comparators.neighbours.average),
    comparators,
    flag: (name, options) => {
      const given: unknown = options.hash[name] ?? false;
      return typeof given === 'boolean' ? given : fail(options, message.helperFlag(name, String(given)));
    },
  };
}

/**
 * The period with the highest or lowest figure, the earliest if several share it: over whole years when
 * the span has any, otherwise over its months or parts of years (a part year's count is not like a year's).
 */
export function extremeOf(
  periods: readonly Period[],
  figures: Readonly<Record<string, Figure>>,
  which: 'highest' | 'lowest',
  { since, until }: { readonly since?: Period; readonly until?: Period },
): Period | undefined {
  const inSpan = periods.filter(
    (p) => figures[p.key]?.value != null && (!since || p.start >= since.start) && (!until || p.end <= until.end),
  );
  const whole = inSpan.filter((p) => p.whole);
  let best: Period | undefined;
  for (const p of whole.length > 0 ? whole : inSpan) {
    const [value, bestValue] = [figures[p.key]!.value!, best && figures[best.key]!.value!];
    if (bestValue === undefined || (which === 'highest' ? value > bestValue : value < bestValue)) best = p;
  }
  return best;
}
