/**
 * Small hand-built IndicatorResults for tests of what is said and drawn about figures: Walsall's
 * published figures for repeat plans (with a part-year local figure and a suppressed regional one), and
 * St Helens' S47 rate, which has no polarity.
 */
import type { Figure, IndicatorResult, Series } from '../../src/indicators/types.js';
import type { Period } from '../../src/indicators/periods.js';

/** The financial year ending 31 March `endYear`, labelled and keyed as `label`. */
export const year = (label: string, endYear: number): Period => ({
  key: label,
  label,
  start: `${endYear - 1}-04-01`,
  end: `${endYear}-03-31`,
  whole: true,
});

/** The whole years of repeatPlans, 2012-13 to 2015-16. */
export const YEARS: readonly Period[] = [
  year('2012-13', 2013),
  year('2013-14', 2014),
  year('2014-15', 2015),
  year('2015-16', 2016),
];

/** Walsall's own part-year figure. */
export const PART: Period = {
  key: '2016-04-01/2016-08-31',
  label: 'April to August 2016',
  start: '2016-04-01',
  end: '2016-08-31',
  whole: false,
};

export const series = (name: string, figures: Record<string, Figure>): Series => ({ name, figures });
const v = (value: number, counts?: { numerator: number; denominator: number }): Figure => ({ value, ...counts });

export const repeatPlans: IndicatorResult = {
  id: 'repeat_plans',
  base: 'cpp_subsequent_percent',
  title: 'Child protection plans starting in the year that were a second or subsequent plan',
  shortTitle: 'Second or subsequent plans',
  definition: 'Plans starting in the year for a child who had been on a plan before.',
  unit: 'percent',
  decimals: 1,
  polarity: 'low-is-good',
  sourceName: 'DfE, Characteristics of children in need',
  periods: [...YEARS, PART],
  assessments: {},
  councils: {},
  similarWithin: 'within 1 percentage point',
  tolerance: { amount: 1, kind: 'points' },
  series: {
    council: series('Walsall', {
      '2012-13': v(10.4, { numerator: 37, denominator: 355 }),
      '2013-14': v(13.8, { numerator: 63, denominator: 455 }),
      '2014-15': v(13.3, { numerator: 65, denominator: 489 }),
      '2015-16': v(17.2, { numerator: 93, denominator: 541 }),
      [PART.key]: v(8.5, { numerator: 22, denominator: 259 }),
    }),
    england: series('England', { '2012-13': v(14.9), '2013-14': v(15.8), '2014-15': v(16.6), '2015-16': v(17.9) }),
    region: series('West Midlands', {
      '2012-13': v(15.0),
      '2013-14': v(16.0),
      '2014-15': { value: null, symbol: 'c' },
      '2015-16': v(18.5),
    }),
    neighbours: series('Statistical neighbours (mean)', {
      '2012-13': v(15.0),
      '2013-14': v(13.0),
      '2014-15': v(16.0),
      '2015-16': v(16.5),
    }),
  },
};

export const s47Rate: IndicatorResult = {
  id: 's47_rate',
  base: 's47_rate',
  title: 'Section 47 enquiries per 10,000 children',
  shortTitle: 'Section 47 enquiries rate',
  definition: 'Section 47 enquiries started in the year per 10,000 children aged 0 to 17.',
  unit: 'rate',
  decimals: 1,
  polarity: 'none',
  sourceName: 'DfE, Characteristics of children in need',
  periods: [year('2015-16', 2016), year('2016-17', 2017)],
  assessments: {},
  councils: {},
  similarWithin: 'within 1 percentage point',
  tolerance: { amount: 1, kind: 'points' },
  series: {
    council: series('St Helens', { '2015-16': v(145, { numerator: 1885, denominator: 130000 }), '2016-17': v(148.1) }),
    england: series('England', { '2015-16': v(157.4), '2016-17': v(147) }),
    region: series('North West', {}),
    neighbours: series('Statistical neighbours (mean)', {}),
  },
};
