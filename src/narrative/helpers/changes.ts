/** Two figures of one series over time: change (in any sentence form), direction, difference, percentChange. */
import * as message from '../../diagnostics/messages.js';
import type { Period } from '../../indicators/periods.js';
import {
  CHANGE_FORMS,
  changeJudgementPhrase,
  changePhrase,
  differencePhrase,
  directionWord,
  percentChange,
  type ChangeForm,
} from '../../wording/changes.js';
import type { HelperOptions, Lookups } from '../lookups.js';
import type { Helpers } from './types.js';

export function changeHelpers(look: Lookups): Helpers {
  /** The two periods and their figures, of the series area= names. */
  const between = (id: unknown, from: unknown, to: unknown, options: HelperOptions) => {
    const indicator = look.indicator(id, options);
    const series = look.area(options);
    const [a, b] = [look.period(indicator, from, options), look.period(indicator, to, options)];
    return { indicator, a, b, x: look.figure(indicator, series, a), y: look.figure(indicator, series, b) };
  };
  const form = (options: HelperOptions): ChangeForm => {
    const asked = options.hash.form ?? 'past';
    return CHANGE_FORMS.includes(asked as ChangeForm)
      ? (asked as ChangeForm)
      : look.fail(options, message.helperChoice('form', String(asked), CHANGE_FORMS));
  };
  return {
    change(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const { indicator, a, b, x, y } = between(id, from, to, options);
      const percent = look.flag('percent', options);
      const phrase = changePhrase(
        indicator,
        { label: a.label, figure: x },
        { label: b.label, figure: y },
        {
          form: form(options),
          percent,
        },
      );
      // A part of a year is not like for like with a whole year: say so, and judge neither way.
      if (!likeForLike(a, b)) return `${phrase} (part of a year, so not directly comparable)`;
      return look.flag('judge', options) ? phrase + changeJudgementPhrase(indicator, x, y) : phrase;
    },
    direction(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const { x, y } = between(id, from, to, options);
      return directionWord(x, y, form(options)) ?? 'not available';
    },
    difference(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const { indicator, x, y } = between(id, from, to, options);
      return differencePhrase(indicator, x, y);
    },
    percentChange(id: unknown, from: unknown, to: unknown, options: HelperOptions) {
      const { indicator, x, y } = between(id, from, to, options);
      return percentChange(indicator, x, y) ?? 'not available';
    },
  };
}

function likeForLike(a: Period, b: Period): boolean {
  return a.whole === b.whole;
}
