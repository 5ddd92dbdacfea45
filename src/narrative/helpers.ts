/**
 * The helpers report templates use to state figures. A template names an indicator and a period; the
 * helper looks the figures up and writes the words, so no direction or number is ever typed by hand.
 *
 *   {{value "repeat_plans" "2015-16"}}                      17.2%
 *   {{change "repeat_plans" "2014-15" "2015-16"}}          rose from 13.3% in 2014-15 to 17.2% in 2015-16
 *   {{compare "repeat_plans" "2015-16" with="england"}}    lower (better) than England (17.9%)
 *
 * Periods are written as in the tables ("2015-16", "April to August 2016") or as first, latest or
 * latest-year. An unknown indicator, period or comparator stops the build, naming the template and line.
 */
import Handlebars from 'handlebars';
import {
  SERIES_NAMES,
  type Figure,
  type IndicatorResult,
  type IndicatorSet,
  type SeriesName,
} from '../indicators/compute.js';
import { formatDate } from '../dates.js';
import { findPeriod, type Period } from '../indicators/periods.js';
import { formatNumber, joinList, plural } from '../format.js';
import {
  changeJudgementPhrase,
  comparatorName as nameOf,
  changePhrase,
  compareOverPhrase,
  comparePhrase,
  differencePhrase,
  rankPhrase,
  verdictPhrase,
} from '../wording/comparisons.js';
import { formatValue } from '../wording/figures.js';

type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };

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

export interface DiagramPlacer {
  /** The number of a diagram, assigned in order of first mention. */
  numberOf(id: string, line: number | undefined): number;
  /** The diagram's HTML, numbered. */
  render(id: string, line: number | undefined): string;
}

export function registerHelpers(hbs: typeof Handlebars, set: IndicatorSet, diagrams: DiagramPlacer): void {
  const fail = (options: HelperOptions, text: string): never => {
    throw new TemplateUsageError(text, options.loc?.start.line);
  };

  const indicatorOf = (id: unknown, options: HelperOptions): IndicatorResult => {
    const found = typeof id === 'string' && Object.hasOwn(set.indicators, id) ? set.indicators[id] : undefined;
    return (
      found ??
      fail(
        options,
        `there is no indicator "${String(id)}"; the report defines ${joinList(Object.keys(set.indicators).map((k) => `"${k}"`)) || 'none'}`,
      )
    );
  };

  const periodOf = (indicator: IndicatorResult, which: unknown, options: HelperOptions): Period => {
    const periods = indicator.periods;
    return (
      findPeriod(periods, which) ??
      fail(
        options,
        `indicator "${indicator.id}" has no period "${String(which)}"; it has ${joinList(periods.map((p) => `"${p.label}"`))}`,
      )
    );
  };

  const seriesOf = (name: unknown, options: HelperOptions): SeriesName => {
    const series = (name ?? 'council') as SeriesName;
    return SERIES_NAMES.includes(series)
      ? series
      : fail(
          options,
          `"${String(name)}" is not a comparator; use ${joinList(
            SERIES_NAMES.map((s) => `"${s}"`),
            'or',
          )}`,
        );
  };

  const comparatorName = (indicator: IndicatorResult, series: SeriesName) =>
    nameOf(indicator, series, set.comparators.neighbours.average);

  const figureOf = (indicator: IndicatorResult, series: SeriesName, period: Period): Figure | undefined =>
    indicator.series[series].figures[period.key];

  const helpers: Record<string, (...args: never[]) => unknown> = {
    value(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      return formatValue(
        figureOf(indicator, seriesOf(options.hash.area, options), periodOf(indicator, which, options)),
        indicator,
      );
    },
    count(id: unknown, which: unknown, part: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      const figure = figureOf(indicator, seriesOf(options.hash.area, options), periodOf(indicator, which, options));
      if (part !== 'numerator' && part !== 'denominator')
        fail(options, `count needs "numerator" or "denominator", not "${String(part)}"`);
      const count = figure?.[part as 'numerator' | 'denominator'];
      return count === undefined ? 'not available' : formatNumber(count);
    },
    change(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      const series = seriesOf(options.hash.area, options);
      const [a, b] = [periodOf(indicator, from, options), periodOf(indicator, to, options)];
      const [x, y] = [figureOf(indicator, series, a), figureOf(indicator, series, b)];
      const phrase = changePhrase(indicator, { label: a.label, figure: x }, { label: b.label, figure: y });
      // A part of a year is not like for like with a whole year: say so, and judge neither way.
      if (a.whole !== b.whole) return `${phrase} (part of a year, so not directly comparable)`;
      return options.hash.judge ? phrase + changeJudgementPhrase(indicator, x, y) : phrase;
    },
    difference(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      const series = seriesOf(options.hash.area, options);
      return differencePhrase(
        indicator,
        figureOf(indicator, series, periodOf(indicator, from, options)),
        figureOf(indicator, series, periodOf(indicator, to, options)),
      );
    },
    compare(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      const period = periodOf(indicator, which, options);
      const other = seriesOf(
        options.hash.with ?? fail(options, 'compare needs with="england", "region" or "neighbours"'),
        options,
      );
      return comparePhrase(
        indicator,
        figureOf(indicator, seriesOf(options.hash.area, options), period),
        figureOf(indicator, other, period),
        comparatorName(indicator, other),
      );
    },
    compareOver(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      const [a, b] = [periodOf(indicator, from, options), periodOf(indicator, to, options)];
      const other = seriesOf(
        options.hash.with ?? fail(options, 'compareOver needs with="england", "region" or "neighbours"'),
        options,
      );
      const series = seriesOf(options.hash.area, options);
      const span = indicator.periods.filter((p) => p.whole && p.end >= a.end && p.end <= b.end);
      const pairs = span.map((period) => ({
        figure: figureOf(indicator, series, period),
        other: figureOf(indicator, other, period),
      }));
      return compareOverPhrase(indicator, pairs, comparatorName(indicator, other));
    },
    rank(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      return rankPhrase(indicator.assessments[periodOf(indicator, which, options).key]?.rank);
    },
    verdict(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      const period = periodOf(indicator, which, options);
      const other = seriesOf(
        options.hash.with ?? fail(options, 'verdict needs with="england", "region" or "neighbours"'),
        options,
      );
      if (other === 'council') fail(options, 'verdict compares the council with="england", "region" or "neighbours"');
      const verdict = indicator.assessments[period.key]?.[other as Exclude<SeriesName, 'council'>];
      return verdictPhrase(indicator, verdict, figureOf(indicator, other, period), comparatorName(indicator, other));
    },
    range(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      const [a, b] = [periodOf(indicator, from, options), periodOf(indicator, to, options)];
      const series = indicator.series[seriesOf(options.hash.area, options)];
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
      const indicator = indicatorOf(id, options);
      return periodOf(indicator, which, options).label;
    },
    comparator(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = indicatorOf(id, options);
      return comparatorName(indicator, seriesOf(which, options));
    },
    number(value: unknown, options: HelperOptions) {
      return typeof value === 'number'
        ? formatNumber(value, Number(options.hash.decimals ?? 0))
        : fail(options, `number needs a number, not "${String(value)}"`);
    },
    plural(count: unknown, singular: unknown, pluralForm: unknown, options?: HelperOptions) {
      const opts = (options ?? pluralForm) as HelperOptions;
      const form = typeof pluralForm === 'string' ? pluralForm : undefined;
      // A withheld count arrives as words ("fewer than 6"), and takes the plural.
      if (typeof count === 'string' && /^fewer than \d+$/.test(count))
        return `${count} ${form ?? `${String(singular)}s`}`;
      if (typeof count !== 'number') fail(opts, `plural needs a number, not "${String(count)}"`);
      return plural(count as number, String(singular), form);
    },
    date(iso: unknown, options: HelperOptions) {
      try {
        return formatDate(String(iso));
      } catch {
        return fail(options, `date needs a date written YYYY-MM-DD or a month written YYYY-MM, not "${String(iso)}"`);
      }
    },
    diagram(id: unknown, options: HelperOptions) {
      return new Handlebars.SafeString(diagrams.render(String(id), options.loc?.start.line));
    },
    diagramRef(id: unknown, options: HelperOptions) {
      return `Diagram ${diagrams.numberOf(String(id), options.loc?.start.line)}`;
    },
  };
  for (const [name, helper] of Object.entries(helpers)) hbs.registerHelper(name, helper as Handlebars.HelperDelegate);
}

export const HELPER_NAMES = [
  'value',
  'count',
  'change',
  'difference',
  'compare',
  'compareOver',
  'verdict',
  'rank',
  'range',
  'period',
  'comparator',
  'number',
  'plural',
  'date',
  'diagram',
  'diagramRef',
] as const;
