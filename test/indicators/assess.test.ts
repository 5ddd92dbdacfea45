/**
 * How a council's figure stands (domain primer, "Comparators"): its rank among all councils (ties share
 * the lower rank, direction by polarity, none without polarity), its quartile band A-D with A the best,
 * better / worse / similar against a comparator within a stated tolerance (higher / lower for an
 * indicator without polarity), its change from the previous period and its three-year trend.
 */
import { describe, expect, it } from 'vitest';
import {
  changeBetween,
  describeTolerance,
  parseTolerance,
  quartileOf,
  rankAmong,
  trendOver,
  verdictOf,
  type Tolerance,
  type Verdict,
} from '../../src/indicators/assess.js';
import type { Polarity } from '../../src/indicators/compare.js';

const POINT: Tolerance = { amount: 1, kind: 'points' };
const FIVE_PER_CENT: Tolerance = { amount: 5, kind: 'percent' };

describe('rankAmong', () => {
  const values = [10, 12, 12, 15];

  it('low is good: the lowest figure is first and tied councils share the better rank (1, 2, 2, 4)', () => {
    expect(rankAmong(10, values, 'low-is-good')?.position).toBe(1);
    expect(rankAmong(12, values, 'low-is-good')?.position).toBe(2);
    expect(rankAmong(15, values, 'low-is-good')?.position).toBe(4);
  });

  it('high is good: the order is reversed, ties still sharing the better rank', () => {
    expect(rankAmong(15, values, 'high-is-good')?.position).toBe(1);
    expect(rankAmong(12, values, 'high-is-good')?.position).toBe(2);
    expect(rankAmong(10, values, 'high-is-good')?.position).toBe(4);
  });

  it('counts every council with a figure in outOf and gives the quartile band of the position', () => {
    expect(rankAmong(12, values, 'low-is-good')).toEqual({ position: 2, outOf: 4, quartile: 'B' });
    expect(rankAmong(15, values, 'low-is-good')).toEqual({ position: 4, outOf: 4, quartile: 'D' });
    expect(rankAmong(15, values, 'high-is-good')).toEqual({ position: 1, outOf: 4, quartile: 'A' });
  });

  it('councils all with the same figure all rank first', () => {
    expect(rankAmong(5, [5, 5, 5, 5], 'low-is-good')).toEqual({ position: 1, outOf: 4, quartile: 'A' });
    expect(rankAmong(5, [5, 5, 5, 5], 'high-is-good')).toEqual({ position: 1, outOf: 4, quartile: 'A' });
  });

  it('does not depend on the order the councils come in', () => {
    expect(rankAmong(12, [15, 12, 10, 12], 'low-is-good')?.position).toBe(2);
    expect(rankAmong(12, [15, 12, 10, 12], 'high-is-good')?.position).toBe(2);
  });

  it('tells apart figures one decimal place apart', () => {
    expect(rankAmong(17.2, [17.1, 17.2, 17.3], 'low-is-good')?.position).toBe(2);
    expect(rankAmong(17.3, [17.1, 17.2, 17.3], 'low-is-good')?.position).toBe(3);
    expect(rankAmong(17.3, [17.1, 17.2, 17.3], 'high-is-good')?.position).toBe(1);
  });

  it('gives no rank for an indicator without polarity', () => {
    expect(rankAmong(12, values, 'none')).toBeUndefined();
  });

  it('gives no rank when no council has a figure', () => {
    expect(rankAmong(12, [], 'low-is-good')).toBeUndefined();
  });
});

describe('quartileOf', () => {
  /** Independently: the first band k (1..4) with (position - 1) / outOf < k / 4, compared as whole numbers. */
  const expected = (position: number, outOf: number) =>
    (['A', 'B', 'C', 'D'] as const)[[1, 2, 3, 4].find((k) => 4 * (position - 1) < k * outOf)! - 1];

  it('four councils: one to a band, A the best', () => {
    expect([1, 2, 3, 4].map((position) => quartileOf(position, 4))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('150 councils: A up to 38, B 39 to 75, C 76 to 113, D 114 to 150', () => {
    const at = (position: number) => quartileOf(position, 150);
    expect([1, 38].map(at)).toEqual(['A', 'A']);
    expect([39, 75].map(at)).toEqual(['B', 'B']);
    expect([76, 113].map(at)).toEqual(['C', 'C']);
    expect([114, 150].map(at)).toEqual(['D', 'D']);
  });

  it('150 councils: every position by (position - 1) / outOf < k / 4', () => {
    for (let position = 1; position <= 150; position++)
      expect(quartileOf(position, 150), `position ${position}`).toBe(expected(position, 150));
  });

  it('148 councils, as in 2012-13: 37th is A, 38th B, 74th B, 75th C, 111th C, 112th D, Blackpool 117th D', () => {
    expect(quartileOf(25, 145)).toBe('A');
    expect(quartileOf(37, 148)).toBe('A');
    expect(quartileOf(38, 148)).toBe('B');
    expect(quartileOf(74, 148)).toBe('B');
    expect(quartileOf(75, 148)).toBe('C');
    expect(quartileOf(111, 148)).toBe('C');
    expect(quartileOf(112, 148)).toBe('D');
    expect(quartileOf(117, 148)).toBe('D');
  });

  it('every count from 1 to 160 agrees with (position - 1) / outOf < k / 4; the best is always A, the last D from 4 councils', () => {
    for (let outOf = 1; outOf <= 160; outOf++) {
      for (let position = 1; position <= outOf; position++)
        expect(quartileOf(position, outOf), `${position} of ${outOf}`).toBe(expected(position, outOf));
      expect(quartileOf(1, outOf)).toBe('A');
      if (outOf >= 4) expect(quartileOf(outOf, outOf)).toBe('D');
    }
  });

  it('one council is the best of one: A', () => {
    expect(quartileOf(1, 1)).toBe('A');
  });
});

describe('verdictOf', () => {
  const cases: [value: number, comparator: number, Polarity, Tolerance, Verdict][] = [
    // Blackpool 2012-13 re-referrals against England: low is good, more than a point above.
    [27.9, 24.7, 'low-is-good', POINT, 'worse'],
    [20.7, 22.5, 'low-is-good', POINT, 'better'],
    [17.2, 17.9, 'low-is-good', POINT, 'similar'],
    [17.2, 17.2, 'low-is-good', POINT, 'similar'],
    // exactly one point apart is similar (inclusive) ...
    [17.9, 16.9, 'low-is-good', POINT, 'similar'],
    [16.9, 17.9, 'low-is-good', POINT, 'similar'],
    // ... even where binary subtraction lands just above 1 (16.1 - 15.1 = 1.0000000000000018)
    [16.1, 15.1, 'low-is-good', POINT, 'similar'],
    [15.1, 16.1, 'high-is-good', POINT, 'similar'],
    [2.2, 1.2, 'low-is-good', POINT, 'similar'],
    // ... or just below it (2.3 - 1.3 = 0.9999999999999998)
    [2.3, 1.3, 'low-is-good', POINT, 'similar'],
    // one tenth over the tolerance is judged
    [18.0, 16.9, 'low-is-good', POINT, 'worse'],
    [16.9, 18.0, 'low-is-good', POINT, 'better'],
    [18.0, 16.9, 'high-is-good', POINT, 'better'],
    [15.8, 16.9, 'high-is-good', POINT, 'worse'],
    [17.9, 16.9, 'high-is-good', POINT, 'similar'],
    // half a point, and no tolerance at all
    [16.1, 15.6, 'low-is-good', { amount: 0.5, kind: 'points' }, 'similar'],
    [16.2, 15.6, 'low-is-good', { amount: 0.5, kind: 'points' }, 'worse'],
    [17.0, 17.0, 'low-is-good', { amount: 0, kind: 'points' }, 'similar'],
    [17.1, 17.0, 'low-is-good', { amount: 0, kind: 'points' }, 'worse'],
    // a share of the comparator's figure: 5% of 100 is 5, inclusive
    [105, 100, 'low-is-good', FIVE_PER_CENT, 'similar'],
    [95, 100, 'low-is-good', FIVE_PER_CENT, 'similar'],
    [105.1, 100, 'low-is-good', FIVE_PER_CENT, 'worse'],
    [94.9, 100, 'low-is-good', FIVE_PER_CENT, 'better'],
    [105.1, 100, 'high-is-good', FIVE_PER_CENT, 'better'],
    // 5% of 22 is 1.1, and 23.1 - 22 is 1.1000000000000014 in binary
    [23.1, 22, 'low-is-good', FIVE_PER_CENT, 'similar'],
    [23.2, 22, 'low-is-good', FIVE_PER_CENT, 'worse'],
    // 5% of 2 is 0.1, and 2.1 - 2 is 0.10000000000000009
    [2.1, 2, 'high-is-good', FIVE_PER_CENT, 'similar'],
    // a comparator of 0: only 0 is within 5% of it
    [0, 0, 'low-is-good', FIVE_PER_CENT, 'similar'],
    [0.1, 0, 'low-is-good', FIVE_PER_CENT, 'worse'],
  ];

  it.each(cases)('%s against %s, %s, within %o: %s', (value, comparator, polarity, tolerance, verdict) => {
    expect(verdictOf(value, comparator, polarity, tolerance)).toBe(verdict);
  });

  describe('without polarity: higher, lower or similar, never better or worse', () => {
    const none: [value: number, comparator: number, Tolerance, Verdict][] = [
      // St Helens' S47 rate against England's, within 5% of England's figure
      [148.1, 147, FIVE_PER_CENT, 'similar'],
      [145, 157.4, FIVE_PER_CENT, 'lower'],
      [165.3, 157.4, FIVE_PER_CENT, 'higher'],
      [165.2, 157.4, FIVE_PER_CENT, 'similar'],
      [148.1, 145, POINT, 'higher'],
      [145, 148.1, POINT, 'lower'],
      [17.9, 16.9, POINT, 'similar'],
      [16.1, 15.1, POINT, 'similar'],
    ];
    it.each(none)('%s against %s within %o: %s', (value, comparator, tolerance, verdict) => {
      expect(verdictOf(value, comparator, 'none', tolerance)).toBe(verdict);
    });

    it('over a spread of figures says only higher, lower or similar', () => {
      for (const value of [0, 10, 16.9, 17.9, 18, 30, 500]) {
        expect(['higher', 'lower', 'similar']).toContain(verdictOf(value, 17, 'none', POINT));
        expect(['higher', 'lower', 'similar']).toContain(verdictOf(value, 17, 'none', FIVE_PER_CENT));
      }
    });
  });
});

describe('parseTolerance', () => {
  it.each([
    ['1 point', { amount: 1, kind: 'points' }],
    ['2 points', { amount: 2, kind: 'points' }],
    ['0.5 points', { amount: 0.5, kind: 'points' }],
    ['5%', { amount: 5, kind: 'percent' }],
    ['2.5%', { amount: 2.5, kind: 'percent' }],
    [' 1 point ', { amount: 1, kind: 'points' }],
  ] as const)('reads "%s"', (text, tolerance) => {
    expect(parseTolerance(text)).toEqual(tolerance);
  });

  it.each(['', '1', 'one point', '-1 point', '1 pt', '5 percent', '1.2.3%', 'point'])(
    'refuses "%s", quoting it',
    (text) => {
      expect(() => parseTolerance(text)).toThrow(RangeError);
      expect(() => parseTolerance(text)).toThrow(`"${text}"`);
    },
  );
});

describe('describeTolerance', () => {
  const percent = { unit: 'percent', decimals: 1 } as const;
  const rate = { unit: 'rate', decimals: 1 } as const;

  it('in percentage points for a percentage, singular only for exactly one', () => {
    expect(describeTolerance(parseTolerance('1 point'), percent)).toBe('within 1 percentage point');
    expect(describeTolerance(parseTolerance('2 points'), percent)).toBe('within 2 percentage points');
    expect(describeTolerance(parseTolerance('0.5 points'), percent)).toBe('within 0.5 percentage points');
  });

  it('per 10,000 for a rate', () => {
    expect(describeTolerance(parseTolerance('1 point'), rate)).toBe('within 1 per 10,000');
    expect(describeTolerance(parseTolerance('2.5 points'), rate)).toBe('within 2.5 per 10,000');
  });

  it("a share of the comparator's figure whatever the unit", () => {
    expect(describeTolerance(parseTolerance('5%'), rate)).toBe("within 5% of the comparator's figure");
    expect(describeTolerance(parseTolerance('5%'), percent)).toBe("within 5% of the comparator's figure");
  });
});

describe('changeBetween', () => {
  it('Walsall 2014-15 to 2015-16: 13.3% to 17.2% is up 3.9 points, 29.3 per cent, and worse (low is good)', () => {
    expect(changeBetween('2014-15', 13.3, 17.2, 1, 'low-is-good')).toEqual({
      from: '2014-15',
      difference: 3.9,
      percent: 29.3,
      direction: 'up',
      judgement: 'worse',
    });
  });

  it('computes the difference exactly, not as binary subtraction does (17.2 - 13.3 = 3.8999999999999986)', () => {
    expect(changeBetween('a', 13.3, 17.2, 1, 'none').difference).toBe(3.9);
    expect(changeBetween('a', 0.1, 0.3, 1, 'none').difference).toBe(0.2);
    expect(changeBetween('a', 17.2, 13.3, 1, 'none').difference).toBe(-3.9);
  });

  it('a fall in a low-is-good measure is better; in a high-is-good one, worse', () => {
    expect(changeBetween('a', 17.2, 13.3, 1, 'low-is-good')).toMatchObject({
      difference: -3.9,
      percent: -22.7,
      direction: 'down',
      judgement: 'better',
    });
    expect(changeBetween('a', 17.2, 13.3, 1, 'high-is-good')).toMatchObject({ direction: 'down', judgement: 'worse' });
    expect(changeBetween('a', 13.3, 17.2, 1, 'high-is-good')).toMatchObject({ direction: 'up', judgement: 'better' });
  });

  it('no change: 0, 0 per cent, the same', () => {
    expect(changeBetween('a', 17.2, 17.2, 1, 'low-is-good')).toEqual({
      from: 'a',
      difference: 0,
      percent: 0,
      direction: 'same',
      judgement: 'same',
    });
  });

  it('St Helens: an S47 rate from 145 to 148.1 is up (a rise, never "a decrease") and not judged without polarity', () => {
    const change = changeBetween('2015-16', 145, 148.1, 1, 'none');
    expect(change).toEqual({ from: '2015-16', difference: 3.1, percent: 2.1, direction: 'up' });
    expect('judgement' in change).toBe(false);
  });

  it('rounds the per cent half away from zero on the exact value: 40.0 to 40.1 is +0.25% -> 0.3', () => {
    expect(changeBetween('a', 40, 40.1, 1, 'none').percent).toBe(0.3);
    expect(changeBetween('a', 40, 39.9, 1, 'none').percent).toBe(-0.3);
    expect(changeBetween('a', 8, 9, 0, 'none').percent).toBe(12.5);
    expect(changeBetween('a', 3, 4, 0, 'none').percent).toBe(33.3);
  });

  it('from 0 there is no per cent change, only the difference', () => {
    const change = changeBetween('a', 0, 8.5, 1, 'low-is-good');
    expect(change).toEqual({ from: 'a', difference: 8.5, direction: 'up', judgement: 'worse' });
    expect('percent' in change).toBe(false);
  });

  it('to 0 is down 100 per cent', () => {
    expect(changeBetween('a', 10.4, 0, 1, 'low-is-good')).toEqual({
      from: 'a',
      difference: -10.4,
      percent: -100,
      direction: 'down',
      judgement: 'better',
    });
  });

  it('calls a change within the tolerance similar, as a comparison within it is, and one beyond it better or worse', () => {
    const point = { amount: 1, kind: 'points' } as const;
    expect(changeBetween('a', 26.0, 26.8, 1, 'low-is-good', point).judgement).toBe('similar');
    expect(changeBetween('a', 26.0, 27.0, 1, 'low-is-good', point).judgement).toBe('similar');
    expect(changeBetween('a', 26.0, 27.1, 1, 'low-is-good', point).judgement).toBe('worse');
    expect(changeBetween('a', 26.0, 26.0, 1, 'low-is-good', point).judgement).toBe('same');
    expect(changeBetween('a', 26.0, 26.8, 1, 'none', point)).not.toHaveProperty('judgement');
  });

  it('whole-number indicators: the difference in whole numbers', () => {
    expect(changeBetween('a', 58, 61, 0, 'none')).toEqual({ from: 'a', difference: 3, percent: 5.2, direction: 'up' });
  });
});

describe('trendOver', () => {
  it('the latest year against two years before, judged with the tolerance', () => {
    // Walsall: 13.8% in 2013-14, 17.2% in 2015-16: up 3.4 points, low is good
    expect(trendOver('2013-14', 13.8, 17.2, 'low-is-good', POINT)).toEqual({ from: '2013-14', verdict: 'worse' });
    expect(trendOver('2013-14', 17.2, 13.8, 'low-is-good', POINT)).toEqual({ from: '2013-14', verdict: 'better' });
    expect(trendOver('2013-14', 13.8, 17.2, 'high-is-good', POINT)).toEqual({ from: '2013-14', verdict: 'better' });
  });

  it('within the tolerance, inclusive, is similar', () => {
    expect(trendOver('2013-14', 16.9, 17.9, 'low-is-good', POINT).verdict).toBe('similar');
    expect(trendOver('2013-14', 15.1, 16.1, 'low-is-good', POINT).verdict).toBe('similar');
    expect(trendOver('2013-14', 16.9, 18.0, 'low-is-good', POINT).verdict).toBe('worse');
  });

  it('without polarity: higher or lower', () => {
    expect(trendOver('2014-15', 145, 165.3, 'none', FIVE_PER_CENT).verdict).toBe('higher');
    expect(trendOver('2014-15', 165.3, 145, 'none', FIVE_PER_CENT).verdict).toBe('lower');
    expect(trendOver('2014-15', 145, 148.1, 'none', FIVE_PER_CENT).verdict).toBe('similar');
  });
});
