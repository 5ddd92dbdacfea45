/**
 * The helpers report templates use to state figures. A template names an indicator and a period; the
 * helper looks the figures up and writes the words, so no direction or number is ever typed by hand.
 *
 *   {{value "repeat_plans" "2015-16"}}                      17.2%
 *   {{change "repeat_plans" "2014-15" "2015-16"}}          rose from 13.3% in 2014-15 to 17.2% in 2015-16
 *   {{compare "repeat_plans" "2015-16" with="england"}}    similar to England (17.9%)
 *
 * Periods are written as in the tables ("2015-16", "April to August 2016") or as first, latest,
 * latest-year, highest or lowest. An unknown indicator, period, comparator or option stops the build,
 * naming the template and line.
 */
import type Handlebars from 'handlebars';
import * as message from '../diagnostics/messages.js';
import { nearest } from '../diagnostics/nearest.js';
import type { IndicatorSet } from '../indicators/types.js';
import { changeHelpers } from './helpers/changes.js';
import { comparisonHelpers } from './helpers/comparisons.js';
import { figureHelpers } from './helpers/figures.js';
import { wordHelpers, type DiagramPlacer } from './helpers/words.js';
import type { Helpers } from './helpers/types.js';
import { lookupsOf, type HelperOptions, type Uses } from './lookups.js';

export type { DiagramPlacer } from './helpers/words.js';

interface HelperSpec {
  /** How it is written, for the sentence that says it was written wrongly. */
  readonly usage: string;
  /** The options (name=value) it reads; any other is refused. */
  readonly options: readonly string[];
  /** The fewest arguments it takes, when fewer than all. */
  readonly least?: number;
}

// A period named "highest" or "lowest" may be looked for within since= and until=.
const PERIOD = ['area', 'since', 'until'];

/** Every helper a template may call, how it is written and the options it takes. */
const SPECS: Readonly<Record<string, HelperSpec>> = {
  value: { usage: '{{value "indicator" "period"}}', options: PERIOD },
  count: { usage: '{{count "indicator" "period" "numerator"}}', options: PERIOD },
  range: { usage: '{{range "indicator" "from period" "to period"}}', options: ['area'] },
  period: { usage: '{{period "indicator" "latest"}}', options: PERIOD },
  comparator: { usage: '{{comparator "indicator" "england"}}', options: [] },
  change: {
    usage: '{{change "indicator" "from period" "to period"}}',
    options: [...PERIOD, 'form', 'percent', 'judge'],
  },
  direction: { usage: '{{direction "indicator" "from period" "to period"}}', options: [...PERIOD, 'form'] },
  difference: { usage: '{{difference "indicator" "from period" "to period"}}', options: PERIOD },
  percentChange: { usage: '{{percentChange "indicator" "from period" "to period"}}', options: PERIOD },
  compare: { usage: '{{compare "indicator" "period" with="england"}}', options: [...PERIOD, 'with'] },
  compareOver: {
    usage: '{{compareOver "indicator" "from period" "to period" with="england"}}',
    options: ['area', 'with'],
  },
  rank: { usage: '{{rank "indicator" "period"}}', options: ['since', 'until'] },
  verdict: { usage: '{{verdict "indicator" "period" with="england"}}', options: ['since', 'until', 'with'] },
  number: { usage: '{{number 1885 decimals=0}}', options: ['decimals'] },
  plural: { usage: '{{plural count "child" "children"}}', options: [], least: 2 },
  possessive: { usage: '{{possessive area.name}}', options: [] },
  date: { usage: '{{date "2016-10-11"}}', options: [] },
  diagram: { usage: '{{diagram "diagram id"}}', options: [] },
  diagramRef: { usage: '{{diagramRef "diagram id"}}', options: [] },
};

/** Every helper a template may call: the compiler is told them, and only them. */
export const HELPER_NAMES: readonly string[] = Object.keys(SPECS);

/** Registers every helper; returns what they look up as the templates run. */
export function registerHelpers(hbs: typeof Handlebars, set: IndicatorSet, diagrams: DiagramPlacer): Uses {
  const uses: Uses = { indicators: new Set(), series: new Set() };
  const look = lookupsOf(set, uses);
  const helpers: Helpers = {
    ...figureHelpers(look),
    ...changeHelpers(look),
    ...comparisonHelpers(look),
    ...wordHelpers(look, diagrams, SPECS.plural!.usage),
  };
  for (const [name, helper] of Object.entries(helpers)) {
    const spec = SPECS[name];
    if (!spec) throw new Error(`The helper ${name} has no usage: add it to SPECS.`);
    // Handlebars passes its options last, wherever that falls: a helper given too few or too many
    // arguments would read its options as an argument. Count them first, and say how it is used.
    const most = helper.length - 1;
    const least = spec.least ?? most;
    hbs.registerHelper(name, (...args: unknown[]) => {
      const options = args[args.length - 1] as HelperOptions;
      const given = args.length - 1;
      if (given < least || given > most) look.fail(options, message.helperArguments(name, spec.usage, given));
      checkOptions(name, spec, args.slice(0, -1), options, look.fail);
      return (helper as (...a: unknown[]) => unknown)(...args);
    });
  }
  return uses;
}

/** Options are checked before use: a misspelt one (percnt=true) would otherwise be silently ignored. */
function checkOptions(
  name: string,
  spec: HelperSpec,
  args: readonly unknown[],
  options: HelperOptions,
  fail: (options: HelperOptions, text: string) => never,
): void {
  if ((options as { fn?: unknown }).fn) fail(options, message.helperNotABlock(name, spec.usage));
  for (const option of Object.keys(options.hash)) {
    if (!spec.options.includes(option))
      fail(options, message.helperUnknownOption(name, option, spec.options, nearest(option, spec.options)));
  }
  const span = ['since', 'until'].filter((option) => option in options.hash);
  if (span.length > 0 && !args.some((arg) => arg === 'highest' || arg === 'lowest'))
    fail(options, message.helperSpanWithoutExtreme(name, span[0]!));
}
