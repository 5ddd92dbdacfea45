/**
 * The template helpers, run through a real Handlebars instance in strict mode, against a small
 * hand-built IndicatorSet (Walsall's published figures for repeat plans, and an S47 rate with no
 * polarity). Expected words follow the domain primer's wording rules.
 */
import Handlebars from 'handlebars';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Figure, IndicatorResult, IndicatorSet, Series } from '../../src/indicators/compute.js';
import type { Period } from '../../src/indicators/periods.js';
import { registerHelpers, TemplateUsageError, type DiagramPlacer } from '../../src/narrative/helpers.js';

const year = (label: string, endYear: number): Period => ({
  key: label,
  label,
  start: `${endYear - 1}-04-01`,
  end: `${endYear}-03-31`,
  whole: true,
});

const Y13 = year('2012-13', 2013);
const Y14 = year('2013-14', 2014);
const Y15 = year('2014-15', 2015);
const Y16 = year('2015-16', 2016);
const Y17 = year('2016-17', 2017);
const PART: Period = { key: '2016-04-01/2016-08-31', label: 'April to August 2016', start: '2016-04-01', end: '2016-08-31', whole: false };

const series = (name: string, figures: Record<string, Figure>): Series => ({ name, figures });
const v = (value: number, counts?: { numerator: number; denominator: number }): Figure => ({ value, ...counts });

const repeatPlans: IndicatorResult = {
  id: 'repeat_plans',
  base: 'cpp_subsequent_percent',
  title: 'Child protection plans starting in the year that were a second or subsequent plan',
  shortTitle: 'Second or subsequent plans',
  definition: 'Plans starting in the year for a child who had been on a plan before.',
  unit: 'percent',
  decimals: 1,
  polarity: 'low-is-good',
  sourceName: 'DfE, Characteristics of children in need',
  periods: [Y13, Y14, Y15, Y16, PART],
  changes: {},
  series: {
    council: series('Walsall', {
      '2012-13': v(10.4, { numerator: 37, denominator: 355 }),
      '2013-14': v(13.8, { numerator: 63, denominator: 455 }),
      '2014-15': v(13.3, { numerator: 65, denominator: 489 }),
      '2015-16': v(17.2, { numerator: 93, denominator: 541 }),
      [PART.key]: v(8.5, { numerator: 22, denominator: 259 }),
    }),
    england: series('England', { '2012-13': v(14.9), '2013-14': v(15.8), '2014-15': v(16.6), '2015-16': v(17.9) }),
    region: series('West Midlands', { '2012-13': v(15.0), '2013-14': v(16.0), '2014-15': { value: null, symbol: 'c' }, '2015-16': v(18.5) }),
    neighbours: series('Statistical neighbours (average)', { '2012-13': v(15.0), '2013-14': v(13.0), '2014-15': v(16.0), '2015-16': v(16.5) }),
  },
};

const s47: IndicatorResult = {
  id: 's47_rate',
  base: 's47_rate',
  title: 'Section 47 enquiries per 10,000 children',
  shortTitle: 'Section 47 enquiries rate',
  definition: 'Section 47 enquiries started in the year per 10,000 children aged 0 to 17.',
  unit: 'rate',
  decimals: 1,
  polarity: 'none',
  sourceName: 'DfE, Characteristics of children in need',
  periods: [Y16, Y17],
  changes: {},
  series: {
    council: series('St Helens', { '2015-16': v(145, { numerator: 1885, denominator: 130000 }), '2016-17': v(148.1) }),
    england: series('England', { '2015-16': v(157.4), '2016-17': v(147) }),
    region: series('North West', {}),
    neighbours: series('Statistical neighbours (average)', {}),
  },
};

const set = (average: 'mean' | 'median' = 'mean'): IndicatorSet => ({
  comparators: {
    council: { code: '335', name: 'Walsall' },
    region: { code: 'E12000005', name: 'West Midlands' },
    neighbours: { model: '2021', average, areas: [{ code: '831', name: 'Derby' }] },
  },
  indicators: { repeat_plans: repeatPlans, s47_rate: s47 },
});

/** Records what the helpers asked of it. */
class StubPlacer implements DiagramPlacer {
  readonly calls: string[] = [];
  numberOf(id: string, line: number | undefined): number {
    this.calls.push(`numberOf ${id} ${line}`);
    return 7;
  }
  render(id: string, line: number | undefined): string {
    this.calls.push(`render ${id} ${line}`);
    return `<figure id="${id}"><b>Diagram 7</b></figure>`;
  }
}

let hbs: typeof Handlebars;
let placer: StubPlacer;

function setUp(average: 'mean' | 'median' = 'mean') {
  hbs = Handlebars.create();
  placer = new StubPlacer();
  registerHelpers(hbs, set(average), placer);
}

const render = (template: string, context: object = {}) => hbs.compile(template, { strict: true })(context);

/** The TemplateUsageError a template throws (fails the test if it throws nothing or something else). */
function usageError(template: string): TemplateUsageError {
  try {
    render(template);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateUsageError);
    return error as TemplateUsageError;
  }
  throw new Error(`expected ${JSON.stringify(template)} to throw`);
}

beforeEach(() => setUp());

describe('value', () => {
  it('states a percentage for a financial year', () => {
    expect(render('{{value "repeat_plans" "2015-16"}}')).toBe('17.2%');
  });

  it('states a rate per 10,000', () => {
    expect(render('{{value "s47_rate" "2016-17"}}')).toBe('148.1 per 10,000');
  });

  it('finds a part year by its label or its key', () => {
    expect(render('{{value "repeat_plans" "April to August 2016"}}')).toBe('8.5%');
    expect(render('{{value "repeat_plans" "2016-04-01/2016-08-31"}}')).toBe('8.5%');
  });

  it('understands first, latest (the part year) and latest-year (the last whole year)', () => {
    expect(render('{{value "repeat_plans" "first"}}')).toBe('10.4%');
    expect(render('{{value "repeat_plans" "latest"}}')).toBe('8.5%');
    expect(render('{{value "repeat_plans" "latest-year"}}')).toBe('17.2%');
  });

  it('states a comparator\'s figure with area=', () => {
    expect(render('{{value "repeat_plans" "2015-16" area="england"}}')).toBe('17.9%');
    expect(render('{{value "repeat_plans" "2015-16" area="region"}}')).toBe('18.5%');
    expect(render('{{value "repeat_plans" "2015-16" area="neighbours"}}')).toBe('16.5%');
  });

  it('says when a figure is suppressed or missing, never 0', () => {
    expect(render('{{value "repeat_plans" "2014-15" area="region"}}')).toMatch(/suppressed/);
    expect(render('{{value "repeat_plans" "April to August 2016" area="england"}}')).toBe('not available');
  });

  it('fits into a sentence', () => {
    expect(render('In {{period "repeat_plans" "latest-year"}} it was {{value "repeat_plans" "latest-year"}}.')).toBe('In 2015-16 it was 17.2%.');
  });
});

describe('count', () => {
  it('states the numerator and denominator behind a figure', () => {
    expect(render('{{count "repeat_plans" "latest" "numerator"}} of {{count "repeat_plans" "latest" "denominator"}}')).toBe('22 of 259');
  });

  it('uses a thousands separator', () => {
    expect(render('{{count "s47_rate" "2015-16" "numerator"}}')).toBe('1,885');
  });

  it('says not available when the counts are not known (England\'s published figure)', () => {
    expect(render('{{count "repeat_plans" "2015-16" "numerator" area="england"}}')).toBe('not available');
  });

  it('refuses a part other than numerator or denominator', () => {
    const error = usageError('{{count "repeat_plans" "2015-16" "total"}}');
    expect(error.message).toMatch(/numerator/);
    expect(error.message).toMatch(/denominator/);
  });
});

describe('change and difference', () => {
  it('states a rise with both figures and periods', () => {
    expect(render('{{change "repeat_plans" "2014-15" "2015-16"}}')).toBe('rose from 13.3% in 2014-15 to 17.2% in 2015-16');
  });

  it('adds the judgement when asked: a rise in repeat plans is a deterioration', () => {
    expect(render('{{change "repeat_plans" "2014-15" "latest-year" judge=true}}')).toBe('rose from 13.3% in 2014-15 to 17.2% in 2015-16, a deterioration');
  });

  it('states a fall into the part year, an improvement when judged', () => {
    expect(render('{{change "repeat_plans" "latest-year" "latest" judge=true}}')).toBe(
      'fell from 17.2% in 2015-16 to 8.5% in April to August 2016, an improvement',
    );
  });

  it('St Helens: 145 to 148.1 reads as a rise with no judgement, because the S47 rate has no polarity', () => {
    const text = render('{{change "s47_rate" "2015-16" "2016-17" judge=true}}');
    expect(text).toBe('rose from 145.0 per 10,000 in 2015-16 to 148.1 per 10,000 in 2016-17');
    expect(text).not.toMatch(/decrease|improvement|deterioration/);
  });

  it('states a change of a comparator with area=', () => {
    expect(render('{{change "repeat_plans" "first" "latest-year" area="england"}}')).toBe('rose from 14.9% in 2012-13 to 17.9% in 2015-16');
  });

  it('states the size of a change', () => {
    expect(render('{{difference "repeat_plans" "2014-15" "2015-16"}}')).toBe('3.9 percentage points');
    expect(render('{{difference "s47_rate" "2015-16" "2016-17"}}')).toBe('3.1 per 10,000');
  });
});

describe('compare', () => {
  it('compares with England, with the judgement in brackets and England\'s figure', () => {
    expect(render('{{compare "repeat_plans" "2015-16" with="england"}}')).toBe('lower (better) than England (17.9%)');
  });

  it('names the region and the neighbour average', () => {
    expect(render('{{compare "repeat_plans" "2015-16" with="region"}}')).toBe('lower (better) than West Midlands (18.5%)');
    expect(render('{{compare "repeat_plans" "2015-16" with="neighbours"}}')).toBe('higher (worse) than the statistical neighbour average (16.5%)');
  });

  it('calls the neighbour figure a median when the report uses the median', () => {
    setUp('median');
    expect(render('{{compare "repeat_plans" "2015-16" with="neighbours"}}')).toBe('higher (worse) than the statistical neighbour median (16.5%)');
  });

  it('says only higher or lower for a measure without polarity', () => {
    expect(render('{{compare "s47_rate" "2016-17" with="england"}}')).toBe('higher than England (147.0 per 10,000)');
  });

  it('does not compare with a suppressed figure', () => {
    const text = render('{{compare "repeat_plans" "2014-15" with="region"}}');
    expect(text).not.toMatch(/higher|lower|better|worse/);
    expect(text).toMatch(/suppressed/);
  });

  it('needs with=', () => {
    expect(usageError('{{compare "repeat_plans" "2015-16"}}').message).toMatch(/with=/);
  });

  it('refuses an unknown comparator, listing the known ones', () => {
    const error = usageError('{{compare "repeat_plans" "2015-16" with="wales"}}');
    expect(error.message).toContain('"wales"');
    for (const name of ['"england"', '"region"', '"neighbours"']) expect(error.message).toContain(name);
  });
});

describe('compareOver', () => {
  it('compares over a span of whole years: lower (better) than England in every year', () => {
    expect(render('{{compareOver "repeat_plans" "first" "latest-year" with="england"}}')).toBe('lower (better) than England in every year');
  });

  it('leaves the part year out of the span even when the span ends at "latest"', () => {
    // The part year has no England figure: were it counted, the phrase could not say "every year".
    expect(render('{{compareOver "repeat_plans" "first" "latest" with="england"}}')).toBe('lower (better) than England in every year');
  });

  it('says "in both years" over two years', () => {
    expect(render('{{compareOver "repeat_plans" "2014-15" "2015-16" with="england"}}')).toBe('lower (better) than England in both years');
  });

  it('counts the years each way when they are mixed', () => {
    // Neighbours: 15.0, 13.0, 16.0, 16.5 against Walsall 10.4, 13.8, 13.3, 17.2.
    const text = render('{{compareOver "repeat_plans" "first" "latest-year" with="neighbours"}}');
    expect(text).toBe('lower than the statistical neighbour average in 2, higher in 2 of the 4 years');
  });
});

describe('range', () => {
  it('gives the lowest and highest figures over a span', () => {
    expect(render('{{range "repeat_plans" "first" "2014-15"}}')).toBe('between 10.4% and 13.8%');
  });

  it('includes the part year when the span reaches it', () => {
    expect(render('{{range "repeat_plans" "first" "latest"}}')).toBe('between 8.5% and 17.2%');
  });

  it('ranges over a comparator with area=', () => {
    expect(render('{{range "repeat_plans" "first" "latest-year" area="england"}}')).toBe('between 14.9% and 17.9%');
  });

  it('says "throughout" when there is one figure', () => {
    expect(render('{{range "repeat_plans" "2015-16" "2015-16"}}')).toBe('17.2% throughout');
  });

  it('skips withheld figures', () => {
    expect(render('{{range "repeat_plans" "2013-14" "2015-16" area="region"}}')).toBe('between 16.0% and 18.5%');
  });
});

describe('period and comparator', () => {
  it('names periods', () => {
    expect(render('{{period "repeat_plans" "first"}}')).toBe('2012-13');
    expect(render('{{period "repeat_plans" "latest"}}')).toBe('April to August 2016');
    expect(render('{{period "repeat_plans" "latest-year"}}')).toBe('2015-16');
    expect(render('{{period "s47_rate" "latest"}}')).toBe('2016-17');
  });

  it('names comparators as prose does', () => {
    expect(render('{{comparator "repeat_plans" "england"}}')).toBe('England');
    expect(render('{{comparator "repeat_plans" "region"}}')).toBe('West Midlands');
    expect(render('{{comparator "repeat_plans" "neighbours"}}')).toBe('the statistical neighbour average');
  });
});

describe('plural, number and date', () => {
  it('plural with the default and an irregular form', () => {
    expect(render('{{plural 8 "case"}}')).toBe('8 cases');
    expect(render('{{plural 1 "case"}}')).toBe('1 case');
    expect(render('{{plural 26 "child" "children"}}')).toBe('26 children');
    expect(render('{{plural 1 "child" "children"}}')).toBe('1 child');
  });

  it('plural with a count from the context', () => {
    expect(render('{{plural audit.cases "case"}} involving {{plural audit.children "child" "children"}}', { audit: { cases: 8, children: 26 } })).toBe(
      '8 cases involving 26 children',
    );
  });

  it('plural refuses a count that is not a number', () => {
    expect(usageError('{{plural "eight" "case"}}').message).toMatch(/number/);
  });

  it('number with a thousands separator and decimals', () => {
    expect(render('{{number 1885}}')).toBe('1,885');
    expect(render('{{number 148.1 decimals=1}}')).toBe('148.1');
  });

  it('date the British way', () => {
    expect(render('{{date "2016-10-11"}}')).toBe('11 October 2016');
    expect(render('{{date "2016-06"}}')).toBe('June 2016');
    expect(render('{{date report.meetingDate}}', { report: { meetingDate: '2018-03-31' } })).toBe('31 March 2018');
  });

  it('date refuses a value that is not text', () => {
    expect(usageError('{{date 2016}}').message).toMatch(/YYYY-MM-DD/);
  });
});

describe('diagram and diagramRef', () => {
  it('refers to a diagram by its number, passing the line', () => {
    expect(render('See\n{{diagramRef "repeat-plans"}}.')).toBe('See\nDiagram 7.');
    expect(placer.calls).toEqual(['numberOf repeat-plans 2']);
  });

  it('places the diagram\'s HTML without escaping it', () => {
    expect(render('{{diagram "repeat-plans"}}')).toBe('<figure id="repeat-plans"><b>Diagram 7</b></figure>');
    expect(placer.calls).toEqual(['render repeat-plans 1']);
  });
});

describe('mistakes in templates', () => {
  it('an unknown indicator throws a TemplateUsageError listing the known ones, with the line', () => {
    const error = usageError('<p>\n\n{{value "repeat_plan" "2015-16"}}</p>');
    expect(error.name).toBe('TemplateUsageError');
    expect(error.message).toContain('"repeat_plan"');
    expect(error.message).toContain('"repeat_plans"');
    expect(error.message).toContain('"s47_rate"');
    expect(error.line).toBe(3);
  });

  it('an unknown period throws a TemplateUsageError listing the indicator\'s periods, with the line', () => {
    const error = usageError('first line\n{{change "repeat_plans" "2014-15" "2016-17"}}');
    expect(error.message).toContain('"2016-17"');
    for (const label of ['2012-13', '2013-14', '2014-15', '2015-16', 'April to August 2016']) expect(error.message).toContain(`"${label}"`);
    expect(error.line).toBe(2);
  });

  it('a period is looked up per indicator: 2016-17 exists for the S47 rate but not for repeat plans', () => {
    expect(render('{{value "s47_rate" "2016-17"}}')).toBe('148.1 per 10,000');
    expect(usageError('{{value "repeat_plans" "2016-17"}}').line).toBe(1);
  });

  it('every helper that names an indicator checks it', () => {
    for (const template of [
      '{{count "nope" "first" "numerator"}}',
      '{{change "nope" "first" "latest"}}',
      '{{difference "nope" "first" "latest"}}',
      '{{compare "nope" "first" with="england"}}',
      '{{compareOver "nope" "first" "latest" with="england"}}',
      '{{range "nope" "first" "latest"}}',
      '{{period "nope" "first"}}',
      '{{comparator "nope" "england"}}',
    ]) {
      expect(usageError(template).message, template).toContain('"repeat_plans"');
    }
  });
});
