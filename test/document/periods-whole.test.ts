import { describe, expect, it } from 'vitest';
import { keepPeriodsWhole } from '../../src/document/periods-whole.js';

const whole = (text: string) => `<span class="period">${text}</span>`;

describe('keepPeriodsWhole', () => {
  it('keeps financial years and spans of months each in one unbreakable span', () => {
    expect(keepPeriodsWhole('<p>From 2015-16 to April to July 2016, then October 2015 to March 2017.</p>')).toBe(
      `<p>From ${whole('2015-16')} to ${whole('April to July 2016')}, then ${whole('October 2015 to March 2017')}.</p>`,
    );
    expect(keepPeriodsWhole('<td>March 2016</td>')).toBe(`<td>${whole('March 2016')}</td>`);
  });

  it('leaves the characters as they were: an ordinary hyphen, for search and copying', () => {
    expect(keepPeriodsWhole('2016-17').replace(/<[^>]*>/g, '')).toBe('2016-17');
  });

  it('leaves dates, runs of years and longer numbers alone', () => {
    for (const text of ['11 October 2016', '2016-10-11', '2012-2015', '12016-17', '2016-175'])
      expect(keepPeriodsWhole(`<p>${text}</p>`)).toBe(`<p>${text}</p>`);
  });

  it('leaves attributes and charts alone', () => {
    const html =
      '<figure id="neighbours-2015-16"><svg><title>2015-16</title><text>2015-16</text><svg><text>2014-15</text></svg><text>2013-14</text></svg>' +
      '<figcaption title="2015-16">In 2015-16</figcaption></figure>';
    expect(keepPeriodsWhole(html)).toBe(html.replace('In 2015-16', `In ${whole('2015-16')}`));
  });
});
