/**
 * Rounding rules from the domain primer: round half up (away from zero, as Excel's ROUND and DfE's
 * tables do) on the EXACT value of a ratio of whole numbers. The halfway cases below are the ones
 * binary floating point gets wrong when the division is done naively; each such case checks first that
 * the naive computation really does go wrong, so the case keeps its teeth.
 */
import { describe, expect, it } from 'vitest';
import { meanOf, medianOf, percentage, ratePer, roundRatio, toScaled } from '../../src/indicators/round.js';

/** What a careless implementation would do: divide in floating point, then Math.round. */
const naive = (numerator: number, denominator: number, decimals: number) =>
  Math.round((numerator / denominator) * 10 ** decimals) / 10 ** decimals;

describe('roundRatio: half up on the exact value', () => {
  it('rounds 169/4 = 42.25 up to 42.3 at 1 dp', () => {
    expect(roundRatio(169, 4, 1)).toBe(42.3);
  });

  it('rounds 845/2000 * 100 = 42.25 up to 42.3 at 1 dp', () => {
    expect(roundRatio(845 * 100, 2000, 1)).toBe(42.3);
    expect(percentage(845, 2000, 1)).toBe(42.3);
  });

  it('rounds 1/8 * 100 = 12.5 up to 13 at 0 dp', () => {
    expect(roundRatio(100, 8, 0)).toBe(13);
    expect(percentage(1, 8, 0)).toBe(13);
  });

  it('rounds 1/8 = 0.125 up to 0.13 at 2 dp', () => {
    expect(roundRatio(1, 8, 2)).toBe(0.13);
  });

  it('rounds the "2.675" case, built as an exact integer ratio, up to 2.68', () => {
    // The double nearest 2.675 is below it, so rounding the quotient with toFixed gives 2.67.
    expect((2675 / 1000).toFixed(2)).toBe('2.67');
    expect(roundRatio(2675, 1000, 2)).toBe(2.68);
    expect(roundRatio(107, 40, 2)).toBe(2.68); // 107/40 = 2.675 exactly
  });

  it('rounds other exact halves that floating point misses: 1.005 -> 1.01, 1.0005 -> 1.001', () => {
    expect(naive(1005, 1000, 2)).toBe(1); // the trap is real
    expect(roundRatio(1005, 1000, 2)).toBe(1.01);
    expect(roundRatio(201, 200, 2)).toBe(1.01); // 1.005
    expect(roundRatio(2001, 2000, 3)).toBe(1.001); // 1.0005
  });

  it('rounds values below the halfway point down and above it up', () => {
    expect(roundRatio(42249, 1000, 1)).toBe(42.2);
    expect(roundRatio(42251, 1000, 1)).toBe(42.3);
    expect(roundRatio(1, 3, 3)).toBe(0.333);
    expect(roundRatio(2, 3, 3)).toBe(0.667);
    expect(roundRatio(124, 10, 0)).toBe(12);
    expect(roundRatio(126, 10, 0)).toBe(13);
  });

  it('returns exact values unchanged', () => {
    expect(roundRatio(7, 1, 1)).toBe(7);
    expect(roundRatio(172, 10, 1)).toBe(17.2);
    expect(roundRatio(0, 5, 1)).toBe(0);
  });

  it('rounds negative halves away from zero', () => {
    expect(roundRatio(-169, 4, 1)).toBe(-42.3);
    expect(roundRatio(169, -4, 1)).toBe(-42.3);
    expect(roundRatio(-169, -4, 1)).toBe(42.3);
    expect(roundRatio(-1, 8, 2)).toBe(-0.13);
    expect(roundRatio(-5, 2, 0)).toBe(-3);
    expect(roundRatio(-2675, 1000, 2)).toBe(-2.68);
  });

  it('rounds negative non-halves to the nearest value', () => {
    expect(roundRatio(-124, 10, 0)).toBe(-12);
    expect(roundRatio(-126, 10, 0)).toBe(-13);
    expect(roundRatio(-42249, 1000, 1)).toBe(-42.2);
  });

  it('gives plain zero (not -0) for a small negative value that rounds to zero', () => {
    expect(Object.is(roundRatio(-1, 10, 0), 0)).toBe(true);
  });

  it('accepts bigint arguments', () => {
    expect(roundRatio(169n, 4n, 1)).toBe(42.3);
  });

  it('throws on a zero denominator', () => {
    expect(() => roundRatio(1, 0, 1)).toThrow(RangeError);
    expect(() => roundRatio(0, 0, 0)).toThrow(/denominator is zero/);
    expect(() => roundRatio(5n, 0n, 2)).toThrow(RangeError);
  });

  it('refuses a numerator or denominator that is not a whole number', () => {
    expect(() => roundRatio(1.5, 3, 1)).toThrow();
    expect(() => roundRatio(3, 2.5, 1)).toThrow();
  });
});

describe('percentage', () => {
  it('Walsall 2012-13: 37 second or subsequent plans of 355 -> 10.4', () => {
    expect(percentage(37, 355, 1)).toBe(10.4);
  });

  it("Walsall's own figure for April to August 2016: 22 of 259 -> 8.5", () => {
    expect(percentage(22, 259, 1)).toBe(8.5);
  });

  it('keeps the requested number of decimals', () => {
    expect(percentage(1, 3, 0)).toBe(33);
    expect(percentage(1, 3, 2)).toBe(33.33);
    expect(percentage(2, 3, 1)).toBe(66.7);
  });

  it('is 0 for a zero numerator and 100 for a whole', () => {
    expect(percentage(0, 541, 1)).toBe(0);
    expect(percentage(541, 541, 1)).toBe(100);
  });

  it('throws on a zero denominator rather than returning Infinity or NaN', () => {
    expect(() => percentage(3, 0, 1)).toThrow(RangeError);
  });
});

describe('ratePer', () => {
  it('England, children on a plan at 31 March 2025: 49,420 per 12,183,016 children -> 40.6 per 10,000', () => {
    expect(ratePer(49420, 12183016, 10000, 1)).toBe(40.6);
  });

  it('rounds an exact halfway rate up: 4,225 of 1,000,000 -> 42.25 -> 42.3 per 10,000', () => {
    // Divide first, then scale, and floating point lands on 42.2499...
    expect((4225 / 1000000) * 10000).toBeLessThan(42.25);
    expect(ratePer(4225, 1000000, 10000, 1)).toBe(42.3);
  });

  it('rounds a looked-after children rate to a whole number, halves up', () => {
    expect(ratePer(125, 20000, 10000, 0)).toBe(63); // 62.5
    expect(ratePer(124, 20000, 10000, 0)).toBe(62); // 62.0
  });

  it('throws on a zero population', () => {
    expect(() => ratePer(10, 0, 10000, 1)).toThrow(RangeError);
  });
});

describe('toScaled: a published decimal as a whole number of its last place', () => {
  it('reads the digits as written', () => {
    expect(toScaled(17.2, 1)).toBe(172n);
    expect(toScaled(0.3, 1)).toBe(3n);
    expect(toScaled(40, 0)).toBe(40n);
    expect(toScaled(-17.2, 1)).toBe(-172n);
  });

  it('treats a value written with a 5 in the next place as halfway and rounds it up', () => {
    expect(toScaled(2.675, 2)).toBe(268n);
    expect(toScaled(42.25, 1)).toBe(423n);
    expect(toScaled(-42.25, 1)).toBe(-423n);
  });
});

describe('meanOf', () => {
  it('takes the simple mean of published figures: Walsall 2012-13 to 2015-16 (54.7 / 4 = 13.675 -> 13.7)', () => {
    expect(meanOf([10.4, 13.8, 13.3, 17.2], 1)).toBe(13.7);
  });

  it('rounds a halfway mean up: 17.2 and 17.3 -> 17.25 -> 17.3', () => {
    expect(meanOf([17.2, 17.3], 1)).toBe(17.3);
  });

  it('rounds a halfway mean up where floating point would go down: 1.00 and 1.01 -> 1.005 -> 1.01', () => {
    expect(Math.round(((1 + 1.01) / 2) * 100) / 100).toBe(1); // the trap is real
    expect(meanOf([1, 1.01], 2)).toBe(1.01);
  });

  it('rounds a halfway mean of whole numbers up: 40 and 41 -> 41', () => {
    expect(meanOf([40, 41], 0)).toBe(41);
  });

  it('rounds a negative halfway mean away from zero', () => {
    expect(meanOf([-17.2, -17.3], 1)).toBe(-17.3);
  });

  it('handles odd counts, including a non-terminating mean', () => {
    expect(meanOf([1.1, 1.2, 1.4], 1)).toBe(1.2); // 1.2333...
    expect(meanOf([1.1, 1.2, 1.5], 1)).toBe(1.3); // 1.2666...
    expect(meanOf([15.7], 1)).toBe(15.7);
  });

  it('gives the same answer whatever the order', () => {
    expect(meanOf([17.2, 10.4, 13.3, 13.8], 1)).toBe(meanOf([10.4, 13.8, 13.3, 17.2], 1));
  });
});

describe('medianOf', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(medianOf([17.2, 10.4, 13.3], 1)).toBe(13.3);
    expect(medianOf([5], 0)).toBe(5);
  });

  it('takes the mean of the middle two for an even count', () => {
    // sorted: 10.4, 13.3, 13.8, 17.2 -> (13.3 + 13.8) / 2 = 13.55 -> 13.6
    expect(medianOf([10.4, 17.2, 13.8, 13.3], 1)).toBe(13.6);
  });

  it('rounds a halfway median up where floating point would go down: 2.67 and 2.68 -> 2.675 -> 2.68', () => {
    expect(medianOf([2.68, 2.67], 2)).toBe(2.68);
    expect(medianOf([1, 1.01], 2)).toBe(1.01);
  });

  it('rounds a halfway median of whole numbers up: 1, 2, 3, 5 -> 2.5 -> 3', () => {
    expect(medianOf([5, 1, 3, 2], 0)).toBe(3);
  });

  it('sorts numerically, not as text, including negative values', () => {
    expect(medianOf([9.5, 10.5, 100.5], 1)).toBe(10.5);
    expect(medianOf([-1.5, 0.5, -2.5], 1)).toBe(-1.5);
  });

  it('does not reorder the array it is given', () => {
    const values = [17.2, 10.4, 13.3];
    medianOf(values, 1);
    expect(values).toEqual([17.2, 10.4, 13.3]);
  });
});
