/**
 * A change between two periods in words, in the grammatical forms sentences need: "rose", "has risen",
 * "having risen", "rising", "a rise", "higher". Every direction and size is computed from the figures
 * as published, so the words agree with the numbers beside them.
 */
import type { IndicatorResult } from '../indicators/types.js';
import type { Figure } from '../indicators/figures.js';
import { changeBetween } from '../indicators/assess.js';
import { difference, directionOf, type Direction } from '../indicators/compare.js';
import { changeWithUnit } from '../indicators/units.js';
import { formatNumber } from '../format.js';
import { formatValue } from './figures.js';

export interface PointInTime {
  readonly label: string;
  readonly figure: Figure | undefined;
}

/** How a change is worded: "rose" (past), "has risen" (perfect), "having risen", "rising", "a rise" (noun), "higher". */
export const CHANGE_FORMS = ['past', 'perfect', 'having', 'rising', 'noun', 'higher'] as const;
export type ChangeForm = (typeof CHANGE_FORMS)[number];

const WORDS: Readonly<Record<ChangeForm, Readonly<Record<Direction, string>>>> = {
  past: { up: 'rose', down: 'fell', same: 'was unchanged' },
  perfect: { up: 'has risen', down: 'has fallen', same: 'has not changed' },
  having: { up: 'having risen', down: 'having fallen', same: 'having not changed' },
  rising: { up: 'rising', down: 'falling', same: 'unchanged' },
  noun: { up: 'a rise', down: 'a fall', same: 'no change' },
  higher: { up: 'higher', down: 'lower', same: 'the same' },
};

// "was unchanged at 18.1% in 2014-15 and 2015-16": how each form reads when nothing moved.
const UNCHANGED: Readonly<Record<ChangeForm, string>> = {
  past: 'was unchanged at',
  perfect: 'has been unchanged at',
  having: 'having been unchanged at',
  rising: 'unchanged at',
  noun: 'no change, at',
  higher: 'the same, at',
};

// "was 18.1% in 2015-16": how each form reads of one period set against itself.
const ALONE: Readonly<Record<ChangeForm, string>> = {
  past: 'was',
  perfect: 'has been',
  having: 'having been',
  rising: 'at',
  noun: 'a figure of',
  higher: 'at',
};

/** The direction of a change as one word or phrase in the given form; undefined when a figure is missing. */
export function directionWord(
  from: Figure | undefined,
  to: Figure | undefined,
  form: ChangeForm = 'past',
): string | undefined {
  if (from?.value == null || to?.value == null) return undefined;
  return WORDS[form][directionOf(from.value, to.value)];
}

/**
 * "rose from 13.3% in 2014-15 to 17.2% in 2015-16" (or another form), with ", a rise of 29.3%" when
 * the percentage change is asked for. A period set against itself is stated once.
 */
export function changePhrase(
  indicator: IndicatorResult,
  from: PointInTime,
  to: PointInTime,
  { form = 'past', percent = false }: { readonly form?: ChangeForm; readonly percent?: boolean } = {},
): string {
  const a = from.figure?.value;
  const b = to.figure?.value;
  if (a == null || b == null) {
    const missing = a == null ? from : to;
    return `cannot be compared between ${from.label} and ${to.label} because the figure for ${missing.label} is ${formatValue(missing.figure, indicator)}`;
  }
  if (from.label === to.label) return `${ALONE[form]} ${formatValue(to.figure, indicator)} in ${to.label}`;
  const direction = directionOf(a, b);
  if (direction === 'same')
    return `${UNCHANGED[form]} ${formatValue(to.figure, indicator)} in ${from.label} and ${to.label}`;
  const span = `from ${formatValue(from.figure, indicator)} in ${from.label} to ${formatValue(to.figure, indicator)} in ${to.label}`;
  const share = percent ? percentChange(indicator, from.figure, to.figure) : undefined;
  if (form === 'noun' && share) return `${WORDS.noun[direction]} of ${share} ${span}`;
  return `${WORDS[form][direction]} ${span}${share ? `, ${WORDS.noun[direction]} of ${share}` : ''}`;
}

/** ", an improvement" or ", a deterioration" for a change, or nothing for an indicator without polarity. */
export function changeJudgementPhrase(
  indicator: IndicatorResult,
  from: Figure | undefined,
  to: Figure | undefined,
): string {
  if (from?.value == null || to?.value == null) return '';
  const { judgement } = changeBetween(
    '',
    from.value,
    to.value,
    indicator.decimals,
    indicator.polarity,
    indicator.tolerance,
  );
  if (judgement === 'similar') return `, too small a change to call better or worse (${indicator.similarWithin})`;
  return judgement === 'better' ? ', an improvement' : judgement === 'worse' ? ', a deterioration' : '';
}

/** The size of a change: "3.9 percentage points", "12.4 per 10,000". */
export function differencePhrase(indicator: IndicatorResult, from: Figure | undefined, to: Figure | undefined): string {
  if (from?.value == null || to?.value == null) return 'not available';
  return changeWithUnit(Math.abs(difference(from.value, to.value, indicator.decimals)), indicator);
}

/**
 * The change as a percentage of the earlier figure, unsigned (the direction is said in words):
 * 256 to 156 is "39.1%". Undefined when a figure is missing or the earlier one is 0.
 */
export function percentChange(
  indicator: IndicatorResult,
  from: Figure | undefined,
  to: Figure | undefined,
): string | undefined {
  if (from?.value == null || to?.value == null) return undefined;
  const { percent } = changeBetween('', from.value, to.value, indicator.decimals, 'none');
  return percent === undefined ? undefined : `${formatNumber(Math.abs(percent), 1)}%`;
}
