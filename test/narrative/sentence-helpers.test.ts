/**
 * The helpers that let a template build any sentence about a change: its forms (has risen, having
 * fallen, a rise), its parts (direction, percentChange), the highest and lowest periods, ranks of an
 * indicator without polarity, and options checked as strictly as arguments. Expected figures are
 * worked out here by hand from the fixture's published figures.
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import type { IndicatorResult, IndicatorSet } from '../../src/indicators/types.js';
import { registerHelpers } from '../../src/narrative/helpers.js';
import { TemplateUsageError } from '../../src/narrative/lookups.js';
import { repeatPlans, s47Rate } from '../support/indicator-results.js';

const councils = (values: number[]) => values.map((value, i) => ({ code: String(800 + i), name: `C${i}`, value }));

function renderWith(indicators: Record<string, IndicatorResult>) {
  const hbs = Handlebars.create();
  const set: IndicatorSet = {
    comparators: {
      council: { code: '335', name: 'Walsall' },
      region: { code: 'E12000005', name: 'West Midlands' },
      neighbours: { model: '2021', average: 'mean', areas: [] },
      others: [],
    },
    indicators,
  };
  registerHelpers(hbs, set, { numberOf: () => 1, render: () => '' });
  return (template: string) => hbs.compile(template, { strict: true })({});
}

const render = renderWith({ repeat_plans: repeatPlans, s47_rate: s47Rate });

function refusal(template: string): string {
  try {
    render(template);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateUsageError);
    return (error as Error).message;
  }
  throw new Error(`expected ${template} to be refused`);
}

describe('change in the form a sentence needs', () => {
  // Walsall 13.3% (2014-15) to 17.2% (2015-16): a rise of 3.9 points, 3.9 / 13.3 = 29.32% of the earlier figure.
  it.each([
    ['past', 'rose from 13.3% in 2014-15 to 17.2% in 2015-16'],
    ['perfect', 'has risen from 13.3% in 2014-15 to 17.2% in 2015-16'],
    ['having', 'having risen from 13.3% in 2014-15 to 17.2% in 2015-16'],
    ['rising', 'rising from 13.3% in 2014-15 to 17.2% in 2015-16'],
    ['noun', 'a rise from 13.3% in 2014-15 to 17.2% in 2015-16'],
  ])('form="%s"', (form, expected) => {
    expect(render(`{{change "repeat_plans" "2014-15" "2015-16" form="${form}"}}`)).toBe(expected);
  });

  it('adds the percentage change with percent=true: 256 to 156 style, here 13.3% to 17.2% is a rise of 29.3%', () => {
    expect(render('{{change "repeat_plans" "2014-15" "2015-16" percent=true}}')).toBe(
      'rose from 13.3% in 2014-15 to 17.2% in 2015-16, a rise of 29.3%',
    );
    expect(render('{{change "repeat_plans" "2014-15" "2015-16" form="noun" percent=true}}')).toBe(
      'a rise of 29.3% from 13.3% in 2014-15 to 17.2% in 2015-16',
    );
  });

  it('states a period set against itself once, not "from 2015-16 to 2015-16"', () => {
    expect(render('{{change "repeat_plans" "2015-16" "latest-year"}}')).toBe('was 17.2% in 2015-16');
  });
});

describe('judge=true within the tolerance', () => {
  it('calls a change of 0.5 points neither better nor worse, as the JSON does', () => {
    expect(render('{{change "repeat_plans" "2013-14" "2014-15" judge=true}}')).toBe(
      'fell from 13.8% in 2013-14 to 13.3% in 2014-15, too small a change to call better or worse (within 1 percentage point)',
    );
  });
});

describe('the parts of a change', () => {
  it.each([
    ['{{direction "repeat_plans" "2014-15" "2015-16"}}', 'rose'],
    ['{{direction "repeat_plans" "2014-15" "2015-16" form="perfect"}}', 'has risen'],
    ['{{direction "repeat_plans" "2015-16" "latest" form="having"}}', 'having fallen'],
    ['{{direction "repeat_plans" "2015-16" "latest" form="noun"}}', 'a fall'],
    ['{{direction "repeat_plans" "2015-16" "latest" form="higher"}}', 'lower'],
    // 17.2% to 8.5%: 8.7 / 17.2 = 50.58%.
    ['{{percentChange "repeat_plans" "2015-16" "latest"}}', '50.6%'],
    // 145.0 to 148.1 per 10,000: 3.1 / 145 = 2.14%.
    ['{{percentChange "s47_rate" "2015-16" "2016-17"}}', '2.1%'],
    ['{{percentChange "repeat_plans" "2014-15" "2015-16" area="region"}}', 'not available'],
  ])('%s is "%s"', (template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('builds "fell from 17.2% to 8.5%, a fall of 50.6%" from its parts', () => {
    const template =
      '{{direction "repeat_plans" "latest-year" "latest"}} from {{value "repeat_plans" "latest-year"}} to {{value "repeat_plans" "latest"}}, {{direction "repeat_plans" "latest-year" "latest" form="noun"}} of {{percentChange "repeat_plans" "latest-year" "latest"}}';
    expect(render(template)).toBe('fell from 17.2% to 8.5%, a fall of 50.6%');
  });
});

describe('comparators by name', () => {
  it('reads a standing comparator in any case, as a council named as a comparator is', () => {
    expect(render('{{value "repeat_plans" "2015-16" area="England"}}')).toBe('17.9%');
  });
});

describe('count of a withheld figure', () => {
  it('says why, as value does, not "not available"', () => {
    const count = render('{{count "repeat_plans" "2014-15" "numerator" area="region"}}');
    expect(count).toBe(render('{{value "repeat_plans" "2014-15" area="region"}}'));
    expect(count).toMatch(/suppressed/);
  });
});

describe('highest and lowest', () => {
  // Walsall's whole years: 10.4 (2012-13), 13.8 (2013-14), 13.3 (2014-15), 17.2 (2015-16); the part year 8.5.
  it.each([
    ['{{period "repeat_plans" "highest"}}', '2015-16'],
    ['{{value "repeat_plans" "highest"}}', '17.2%'],
    // The part year's 8.5% is not set against whole years.
    ['{{period "repeat_plans" "lowest"}}', '2012-13'],
    ['{{period "repeat_plans" "lowest" since="2013-14"}}', '2014-15'],
    ['{{period "repeat_plans" "highest" until="2014-15"}}', '2013-14'],
    ['{{period "repeat_plans" "highest" since="2013-14" until="2014-15"}}', '2013-14'],
    // West Midlands: 15.0, 16.0, suppressed, 18.5.
    ['{{period "repeat_plans" "highest" area="region"}}', '2015-16'],
    ['{{change "repeat_plans" "lowest" "highest"}}', 'rose from 10.4% in 2012-13 to 17.2% in 2015-16'],
    ['{{difference "repeat_plans" "highest" "latest"}}', '8.7 percentage points'],
  ])('%s is "%s"', (template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('takes the earliest of equal figures', () => {
    const level = renderWith({
      flat: {
        ...s47Rate,
        series: {
          ...s47Rate.series,
          council: { name: 'St Helens', figures: { '2015-16': { value: 150 }, '2016-17': { value: 150 } } },
        },
      },
    });
    expect(level('{{period "flat" "highest"}}')).toBe('2015-16');
  });

  it('looks over months when the span has no whole year', () => {
    expect(render('{{period "repeat_plans" "lowest" since="April to August 2016"}}')).toBe('April to August 2016');
  });
});

describe('rank of an indicator without polarity', () => {
  // Five councils' figures; St Helens has 148.1 in 2016-17 and no other council's figure for 2015-16.
  const withCouncils = (values: number[]) =>
    renderWith({ s47_rate: { ...s47Rate, councils: { '2016-17': councils(values) } } });

  it.each([
    [[200, 148.1, 120, 100, 90], 'had the 2nd highest figure of 5 councils'],
    [[200, 148.1, 148.1, 100, 90], 'had the joint 2nd highest figure of 5 councils'],
    [[148.1, 120, 100], 'had the highest figure of 3 councils'],
    [[300, 250, 200, 148.1, 90], 'had the 2nd lowest figure of 5 councils'],
    [[300, 250, 200, 148.1], 'had the lowest figure of 4 councils'],
  ])('among %j: "%s"', (values, expected) => {
    expect(withCouncils(values)('{{rank "s47_rate" "2016-17"}}')).toBe(expected);
  });

  it('never prints "ranked not ranked": a clause that reads after the council', () => {
    const text = render('St Helens {{rank "s47_rate" "2015-16"}}.');
    expect(text).toBe('St Helens is not ranked for 2015-16, as no other council&#x27;s figure is published.');
  });
});

describe('options are checked as strictly as arguments', () => {
  it.each([
    [
      '{{change "repeat_plans" "2014-15" "2015-16" percnt=true}}',
      'change has no option "percnt"; did you mean "percent"?',
    ],
    ['{{value "repeat_plans" "2015-16" foo=1}}', 'value has no option "foo"; it takes "area", "since" or "until"'],
    ['{{comparator "repeat_plans" "england" with="region"}}', 'comparator has no option "with"; it takes none'],
    ['{{change "repeat_plans" "2014-15" "2015-16" percent="yes"}}', 'percent= is true or false, not "yes"'],
    [
      '{{direction "repeat_plans" "2014-15" "2015-16" form="future"}}',
      'form= is "past", "perfect", "having", "rising", "noun" or "higher", not "future"',
    ],
    [
      '{{value "repeat_plans" "2015-16" since="2013-14"}}',
      'value\'s since= chooses where to look for the "highest" or "lowest" period, and neither is asked for',
    ],
    [
      '{{#value "repeat_plans" "2015-16"}}x{{/value}}',
      'value is not a block helper: write it as {{value "indicator" "period"}}, with no {{#value}} ... {{/value}}',
    ],
    ['{{value "repeat_plans" "highest" since="2030-31"}}', 'indicator "repeat_plans" has no period "2030-31"'],
    [
      '{{value "repeat_plans" "highest" since="2015-16" until="2013-14"}}',
      'since="2015-16" is after until="2013-14"; since= names the first period to look in and until= the last',
    ],
    [
      '{{change "repeat_plans" "2015-16" "2014-15"}}',
      'the change runs from "2015-16" to "2014-15", which is earlier; write the earlier period first',
    ],
    [
      '{{change "repeat_plans" "2014-15" "2015-16" form="higher"}}',
      'form= is "past", "perfect", "having", "rising" or "noun", not "higher"',
    ],
    ['{{value "repeat_plans" "2015-16" area="englnd"}}', '"englnd" is not a comparator; did you mean "england"?'],
  ])('%s', (template, said) => {
    expect(refusal(template)).toContain(said);
  });
});
