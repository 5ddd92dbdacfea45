/** Two figures of one series over time: change (in any sentence form), direction, difference, percentChange. */
import * as message from '../../diagnostics/messages.js';
import { byEndDate, type Period } from '../../indicators/periods.js';
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
    // A change runs forward in time: "fell from July to May" is a template's mistake, not a finding.
    if (byEndDate(a, b) > 0) look.fail(options, message.changeBackwards(a.label, b.label));
    return { indicator, a, b, x: look.figure(indicator, series, a), y: look.figure(indicator, series, b) };
  };
  // "higher" is a direction's word alone ("it was higher than"); a whole change reads "rose from ... to ...".
  const form = (options: HelperOptions, forms: readonly ChangeForm[] = CHANGE_FORMS): ChangeForm => {
    const asked = options.hash.form ?? 'past';
    return forms.includes(asked as ChangeForm)
      ? (asked as ChangeForm)
      : look.fail(options, message.helperChoice('form', String(asked), forms));
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
          form: form(
            options,
            CHANGE_FORMS.filter((f) => f !== 'higher'),
          ),
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
