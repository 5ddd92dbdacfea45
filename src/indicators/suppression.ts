/**
 * Disclosure control for the council's own (local) counts in a report that will be made public.
 *
 * DfE's published children's data withholds small counts, writing "c" in their place, so that no child
 * can be identified. A count from 1 to the threshold (5 in DfE practice) is "disclosive". Zero is not:
 * DfE shows zeros, because "none" describes no child. Withholding a count alone is not enough when a
 * total is shown beside it, since the total minus the counts still shown gives it back; a second count
 * is then withheld as well (secondary suppression).
 *
 * These functions are pure: they decide what to withhold and never change their arguments. A withheld
 * figure has no value (null) and the symbol "c", never a zero in place of the value.
 */
import type { Figure } from './figures.js';

export interface SuppressionRule {
  /** Counts from 1 to this many, inclusive, are withheld. Callers use 5, as DfE does. Zero is never withheld. */
  readonly threshold: number;
}

/** True for a count of children small enough to identify them: 1 to the threshold, inclusive. Zero is not. */
export function isDisclosive(count: number, rule: SuppressionRule): boolean {
  checkRule(rule);
  checkCount(count, 'count');
  return count >= 1 && count <= rule.threshold;
}

/**
 * Which counts of a group to withhold, in the order given (true = withhold).
 *
 * The counts are the parts of one group (the children in each category, say) and `total` is the group's
 * total when the report shows it, or undefined when it does not. The rule, in plain English:
 *
 * 1. Primary: every disclosive count (1 to the threshold) is withheld.
 * 2. Secondary: if exactly one count is withheld and the total is shown, a reader could get that count
 *    back by taking the other counts from the total. So one more count is withheld: the smallest of the
 *    other counts that is not zero (the first of them if several are equally small). Withholding the
 *    smallest gives away least. A zero is never withheld, here or anywhere: zeros are shown, as DfE
 *    shows them. (If every other count is zero the total equals the withheld count, so the total is
 *    disclosive and point 5 applies.)
 * 3. If two or more counts are already withheld, nothing more is: no single one of them can be worked
 *    out from the total (only their sum can be).
 * 4. If no total is shown, nothing can be worked out by subtraction, so there is no secondary suppression.
 * 5. If the total itself is disclosive, every count that is not zero is withheld; the caller withholds
 *    the total too (isDisclosive(total, rule)).
 *
 * Counts that do not add up to the total (parts that overlap, or a remainder not shown) are handled by
 * the same rule, which then withholds at least as much as it needs to. The rule looks at one group at a
 * time: a table whose rows and columns both have totals needs each row and column checked, and counts
 * withheld in one may need others withheld in the next.
 */
export function suppressGroup(counts: readonly number[], total: number | undefined, rule: SuppressionRule): boolean[] {
  checkRule(rule);
  counts.forEach((count, index) => checkCount(count, `count ${index + 1}`));
  if (total !== undefined) checkCount(total, 'total');

  if (total !== undefined && isDisclosive(total, rule)) return counts.map((count) => count !== 0);

  const withheld = counts.map((count) => isDisclosive(count, rule));
  const primary = withheld.filter(Boolean).length;
  if (total === undefined || primary !== 1) return withheld;

  let smallest: number | undefined;
  counts.forEach((count, index) => {
    if (withheld[index] || count === 0) return;
    if (smallest === undefined || count < counts[smallest]!) smallest = index;
  });
  if (smallest !== undefined) withheld[smallest] = true;
  return withheld;
}

/**
 * What to withhold of a percentage or rate and the two counts it is made from (true = withhold).
 *
 * - A disclosive numerator is withheld, and so is the value: the value and the denominator together give
 *   the numerator back (p% of n is p * n / 100), and the denominator is normally shown.
 * - The denominator shown on its own says nothing about the numerator beyond "between 0 and it", so it
 *   stays shown even when the numerator is withheld. Only the denominator's own size matters: a
 *   disclosive denominator is withheld, and the value with it (the value and the numerator would give it
 *   back, and a percentage of 1 to 5 children is itself a statement about those few children).
 * - What is not counted (denominator minus numerator) is never shown by this figure, so it cannot be
 *   used to work out a withheld count. This rule, like DfE's tables, does not withhold a figure because
 *   that remainder is small (255 of 259 is shown).
 * - A numerator of zero is shown, as DfE shows zeros.
 */
export function suppressRatio(
  numerator: number,
  denominator: number,
  rule: SuppressionRule,
): { numerator: boolean; denominator: boolean; value: boolean } {
  const numeratorWithheld = isDisclosive(numerator, rule);
  const denominatorWithheld = isDisclosive(denominator, rule);
  return {
    numerator: numeratorWithheld,
    denominator: denominatorWithheld,
    value: numeratorWithheld || denominatorWithheld,
  };
}

/**
 * The figure as a public report may show it: when its counts say so (see suppressRatio), a new figure
 * with no value, the symbol "c" and the disclosive counts left out; otherwise the same figure. A figure
 * without counts (one DfE published, an average of neighbours) is returned as it is, and so is one whose
 * counts disclose nothing. Never changes its argument.
 */
export function suppressFigure(figure: Figure, rule: SuppressionRule): Figure {
  checkRule(rule);
  const numerator = figure.numerator !== undefined && isDisclosive(figure.numerator, rule);
  const denominator = figure.denominator !== undefined && isDisclosive(figure.denominator, rule);
  if (!numerator && !denominator) return figure;
  const { numerator: n, denominator: d, value: _value, symbol: _symbol, ...rest } = figure;
  return {
    ...rest,
    value: null,
    symbol: 'c',
    ...(!numerator && n !== undefined && { numerator: n }),
    ...(!denominator && d !== undefined && { denominator: d }),
  };
}

function checkRule(rule: SuppressionRule): void {
  if (!Number.isInteger(rule.threshold) || rule.threshold < 0) {
    throw new RangeError(`Suppression threshold must be a whole number of 0 or more, not ${rule.threshold}.`);
  }
}

function checkCount(count: number, name: string): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`Suppression: ${name} must be a whole number of 0 or more, not ${count}.`);
  }
}
