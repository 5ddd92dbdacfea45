/**
 * Direction and judgement: polarity decides better or worse; an indicator without polarity is only
 * ever higher or lower (domain primer, "Polarity drives wording").
 */
import { describe, expect, it } from 'vitest';
import { difference, directionOf, judge, type Direction, type Polarity } from '../../src/indicators/compare.js';

describe('directionOf', () => {
  it('says up when the second figure is higher', () => {
    expect(directionOf(13.3, 17.2)).toBe('up');
  });

  it('says down when the second figure is lower', () => {
    expect(directionOf(17.2, 13.3)).toBe('down');
  });

  it('says same for equal figures', () => {
    expect(directionOf(17.2, 17.2)).toBe('same');
    expect(directionOf(0, 0)).toBe('same');
  });

  it('St Helens: an S47 rate going from 145 to 148.1 is a rise', () => {
    expect(directionOf(145, 148.1)).toBe('up');
  });

  it('sees a change in the last decimal place', () => {
    expect(directionOf(17.8, 17.9)).toBe('up');
    expect(directionOf(-0.1, -0.2)).toBe('down');
  });
});

describe('judge', () => {
  const cases: [Polarity, Direction, 'better' | 'worse' | 'same' | undefined][] = [
    ['low-is-good', 'up', 'worse'],
    ['low-is-good', 'down', 'better'],
    ['low-is-good', 'same', 'same'],
    ['high-is-good', 'up', 'better'],
    ['high-is-good', 'down', 'worse'],
    ['high-is-good', 'same', 'same'],
    ['none', 'up', undefined],
    ['none', 'down', undefined],
    ['none', 'same', undefined],
  ];
  it.each(cases)('%s, %s -> %s', (polarity, direction, expected) => {
    expect(judge(polarity, direction)).toBe(expected);
  });

  it('a rise in repeat plans (low is good) is worse', () => {
    expect(judge('low-is-good', directionOf(13.3, 17.2))).toBe('worse');
  });
});

describe('difference', () => {
  it("is the change to the indicator's decimal places, free of floating point noise", () => {
    // 17.2 - 13.3 is 3.8999999999999986 in floating point.
    expect(difference(13.3, 17.2, 1)).toBe(3.9);
    expect(difference(145, 148.1, 1)).toBe(3.1);
    expect(difference(0.1, 0.3, 1)).toBe(0.2);
  });

  it('is negative for a fall', () => {
    expect(difference(17.2, 13.3, 1)).toBe(-3.9);
    expect(difference(148.1, 145, 1)).toBe(-3.1);
  });

  it('is zero for no change', () => {
    expect(difference(17.9, 17.9, 1)).toBe(0);
  });

  it('works for whole-number indicators', () => {
    expect(difference(40, 41, 0)).toBe(1);
    expect(difference(67, 59, 0)).toBe(-8);
  });

  it('works to two places', () => {
    expect(difference(1.01, 1.1, 2)).toBe(0.09);
  });
});
