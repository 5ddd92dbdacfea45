/**
 * How a council's figure stands: its rank among all councils, its quartile band, whether it is better,
 * worse or similar to a comparator, and how it has moved. Everything is computed from figures as
 * published (rounded), so the words always agree with the numbers a reader sees.
 */
import { difference, directionOf, judge, type Direction, type Polarity } from './compare.js';
import { roundRatio, toScaled } from './round.js';
import { changeWithUnit, type Unit } from './units.js';

/** Better or worse for an indicator with a polarity; higher or lower for one without; similar within a tolerance. */
export type Verdict = 'better' | 'worse' | 'similar' | 'higher' | 'lower';

export interface Tolerance {
  readonly amount: number;
  /** "points": in the indicator's own unit; "percent": a share of the comparator's figure. */
  readonly kind: 'points' | 'percent';
}

// The one grammar of a tolerance, for the schemas and for judging: "1 point", "0.5 points", "5%".
const TOLERANCE = /^(\d+(?:\.\d+)?)\s*(points?|%)$/;

export function isTolerance(text: string): boolean {
  return TOLERANCE.test(text.trim());
}

/** "1 point" -> 1 point; "5%" -> 5 per cent of the comparator. */
export function parseTolerance(text: string): Tolerance {
  const match = TOLERANCE.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a tolerance such as "1 point" or "5%"`);
  return { amount: Number(match[1]), kind: match[2] === '%' ? 'percent' : 'points' };
}

/** As the report states it: "within 1 percentage point", "within 5% of the comparator's figure". */
export function describeTolerance(tolerance: Tolerance, unit: Unit): string {
  if (tolerance.kind === 'percent') return `within ${tolerance.amount}% of the comparator's figure`;
  return `within ${changeWithUnit(tolerance.amount, { ...unit, decimals: decimalsOf(tolerance.amount) })}`;
}

function decimalsOf(amount: number): number {
  return (String(amount).split('.')[1] ?? '').length;
}

/** The council's figure against a comparator's: similar when the gap is within the tolerance (inclusive). */
export function verdictOf(value: number, comparator: number, polarity: Polarity, tolerance: Tolerance): Verdict {
  const gap = Math.abs(value - comparator);
  const allowed = tolerance.kind === 'points' ? tolerance.amount : (Math.abs(comparator) * tolerance.amount) / 100;
  // A tiny allowance for binary fractions: 16.1 - 15.1 is 1.0000000000000018, and means exactly 1.
  if (gap <= allowed + 1e-9) return 'similar';
  const direction = directionOf(comparator, value);
  const judgement = judge(polarity, direction);
  return judgement === undefined
    ? direction === 'up'
      ? 'higher'
      : 'lower'
    : judgement === 'same'
      ? 'similar'
      : judgement;
}

export interface Rank {
  /** 1 is the best; councils with the same figure share the better (lower) rank: 1, 2, 2, 4. */
  readonly position: number;
  readonly outOf: number;
  /** A is the best quarter, D the worst. */
  readonly quartile: 'A' | 'B' | 'C' | 'D';
}

/** The council's rank among all councils with a figure; none for an indicator without polarity. */
export function rankAmong(value: number, all: readonly number[], polarity: Polarity): Rank | undefined {
  if (polarity === 'none' || all.length === 0) return undefined;
  const better = all.filter((other) => (polarity === 'low-is-good' ? other < value : other > value)).length;
  const position = better + 1;
  return { position, outOf: all.length, quartile: quartileOf(position, all.length) };
}

/**
 * The quarter a rank falls in, counting the councils ranked above it: fewer than a quarter of them
 * above is A, fewer than half B, and so on. The best council is always in A, however few there are.
 */
export function quartileOf(position: number, outOf: number): Rank['quartile'] {
  const bands = ['A', 'B', 'C', 'D'] as const;
  // (position - 1) / outOf < (k + 1) / 4, in whole numbers
  return bands[Math.min(3, Math.floor((4 * (position - 1)) / outOf))]!;
}

export interface Change {
  /** The key of the period compared with. */
  readonly from: string;
  /** In the indicator's unit, between the figures as published. */
  readonly difference: number;
  /** The difference as a percentage of the earlier figure, to 1 place; absent when that was 0. */
  readonly percent?: number;
  readonly direction: Direction;
  /**
   * Better or worse by the indicator's polarity; "similar" for a change within the indicator's tolerance,
   * as a comparison within it is; absent for an indicator without polarity.
   */
  readonly judgement?: 'better' | 'worse' | 'same' | 'similar';
}

export function changeBetween(
  fromKey: string,
  from: number,
  to: number,
  decimals: number,
  polarity: Polarity,
  tolerance?: Tolerance,
): Change {
  const direction = directionOf(from, to);
  const judged = judge(polarity, direction);
  const judgement =
    judged && judged !== 'same' && tolerance && verdictOf(to, from, polarity, tolerance) === 'similar'
      ? 'similar'
      : judged;
  const change = difference(from, to, decimals);
  const percent =
    from === 0
      ? undefined
      : roundRatio((toScaled(to, decimals) - toScaled(from, decimals)) * 100n, toScaled(from, decimals), 1);
  return {
    from: fromKey,
    difference: change,
    ...(percent !== undefined && { percent }),
    direction,
    ...(judgement && { judgement }),
  };
}

/** The three-year trend: the latest year against two years before, judged with the tolerance. */
export function trendOver(
  fromKey: string,
  from: number,
  to: number,
  polarity: Polarity,
  tolerance: Tolerance,
): { readonly from: string; readonly verdict: Verdict } {
  return { from: fromKey, verdict: verdictOf(to, from, polarity, tolerance) };
}
