/**
 * What a template helper looks up by name: an indicator, one of its periods, a comparator, a figure.
 * A name that does not exist stops the build with a TemplateUsageError, which the renderer turns into
 * a sentence naming the template and line.
 */
import type Handlebars from 'handlebars';
import * as message from '../diagnostics/messages.js';
import {
  SERIES_NAMES,
  type Figure,
  type IndicatorResult,
  type IndicatorSet,
  type SeriesName,
} from '../indicators/types.js';
import { findPeriod, type Period } from '../indicators/periods.js';
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
}

export function lookupsOf(set: IndicatorSet): Lookups {
  const fail = (options: HelperOptions, text: string): never => {
    throw new TemplateUsageError(text, options.loc?.start.line);
  };
  const series = (name: unknown, options: HelperOptions): SeriesName => {
    const found = (name ?? 'council') as SeriesName;
    return SERIES_NAMES.includes(found) ? found : fail(options, message.notAComparator(String(name), SERIES_NAMES));
  };
  return {
    fail,
    indicator: (id, options) =>
      (typeof id === 'string' && Object.hasOwn(set.indicators, id) ? set.indicators[id] : undefined) ??
      fail(options, message.noSuchIndicator(String(id), Object.keys(set.indicators))),
    period: (indicator, which, options) =>
      findPeriod(indicator.periods, which) ??
      fail(
        options,
        message.noSuchPeriod(
          indicator.id,
          String(which),
          indicator.periods.map((p) => p.label),
        ),
      ),
    area: (options) => series(options.hash.area, options),
    other: (helper, options) =>
      series(options.hash.with ?? fail(options, message.helperNeedsComparator(helper, OTHERS)), options),
    series,
    figure: (indicator, name, period) => indicator.series[name].figures[period.key],
    comparatorName: (indicator, name) => comparatorName(indicator, name, set.comparators.neighbours.average),
  };
}
