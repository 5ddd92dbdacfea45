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
import { formatDate } from '../dates.js';
import * as message from '../diagnostics/messages.js';
import type { IndicatorSet, SeriesName } from '../indicators/types.js';
import { formatNumber, plural } from '../format.js';
import { byEndDate } from '../indicators/periods.js';
import {
  changeJudgementPhrase,
  changePhrase,
  compareOverPhrase,
  comparePhrase,
  differencePhrase,
  rankPhrase,
  verdictPhrase,
} from '../wording/comparisons.js';
import { formatValue } from '../wording/figures.js';
import { lookupsOf, OTHERS, type HelperOptions, type Lookups } from './lookups.js';

export interface DiagramPlacer {
  /** The number of a diagram, assigned in order of first mention. */
  numberOf(id: string, line: number | undefined): number;
  /** The diagram's HTML, numbered. */
  render(id: string, line: number | undefined): string;
}

type Helpers = Record<string, (...args: never[]) => unknown>;

export function registerHelpers(hbs: typeof Handlebars, set: IndicatorSet, diagrams: DiagramPlacer): void {
  const look = lookupsOf(set);
  const helpers: Helpers = { ...figureHelpers(look), ...comparisonHelpers(look), ...wordHelpers(look, diagrams) };
  for (const [name, helper] of Object.entries(helpers)) {
    // Handlebars passes its options last, wherever that falls: a helper given too few or too many
    // arguments would read its options as an argument. Count them first, and say how it is used.
    const most = helper.length - 1;
    const least = name === 'plural' ? 2 : most;
    hbs.registerHelper(name, (...args: unknown[]) => {
      const options = args[args.length - 1] as HelperOptions;
      const given = args.length - 1;
      if (given < least || given > most) look.fail(options, message.helperArguments(name, USAGE[name] ?? name, given));
      return (helper as (...a: unknown[]) => unknown)(...args);
    });
  }
}

/** How each helper is written, for the sentence that says it was written wrongly. */
const USAGE: Readonly<Record<string, string>> = {
  value: '{{value "indicator" "period"}}',
  count: '{{count "indicator" "period" "numerator"}}',
  range: '{{range "indicator" "from period" "to period"}}',
  period: '{{period "indicator" "latest"}}',
  comparator: '{{comparator "indicator" "england"}}',
  change: '{{change "indicator" "from period" "to period"}}',
  difference: '{{difference "indicator" "from period" "to period"}}',
  compare: '{{compare "indicator" "period" with="england"}}',
  compareOver: '{{compareOver "indicator" "from period" "to period" with="england"}}',
  rank: '{{rank "indicator" "period"}}',
  verdict: '{{verdict "indicator" "period" with="england"}}',
  number: '{{number 1885 decimals=0}}',
  plural: '{{plural count "child" "children"}}',
  date: '{{date "2016-10-11"}}',
  diagram: '{{diagram "diagram id"}}',
  diagramRef: '{{diagramRef "diagram id"}}',
};

/** One figure, or its parts: value, count, range, period, comparator. */
function figureHelpers(look: Lookups): Helpers {
  return {
    value(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      return formatValue(look.figure(indicator, look.area(options), look.period(indicator, which, options)), indicator);
    },
    count(id: unknown, which: unknown, part: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const figure = look.figure(indicator, look.area(options), look.period(indicator, which, options));
      if (part !== 'numerator' && part !== 'denominator') look.fail(options, message.countPart(String(part)));
      const count = figure?.[part as 'numerator' | 'denominator'];
      return count === undefined ? 'not available' : formatNumber(count);
    },
    range(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      // Either way round: "between 13.3% and 17.2%" says the same of a span written backwards.
      const [x, y] = [look.period(indicator, from, options), look.period(indicator, to, options)];
      const [a, b] = byEndDate(x, y) <= 0 ? [x, y] : [y, x];
      const series = indicator.series[look.area(options)];
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

/** Two figures set side by side: over time (change, difference) or against a comparator. */
function comparisonHelpers(look: Lookups): Helpers {
  return {
    change(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const series = look.area(options);
      const [a, b] = [look.period(indicator, from, options), look.period(indicator, to, options)];
      const [x, y] = [look.figure(indicator, series, a), look.figure(indicator, series, b)];
      const phrase = changePhrase(indicator, { label: a.label, figure: x }, { label: b.label, figure: y });
      // A part of a year is not like for like with a whole year: say so, and judge neither way.
      if (a.whole !== b.whole) return `${phrase} (part of a year, so not directly comparable)`;
      return options.hash.judge ? phrase + changeJudgementPhrase(indicator, x, y) : phrase;
    },
    difference(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const series = look.area(options);
      return differencePhrase(
        indicator,
        look.figure(indicator, series, look.period(indicator, from, options)),
        look.figure(indicator, series, look.period(indicator, to, options)),
      );
    },
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
      return rankPhrase(indicator.assessments[look.period(indicator, which, options).key]?.rank);
    },
    verdict(id: unknown, which: unknown, options: HelperOptions) {
      const indicator = look.indicator(id, options);
      const period = look.period(indicator, which, options);
      const other = look.other('verdict', options);
      if (other === 'council') look.fail(options, message.verdictOfCouncil(OTHERS));
      const verdict = indicator.assessments[period.key]?.[other as Exclude<SeriesName, 'council'>];
      return verdictPhrase(
        indicator,
        verdict,
        look.figure(indicator, other, period),
        look.comparatorName(indicator, other),
      );
    },
  };
}

/** Words without an indicator: numbers, plurals, dates, and diagrams placed or referred to. */
function wordHelpers(look: Lookups, diagrams: DiagramPlacer): Helpers {
  return {
    number(value: unknown, options: HelperOptions) {
      const decimals = options.hash.decimals ?? 0;
      if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
        look.fail(options, message.helperDecimals(String(decimals)));
      return typeof value === 'number'
        ? formatNumber(value, decimals as number)
        : look.fail(options, message.helperNeedsNumber('number', String(value)));
    },
    plural(count: unknown, singular: unknown, pluralForm: unknown, options?: HelperOptions) {
      const opts = (options ?? pluralForm) as HelperOptions;
      const form = typeof pluralForm === 'string' ? pluralForm : undefined;
      // A withheld count arrives as words ("fewer than 6"), and takes the plural.
      if (typeof count === 'string' && /^fewer than \d+$/.test(count))
        return `${count} ${form ?? `${String(singular)}s`}`;
      if (typeof count !== 'number') look.fail(opts, message.helperNeedsNumber('plural', String(count)));
      if (typeof singular !== 'string' || (pluralForm !== opts && typeof pluralForm !== 'string'))
        look.fail(opts, message.helperArguments('plural', USAGE.plural!, 3));
      return plural(count as number, String(singular), form);
    },
    date(iso: unknown, options: HelperOptions) {
      try {
        return formatDate(String(iso));
      } catch {
        return look.fail(options, message.helperNeedsDate(String(iso)));
      }
    },
    diagram(id: unknown, options: HelperOptions) {
      return new Handlebars.SafeString(diagrams.render(String(id), options.loc?.start.line));
    },
    diagramRef(id: unknown, options: HelperOptions) {
      return `Diagram ${diagrams.numberOf(String(id), options.loc?.start.line)}`;
    },
  };
}

/** Every helper a template may call: the compiler is told them, and only them. */
export const HELPER_NAMES: readonly string[] = Object.keys(USAGE);
