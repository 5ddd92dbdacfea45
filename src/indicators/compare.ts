/**
 * Direction and judgement, computed from the figures as published (rounded), so that what the prose
 * says always matches the numbers the reader sees. Polarity decides whether a direction is better or
 * worse; an indicator without polarity is only ever higher or lower.
 */

import { toScaled } from './round.js';

export type Polarity = 'low-is-good' | 'high-is-good' | 'none';
export type Direction = 'up' | 'down' | 'same';
export type Judgement = 'better' | 'worse' | 'same';

export function directionOf(from: number, to: number): Direction {
  return to > from ? 'up' : to < from ? 'down' : 'same';
}

/** Better, worse or the same; undefined when the indicator has no polarity. */
export function judge(polarity: Polarity, direction: Direction): Judgement | undefined {
  if (polarity === 'none') return undefined;
  if (direction === 'same') return 'same';
  const rising = direction === 'up';
  return rising === (polarity === 'high-is-good') ? 'better' : 'worse';
}

/** The change between two published figures, exactly, to the indicator's decimal places. */
export function difference(from: number, to: number, decimals: number): number {
  return Number(toScaled(to, decimals) - toScaled(from, decimals)) / 10 ** decimals;
}
