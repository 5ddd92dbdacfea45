/**
 * The words the report says about figures. Rules from the domain primer: 1,885 with a thousands
 * separator, 17.2%, 148.1 per 10,000, 11 October 2016; every direction computed from the figures; a rise
 * in a low-is-good measure is a deterioration; no "better" or "worse" for a measure without polarity;
 * never ambiguous ("lower (better) than England (24.7%)").
 */
import { describe, expect, it } from 'vitest';
import type { Figure, IndicatorResult } from '../../src/indicators/types.js';
import { changeJudgementPhrase, changePhrase, differencePhrase } from '../../src/wording/changes.js';
import { compareOverPhrase, comparePhrase } from '../../src/wording/comparisons.js';
import { formatCell, formatValue } from '../../src/wording/figures.js';
import { formatNumber, joinList, plural, possessive } from '../../src/format.js';
import { regionInProse } from '../../src/wording/names.js';
import { formatDate } from '../../src/dates.js';
import { repeatPlans, s47Rate } from '../support/indicator-results.js';

const fig = (value: number | null, symbol?: Figure['symbol']): Figure =>
  symbol === undefined ? { value } : { value, symbol };

// The phrases read only an indicator's unit, decimals and polarity: the figures come from the test.
const highIsGood: IndicatorResult = { ...repeatPlans, polarity: 'high-is-good' };

/** No phrase may ever leak a JavaScript placeholder into a committee paper. */
const LEAKS = /NaN|undefined|null|Infinity|\[object/;

describe('formatNumber', () => {
  it('uses a thousands separator: 1885 -> "1,885"', () => {
    expect(formatNumber(1885)).toBe('1,885');
    expect(formatNumber(12183016)).toBe('12,183,016');
  });

  it('shows the requested decimals, keeping trailing zeros', () => {
    expect(formatNumber(17.2, 1)).toBe('17.2');
    expect(formatNumber(145, 1)).toBe('145.0');
    expect(formatNumber(40, 0)).toBe('40');
    expect(formatNumber(1885.5, 1)).toBe('1,885.5');
  });

  it('shows small numbers without separators', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
  });
});

describe('formatValue', () => {
  it('writes a percentage with a % sign', () => {
    expect(formatValue(fig(17.2), repeatPlans)).toBe('17.2%');
    expect(formatValue(fig(10), repeatPlans)).toBe('10.0%');
  });

  it('writes a rate per 10,000', () => {
    expect(formatValue(fig(148.1), s47Rate)).toBe('148.1 per 10,000');
    expect(formatValue(fig(1885), s47Rate)).toBe('1,885.0 per 10,000');
  });

  it('writes a whole-number rate without decimals', () => {
    expect(formatValue(fig(67), { ...s47Rate, decimals: 0 })).toBe('67 per 10,000');
  });

  it('writes zero as a figure, not as missing', () => {
    expect(formatValue(fig(0), repeatPlans)).toBe('0.0%');
  });

  it('says a suppressed figure is not published, and never shows it as 0', () => {
    const text = formatValue(fig(null, 'c'), repeatPlans);
    expect(text).toMatch(/suppressed/);
    expect(text).not.toMatch(/\d/);
  });

  it('says a missing figure is not available', () => {
    expect(formatValue(fig(null, 'x'), repeatPlans)).toBe('not available');
    expect(formatValue(undefined, repeatPlans)).toBe('not available');
    expect(formatValue(fig(null), s47Rate)).toBe('not available');
  });
});

describe('formatCell', () => {
  it("shows a figure to the indicator's places and a withheld one by its symbol", () => {
    expect(formatCell(fig(17.2), repeatPlans)).toBe('17.2');
    expect(formatCell(fig(1885), s47Rate)).toBe('1,885.0');
    expect(formatCell(fig(null, 'c'), repeatPlans)).toBe('c');
    expect(formatCell(undefined, repeatPlans)).toBe('x');
  });
});

describe('formatDate', () => {
  it('writes a full date the British way: "2016-10-11" -> "11 October 2016"', () => {
    expect(formatDate('2016-10-11')).toBe('11 October 2016');
    expect(formatDate('2018-03-31')).toBe('31 March 2018');
  });

  it('drops the leading zero of the day', () => {
    expect(formatDate('2016-06-01')).toBe('1 June 2016');
  });

  it('writes a month: "2016-06" -> "June 2016"', () => {
    expect(formatDate('2016-06')).toBe('June 2016');
    expect(formatDate('2016-12')).toBe('December 2016');
  });

  it('refuses anything that is not a real date or month, rather than inventing one', () => {
    for (const text of ['2016-13-01', 'soon', '2016-10-11T10:00:00Z', '2016-10-1x', '2016-02-31', '2016-00']) {
      expect(() => formatDate(text), text).toThrow(RangeError);
    }
    expect(formatDate('2016-02-29')).toBe('29 February 2016');
  });
});

describe('plural', () => {
  it('uses the singular for one', () => {
    expect(plural(1, 'case')).toBe('1 case');
  });

  it('adds s by default for other counts, including zero', () => {
    expect(plural(8, 'case')).toBe('8 cases');
    expect(plural(0, 'case')).toBe('0 cases');
  });

  it('uses an irregular plural when given one', () => {
    expect(plural(26, 'child', 'children')).toBe('26 children');
    expect(plural(1, 'child', 'children')).toBe('1 child');
  });

  it('formats the count with a thousands separator', () => {
    expect(plural(1885, 'child', 'children')).toBe('1,885 children');
  });
});

describe('joinList', () => {
  it('joins none, one, two and three items', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['Derby'])).toBe('Derby');
    expect(joinList(['Derby', 'Rochdale'])).toBe('Derby and Rochdale');
    expect(joinList(['Derby', 'Rochdale', 'Peterborough'])).toBe('Derby, Rochdale and Peterborough');
  });

  it('takes another conjunction', () => {
    expect(joinList(['england', 'region', 'neighbours'], 'or')).toBe('england, region or neighbours');
  });

  it('keeps commas inside names intact', () => {
    expect(joinList(['Herefordshire, County of', 'Walsall'])).toBe('Herefordshire, County of and Walsall');
  });
});

describe('changePhrase', () => {
  const at = (label: string, figure: Figure | undefined) => ({ label, figure });

  it.each([
    ['past', 'was unchanged at 18.1% in 2014-15 and 2015-16'],
    ['perfect', 'has been unchanged at 18.1% in 2014-15 and 2015-16'],
    ['having', 'having been unchanged at 18.1% in 2014-15 and 2015-16'],
    ['noun', 'no change, at 18.1% in 2014-15 and 2015-16'],
  ] as const)('says an unchanged figure was unchanged, in the %s form', (form, expected) => {
    expect(changePhrase(repeatPlans, at('2014-15', fig(18.1)), at('2015-16', fig(18.1)), { form })).toBe(expected);
  });

  it('adds no percentage to an unchanged figure, and none from a figure of 0', () => {
    expect(
      changePhrase(repeatPlans, at('2014-15', fig(18.1)), at('2015-16', fig(18.1)), { percent: true }),
    ).not.toContain('of 0');
    expect(changePhrase(s47Rate, at('2015-16', fig(0)), at('2016-17', fig(3.5)), { percent: true })).toBe(
      'rose from 0.0 per 10,000 in 2015-16 to 3.5 per 10,000 in 2016-17',
    );
  });

  it('says a rise rose, with both figures and both periods', () => {
    expect(changePhrase(repeatPlans, at('2014-15', fig(13.3)), at('2015-16', fig(17.2)))).toBe(
      'rose from 13.3% in 2014-15 to 17.2% in 2015-16',
    );
  });

  it('says a fall fell', () => {
    expect(changePhrase(repeatPlans, at('2015-16', fig(17.2)), at('April to August 2016', fig(8.5)))).toBe(
      'fell from 17.2% in 2015-16 to 8.5% in April to August 2016',
    );
  });

  it('says no change when the published figures are equal', () => {
    const text = changePhrase(repeatPlans, at('2014-15', fig(17.2)), at('2015-16', fig(17.2)));
    expect(text).toMatch(/unchanged/);
    expect(text).toContain('17.2%');
    expect(text).not.toMatch(/rose|fell/);
  });

  it('sees a change of one in the last place', () => {
    expect(changePhrase(repeatPlans, at('a', fig(17.8)), at('b', fig(17.9)))).toMatch(/^rose/);
    expect(changePhrase(repeatPlans, at('a', fig(17.9)), at('b', fig(17.8)))).toMatch(/^fell/);
  });

  it('explains a missing first figure without inventing a direction or leaking a placeholder', () => {
    const text = changePhrase(repeatPlans, at('2014-15', fig(null, 'x')), at('2015-16', fig(17.2)));
    expect(text).not.toMatch(LEAKS);
    expect(text).not.toMatch(/rose|fell|unchanged/);
    expect(text).toContain('2014-15');
    expect(text).toContain('not available');
  });

  it('explains a suppressed last figure', () => {
    const text = changePhrase(repeatPlans, at('2014-15', fig(13.3)), at('2015-16', fig(null, 'c')));
    expect(text).not.toMatch(LEAKS);
    expect(text).not.toMatch(/rose|fell|unchanged/);
    expect(text).toContain('2015-16');
    expect(text).toMatch(/suppressed/);
  });

  it('copes with figures that are absent altogether', () => {
    const text = changePhrase(repeatPlans, at('2014-15', undefined), at('2015-16', undefined));
    expect(text).not.toMatch(LEAKS);
    expect(text).not.toMatch(/rose|fell|unchanged/);
  });

  it('writes rates per 10,000', () => {
    expect(changePhrase(s47Rate, at('2015-16', fig(145)), at('2016-17', fig(148.1)))).toBe(
      'rose from 145.0 per 10,000 in 2015-16 to 148.1 per 10,000 in 2016-17',
    );
  });
});

describe('St Helens: an S47 rate from 145 to 148.1 must never be called a decrease', () => {
  const from = { label: '2015-16', figure: fig(145) };
  const to = { label: '2016-17', figure: fig(148.1) };

  it('reads as a rise', () => {
    const text = changePhrase(s47Rate, from, to) + changeJudgementPhrase(s47Rate, from.figure, to.figure);
    expect(text).toMatch(/\brose\b/);
    expect(text).not.toMatch(/decrease|fell|fall|lower|reduc|down/i);
    expect(text).toContain('148.1 per 10,000');
  });

  it('passes no judgement, because the S47 rate has no polarity', () => {
    expect(changeJudgementPhrase(s47Rate, from.figure, to.figure)).toBe('');
  });

  it('gives the size of the rise exactly: 3.1 per 10,000', () => {
    expect(differencePhrase(s47Rate, from.figure, to.figure)).toBe('3.1 per 10,000');
  });
});

describe('changeJudgementPhrase', () => {
  it('calls a rise in a low-is-good measure a deterioration', () => {
    expect(changeJudgementPhrase(repeatPlans, fig(13.3), fig(17.2))).toBe(', a deterioration');
  });

  it('calls a fall in a low-is-good measure an improvement', () => {
    expect(changeJudgementPhrase(repeatPlans, fig(17.2), fig(13.3))).toBe(', an improvement');
  });

  it('calls a rise in a high-is-good measure an improvement and a fall a deterioration', () => {
    expect(changeJudgementPhrase(highIsGood, fig(60), fig(65))).toBe(', an improvement');
    expect(changeJudgementPhrase(highIsGood, fig(65), fig(60))).toBe(', a deterioration');
  });

  it('says nothing for a measure without polarity, in either direction', () => {
    expect(changeJudgementPhrase(s47Rate, fig(145), fig(148.1))).toBe('');
    expect(changeJudgementPhrase(s47Rate, fig(148.1), fig(145))).toBe('');
  });

  it('says nothing when there is no change or a figure is missing', () => {
    expect(changeJudgementPhrase(repeatPlans, fig(17.2), fig(17.2))).toBe('');
    expect(changeJudgementPhrase(repeatPlans, fig(null, 'c'), fig(17.2))).toBe('');
    expect(changeJudgementPhrase(repeatPlans, fig(17.2), undefined)).toBe('');
  });
});

describe('differencePhrase', () => {
  it('gives a change in a percentage in percentage points, without floating point noise', () => {
    expect(differencePhrase(repeatPlans, fig(13.3), fig(17.2))).toBe('3.9 percentage points');
  });

  it('gives the size of a fall as a positive amount (the verb carries the direction)', () => {
    expect(differencePhrase(repeatPlans, fig(17.2), fig(13.3))).toBe('3.9 percentage points');
  });

  it('is not available when a figure is missing', () => {
    expect(differencePhrase(repeatPlans, fig(null, 'c'), fig(17.2))).toBe('not available');
  });
});

describe('comparePhrase', () => {
  it('says "higher (worse) than England (17.9%)" for a higher low-is-good figure', () => {
    expect(comparePhrase(repeatPlans, fig(19.5), fig(17.9), 'England')).toBe('higher (worse) than England (17.9%)');
  });

  it('says "lower (better) than England (17.9%)" for a figure further below than the tolerance', () => {
    expect(comparePhrase(repeatPlans, fig(16.5), fig(17.9), 'England')).toBe('lower (better) than England (17.9%)');
  });

  it('says "similar to England (17.9%)" for Walsall 2015-16 at 17.2%, within the 1 point that verdict and the JSON use', () => {
    expect(comparePhrase(repeatPlans, fig(17.2), fig(17.9), 'England')).toBe('similar to England (17.9%)');
    // The tolerance is inclusive: 1.0 point away is similar, 1.1 is not.
    expect(comparePhrase(repeatPlans, fig(16.9), fig(17.9), 'England')).toBe('similar to England (17.9%)');
    expect(comparePhrase(repeatPlans, fig(16.8), fig(17.9), 'England')).toBe('lower (better) than England (17.9%)');
  });

  it('reads a tolerance given as a share of the comparator: 5% of 145.0 is 7.25', () => {
    const share: IndicatorResult = { ...s47Rate, tolerance: { amount: 5, kind: 'percent' } };
    expect(comparePhrase(share, fig(152.2), fig(145), 'England')).toBe('similar to England (145.0 per 10,000)');
    expect(comparePhrase(share, fig(152.3), fig(145), 'England')).toBe('higher than England (145.0 per 10,000)');
  });

  it('reverses the judgement for a high-is-good measure', () => {
    expect(comparePhrase(highIsGood, fig(19.5), fig(17.9), 'England')).toBe('higher (better) than England (17.9%)');
    expect(comparePhrase(highIsGood, fig(16.2), fig(17.9), 'England')).toBe('lower (worse) than England (17.9%)');
  });

  it('says only "higher than" or "lower than" for a measure without polarity', () => {
    expect(comparePhrase(s47Rate, fig(148.1), fig(145), 'England')).toBe('higher than England (145.0 per 10,000)');
    expect(comparePhrase(s47Rate, fig(145), fig(148.1), 'England')).toBe('lower than England (148.1 per 10,000)');
    expect(comparePhrase(s47Rate, fig(148.1), fig(145), 'England')).not.toMatch(/better|worse/);
  });

  it('says the same when the published figures are equal', () => {
    const text = comparePhrase(repeatPlans, fig(17.9), fig(17.9), 'England');
    expect(text).toMatch(/same as England/);
    expect(text).toContain('17.9%');
    expect(text).not.toMatch(/higher|lower|better|worse/);
  });

  it('does not compare with a missing or suppressed figure, and says why', () => {
    const text = comparePhrase(repeatPlans, fig(17.2), fig(null, 'c'), 'West Midlands');
    expect(text).not.toMatch(/higher|lower|better|worse|same/);
    expect(text).toContain('West Midlands');
    expect(text).toMatch(/suppressed/);
    expect(text).not.toMatch(LEAKS);
    const own = comparePhrase(repeatPlans, fig(null, 'x'), fig(17.9), 'England');
    expect(own).not.toMatch(/higher|lower|better|worse|same/);
    expect(own).not.toMatch(LEAKS);
  });
});

describe('compareOverPhrase', () => {
  const pair = (figure: number | null, other: number | null) => ({ figure: fig(figure), other: fig(other) });

  it('says "lower (better) than England in every year" when every year agrees (Walsall 2012-13 to 2014-15)', () => {
    const pairs = [pair(10.4, 14.9), pair(13.8, 15.8), pair(13.3, 16.6)];
    expect(compareOverPhrase(repeatPlans, pairs, 'England')).toBe('lower (better) than England in every year');
  });

  it('counts a year within the tolerance as similar, as verdict does (Walsall 2012-13 to 2015-16)', () => {
    const pairs = [pair(10.4, 14.9), pair(13.8, 15.8), pair(13.3, 16.6), pair(17.2, 17.9)];
    expect(compareOverPhrase(repeatPlans, pairs, 'England')).toBe(
      'lower than England in 3 and similar in 1 of the 4 years',
    );
    expect(compareOverPhrase(repeatPlans, [pair(17.2, 17.9), pair(16, 16.5)], 'England')).toBe(
      'similar to England in both years',
    );
  });

  it('says "in both years" for two years', () => {
    expect(compareOverPhrase(repeatPlans, [pair(19, 17), pair(20, 18)], 'England')).toBe(
      'higher (worse) than England in both years',
    );
  });

  it('says "higher than" without a judgement for a measure without polarity', () => {
    const text = compareOverPhrase(s47Rate, [pair(150, 145), pair(160, 150), pair(170, 155)], 'England');
    expect(text).toBe('higher than England in every year');
  });

  it('says the same in every year when it was', () => {
    const text = compareOverPhrase(repeatPlans, [pair(17, 17), pair(18, 18), pair(19, 19)], 'England');
    expect(text).toMatch(/same as England/);
    expect(text).toMatch(/every year/);
  });

  it('counts the years each way when they are mixed, without a single overall judgement', () => {
    const text = compareOverPhrase(repeatPlans, [pair(10, 12), pair(14, 12), pair(9, 12), pair(12, 12)], 'England');
    expect(text).toBe('lower than England in 2, higher in 1 and similar in 1 of the 4 years');
    expect(text).not.toMatch(/better|worse|every/);
  });

  it('says how many years had figures when some are missing', () => {
    const text = compareOverPhrase(repeatPlans, [pair(10, 12), pair(null, 12), pair(9, 12), pair(9, null)], 'England');
    expect(text).toMatch(/^lower \(better\) than England/);
    expect(text).toMatch(/\b2\b/);
    expect(text).not.toMatch(/every year|both years/);
    expect(text).not.toMatch(LEAKS);
  });

  it('says "the only year with figures" when only one of several years has both figures', () => {
    const text = compareOverPhrase(repeatPlans, [pair(10, 12), pair(null, 12), pair(9, null)], 'England');
    expect(text).toBe('lower (better) than England in the only year with figures');
  });

  it('mixed directions with a missing year count only the years with figures', () => {
    const text = compareOverPhrase(repeatPlans, [pair(10, 12), pair(14, 12), pair(null, 12)], 'England');
    expect(text).toBe('lower than England in 1 and higher in 1 of the 2 years with figures');
  });

  it('says there is nothing to compare when no year has both figures', () => {
    const text = compareOverPhrase(repeatPlans, [pair(null, 12), pair(10, null)], 'England');
    expect(text).toMatch(/not comparable with England/);
    expect(text).not.toMatch(/higher|lower|better|worse/);
  });
});

describe('names in prose', () => {
  it.each([
    ['North West', 'the North West'],
    ['North East', 'the North East'],
    ['South East', 'the South East'],
    ['South West', 'the South West'],
    ['East Midlands', 'the East Midlands'],
    ['West Midlands', 'the West Midlands'],
    ['East of England', 'the East of England'],
    ['London', 'London'],
    ['Inner London', 'Inner London'],
    ['Outer London', 'Outer London'],
    ['Yorkshire and The Humber', 'Yorkshire and the Humber'],
  ])('DfE\'s region "%s" reads "%s" in a sentence', (name, prose) => {
    expect(regionInProse(name)).toBe(prose);
  });

  it.each([
    ['Walsall', "Walsall's"],
    ['St Helens', "St Helens'"],
    ['Windsor and Maidenhead', "Windsor and Maidenhead's"],
    ['Barnsley', "Barnsley's"],
    ['Knowsley ', "Knowsley's"],
  ])('the possessive of %s is %s', (name, expected) => {
    expect(possessive(name)).toBe(expected);
  });
});
