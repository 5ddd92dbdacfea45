/**
 * Disclosure control for local counts in a public report: counts of 1 to the threshold are withheld
 * ("c"), zero is shown, and a second count is withheld where a shown total would give the first back.
 */
import { describe, expect, it } from 'vitest';
import type { Place } from '../../src/diagnostics/place.js';
import type { Figure } from '../../src/indicators/types.js';
import { percentage, ratePer } from '../../src/indicators/round.js';
import {
  isDisclosive,
  suppressFigure,
  suppressGroup,
  suppressRatio,
  type SuppressionRule,
} from '../../src/indicators/suppression.js';

const dfe: SuppressionRule = { threshold: 5 };
const ten: SuppressionRule = { threshold: 10 };

describe('isDisclosive: 1 to the threshold inclusive', () => {
  it('shows zero (DfE practice)', () => {
    expect(isDisclosive(0, dfe)).toBe(false);
    expect(isDisclosive(0, ten)).toBe(false);
  });

  it('withholds 1 and the threshold itself, shows the next count up', () => {
    expect(isDisclosive(1, dfe)).toBe(true);
    expect(isDisclosive(5, dfe)).toBe(true);
    expect(isDisclosive(6, dfe)).toBe(false);
    expect(isDisclosive(259, dfe)).toBe(false);
  });

  it('follows a configured threshold', () => {
    expect(isDisclosive(6, ten)).toBe(true);
    expect(isDisclosive(10, ten)).toBe(true);
    expect(isDisclosive(11, ten)).toBe(false);
    expect(isDisclosive(1, { threshold: 1 })).toBe(true);
    expect(isDisclosive(2, { threshold: 1 })).toBe(false);
  });

  it('withholds nothing at threshold 0', () => {
    expect(isDisclosive(0, { threshold: 0 })).toBe(false);
    expect(isDisclosive(1, { threshold: 0 })).toBe(false);
  });

  it('refuses counts and thresholds that are not whole numbers of 0 or more', () => {
    expect(() => isDisclosive(-1, dfe)).toThrow(RangeError);
    expect(() => isDisclosive(2.5, dfe)).toThrow(RangeError);
    expect(() => isDisclosive(Number.NaN, dfe)).toThrow(RangeError);
    expect(() => isDisclosive(3, { threshold: -1 })).toThrow(RangeError);
    expect(() => isDisclosive(3, { threshold: 4.5 })).toThrow(RangeError);
    expect(() => isDisclosive(3, { threshold: Number.NaN })).toThrow(RangeError);
  });
});

describe('suppressGroup: primary and secondary suppression', () => {
  it('withholds nothing when no count is disclosive', () => {
    expect(suppressGroup([10, 0, 16], 26, dfe)).toEqual([false, false, false]);
  });

  it('withholds every disclosive count (primary), with or without a total', () => {
    expect(suppressGroup([1, 5, 6, 0], undefined, dfe)).toEqual([true, true, false, false]);
    expect(suppressGroup([3, 8, 2, 20], 33, dfe)).toEqual([true, false, true, false]);
  });

  it('one withheld and the total shown: also withholds the smallest other non-zero count', () => {
    // 30 - (12 + 9 + 0) would give the 3 back; 9 is the smallest other non-zero count.
    expect(suppressGroup([12, 3, 0, 9], 24, dfe)).toEqual([false, true, false, true]);
    // The zero is smaller but never withheld.
    expect(suppressGroup([0, 7, 4, 15], 26, dfe)).toEqual([false, true, true, false]);
  });

  it('breaks a tie for the smallest by taking the first', () => {
    expect(suppressGroup([8, 2, 8, 20], 38, dfe)).toEqual([true, true, false, false]);
    expect(suppressGroup([20, 8, 2, 8], 38, dfe)).toEqual([false, true, true, false]);
  });

  it('adds nothing when two are already withheld', () => {
    expect(suppressGroup([4, 5, 9, 12], 30, dfe)).toEqual([true, true, false, false]);
    expect(suppressGroup([1, 2, 3, 40], 46, dfe)).toEqual([true, true, true, false]);
  });

  it('adds nothing when no total is shown', () => {
    expect(suppressGroup([12, 3, 9], undefined, dfe)).toEqual([false, true, false]);
  });

  it('withholds every non-zero count when the total itself is disclosive', () => {
    expect(suppressGroup([3, 0, 1], 4, dfe)).toEqual([true, false, true]);
    expect(suppressGroup([5, 0], 5, dfe)).toEqual([true, false]);
    // Counts that overlap (one child in two themes) can exceed a disclosive total: still withheld.
    expect(suppressGroup([4, 6, 0], 5, dfe)).toEqual([true, true, false]);
  });

  it('withholds nothing in a group of zeros, even with a total of zero', () => {
    expect(suppressGroup([0, 0], 0, dfe)).toEqual([false, false]);
  });

  it('uses the configured threshold', () => {
    // At 10, 8 is withheld and 9 goes with it; at 5 neither is.
    expect(suppressGroup([8, 9, 40], 57, ten)).toEqual([true, true, false]);
    expect(suppressGroup([8, 9, 40], 57, dfe)).toEqual([false, false, false]);
    // At 10 only the 7 is disclosive; the smallest other non-zero is 11.
    expect(suppressGroup([7, 11, 40], 58, ten)).toEqual([true, true, false]);
  });

  it('does not change its argument, and refuses counts that are not whole numbers', () => {
    const counts = Object.freeze([12, 3, 9]);
    suppressGroup(counts, 24, dfe);
    expect(counts).toEqual([12, 3, 9]);
    expect(() => suppressGroup([1, -2], 3, dfe)).toThrow(RangeError);
    expect(() => suppressGroup([1, 2], 3.5, dfe)).toThrow(RangeError);
  });

  it('returns an empty answer for an empty group', () => {
    expect(suppressGroup([], undefined, dfe)).toEqual([]);
  });
});

describe('suppressRatio: a percentage or rate and its counts', () => {
  it('shows 22 of 259 (the Walsall figure, 8.5%)', () => {
    expect(suppressRatio(22, 259, dfe)).toEqual({ numerator: false, denominator: false, value: false });
  });

  it('withholds the value and numerator of 3 of 259, and still shows the denominator', () => {
    expect(suppressRatio(3, 259, dfe)).toEqual({ numerator: true, denominator: false, value: true });
  });

  it('withholds everything of 3 of 4', () => {
    expect(suppressRatio(3, 4, dfe)).toEqual({ numerator: true, denominator: true, value: true });
  });

  it('withholds the value and denominator when only the denominator is disclosive (0 of 4 is a statement about 4 children)', () => {
    expect(suppressRatio(0, 4, dfe)).toEqual({ numerator: false, denominator: true, value: true });
  });

  it('shows 0 of 259, and 6 of 259 at the DfE threshold', () => {
    expect(suppressRatio(0, 259, dfe)).toEqual({ numerator: false, denominator: false, value: false });
    expect(suppressRatio(6, 259, dfe)).toEqual({ numerator: false, denominator: false, value: false });
    expect(suppressRatio(5, 259, dfe)).toEqual({ numerator: true, denominator: false, value: true });
  });

  it('uses the configured threshold', () => {
    expect(suppressRatio(6, 259, ten)).toEqual({ numerator: true, denominator: false, value: true });
    expect(suppressRatio(11, 259, ten)).toEqual({ numerator: false, denominator: false, value: false });
  });

  it('does not withhold a figure for a small remainder (what is not counted is not shown)', () => {
    expect(suppressRatio(255, 259, dfe)).toEqual({ numerator: false, denominator: false, value: false });
  });
});

describe('suppressFigure', () => {
  const shown: Figure = { value: percentage(22, 259, 1), numerator: 22, denominator: 259 };

  it('returns the same figure when nothing is disclosive', () => {
    expect(shown.value).toBe(8.5);
    expect(suppressFigure(shown, dfe)).toBe(shown);
    const zero: Figure = { value: 0, numerator: 0, denominator: 259 };
    expect(suppressFigure(zero, dfe)).toBe(zero);
  });

  it('returns a figure without counts as it is (published, or an average of neighbours)', () => {
    const published: Figure = { value: 22.3 };
    const average: Figure = { value: 21.4, count: 10 };
    const withheld: Figure = { value: null, symbol: 'c' };
    expect(suppressFigure(published, dfe)).toBe(published);
    expect(suppressFigure(average, dfe)).toBe(average);
    expect(suppressFigure(withheld, dfe)).toBe(withheld);
  });

  it('withholds the value and numerator of 3 of 259, keeping the denominator and the rest', () => {
    const source: Place = { file: 'data/local.xlsx', sheet: 'CPP', cell: 'C7' };
    const figure: Figure = { value: percentage(3, 259, 1), numerator: 3, denominator: 259, source };
    const result = suppressFigure(figure, dfe);
    expect(result).toEqual({ value: null, symbol: 'c', denominator: 259, source });
    expect('numerator' in result).toBe(false);
    expect(result.numerator).toBeUndefined();
  });

  it('withholds value and both counts of 3 of 4', () => {
    const result = suppressFigure({ value: percentage(3, 4, 1), numerator: 3, denominator: 4 }, dfe);
    expect(result).toEqual({ value: null, symbol: 'c' });
    expect(result.numerator).toBeUndefined();
    expect(result.denominator).toBeUndefined();
  });

  it('withholds a rate per 10,000 from a disclosive count', () => {
    const figure: Figure = { value: ratePer(4, 62_000, 10_000, 1), numerator: 4, denominator: 62_000 };
    expect(suppressFigure(figure, dfe)).toEqual({ value: null, symbol: 'c', denominator: 62_000 });
  });

  it('never puts 0 in place of a withheld value', () => {
    const cases: Figure[] = [
      { value: 0, numerator: 0, denominator: 3 }, // 0% of 3 children
      { value: percentage(1, 259, 0), numerator: 1, denominator: 259 }, // rounds to 0%
      { value: 60, numerator: 3, denominator: 5 },
    ];
    for (const figure of cases) {
      const result = suppressFigure(figure, dfe);
      expect(result.value).toBeNull();
      expect(result.value).not.toBe(0);
      expect(result.symbol).toBe('c');
    }
  });

  it('keeps a numerator of zero (zero is shown) while withholding a disclosive denominator', () => {
    expect(suppressFigure({ value: 0, numerator: 0, denominator: 3 }, dfe)).toEqual({
      value: null,
      symbol: 'c',
      numerator: 0,
    });
  });

  it('marks "c" a figure already withheld for another reason when it carries a disclosive count', () => {
    // A denominator DfE withheld ("x") with a local numerator of 2: the 2 must not be shown either.
    expect(suppressFigure({ value: null, symbol: 'x', numerator: 2 }, dfe)).toEqual({ value: null, symbol: 'c' });
  });

  it('uses the configured threshold', () => {
    const figure: Figure = { value: percentage(8, 259, 1), numerator: 8, denominator: 259 };
    expect(suppressFigure(figure, dfe)).toBe(figure);
    expect(suppressFigure(figure, ten)).toEqual({ value: null, symbol: 'c', denominator: 259 });
  });

  it('does not change its argument', () => {
    const figure: Figure = Object.freeze({ value: percentage(3, 259, 1), numerator: 3, denominator: 259 });
    const before = { ...figure };
    const result = suppressFigure(figure, dfe);
    expect(figure).toEqual(before);
    expect(result).not.toBe(figure);
    expect(figure.value).toBe(1.2);
    expect(figure.numerator).toBe(3);
  });
});
