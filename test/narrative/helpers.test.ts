/**
 * The template helpers, run through a real Handlebars instance in strict mode, against a small
 * hand-built IndicatorSet (Walsall's published figures for repeat plans, and an S47 rate with no
 * polarity). Expected words follow the domain primer's wording rules.
 */
import Handlebars from 'handlebars';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.js';
import { registerHelpers, type DiagramPlacer } from '../../src/narrative/helpers.js';
import { TemplateUsageError } from '../../src/narrative/lookups.js';
import { cleanHandlebarsMessage } from '../../src/narrative/render-narrative.js';
import { repeatPlans, s47Rate } from '../support/indicator-results.js';

const set = (average: 'mean' | 'median' = 'mean'): IndicatorSet => ({
  comparators: {
    council: { code: '335', name: 'Walsall' },
    region: { code: 'E12000005', name: 'West Midlands' },
    neighbours: { model: '2021', average, areas: [{ code: '831', name: 'Derby' }] },
    others: [],
  },
  indicators: { repeat_plans: repeatPlans, s47_rate: s47Rate },
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

  it("states a comparator's figure with area=", () => {
    expect(render('{{value "repeat_plans" "2015-16" area="england"}}')).toBe('17.9%');
    expect(render('{{value "repeat_plans" "2015-16" area="region"}}')).toBe('18.5%');
    expect(render('{{value "repeat_plans" "2015-16" area="neighbours"}}')).toBe('16.5%');
  });

  it('says when a figure is suppressed or missing, never 0', () => {
    expect(render('{{value "repeat_plans" "2014-15" area="region"}}')).toMatch(/suppressed/);
    expect(render('{{value "repeat_plans" "April to August 2016" area="england"}}')).toBe('not available');
  });

  it('fits into a sentence', () => {
    expect(render('In {{period "repeat_plans" "latest-year"}} it was {{value "repeat_plans" "latest-year"}}.')).toBe(
      'In 2015-16 it was 17.2%.',
    );
  });
});

describe('count', () => {
  it.each([
    [
      'states the numerator and denominator behind a figure',
      '{{count "repeat_plans" "latest" "numerator"}} of {{count "repeat_plans" "latest" "denominator"}}',
      '22 of 259',
    ],
    ['uses a thousands separator', '{{count "s47_rate" "2015-16" "numerator"}}', '1,885'],
    [
      "says not available when the counts are not known (England's published figure)",
      '{{count "repeat_plans" "2015-16" "numerator" area="england"}}',
      'not available',
    ],
  ])('%s', (_, template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('refuses a part other than numerator or denominator', () => {
    const error = usageError('{{count "repeat_plans" "2015-16" "total"}}');
    expect(error.message).toMatch(/numerator/);
    expect(error.message).toMatch(/denominator/);
  });
});

describe('change and difference', () => {
  it.each([
    [
      'states a rise with both figures and periods',
      '{{change "repeat_plans" "2014-15" "2015-16"}}',
      'rose from 13.3% in 2014-15 to 17.2% in 2015-16',
    ],
    [
      'adds the judgement when asked: a rise in repeat plans is a deterioration',
      '{{change "repeat_plans" "2014-15" "latest-year" judge=true}}',
      'rose from 13.3% in 2014-15 to 17.2% in 2015-16, a deterioration',
    ],
    [
      'states a fall into the part year but does not judge it against a whole year',
      '{{change "repeat_plans" "latest-year" "latest" judge=true}}',
      'fell from 17.2% in 2015-16 to 8.5% in April to August 2016 (part of a year, so not directly comparable)',
    ],
    [
      'states a change of a comparator with area=',
      '{{change "repeat_plans" "first" "latest-year" area="england"}}',
      'rose from 14.9% in 2012-13 to 17.9% in 2015-16',
    ],
  ])('%s', (_, template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('St Helens: 145 to 148.1 reads as a rise with no judgement, because the S47 rate has no polarity', () => {
    const text = render('{{change "s47_rate" "2015-16" "2016-17" judge=true}}');
    expect(text).toBe('rose from 145.0 per 10,000 in 2015-16 to 148.1 per 10,000 in 2016-17');
    expect(text).not.toMatch(/decrease|improvement|deterioration/);
  });

  it('states the size of a change', () => {
    expect(render('{{difference "repeat_plans" "2014-15" "2015-16"}}')).toBe('3.9 percentage points');
    expect(render('{{difference "s47_rate" "2015-16" "2016-17"}}')).toBe('3.1 per 10,000');
  });
});

describe('compare', () => {
  // Walsall 2015-16: 17.2%; England 17.9% (0.7 points away), West Midlands 18.5% (1.3), neighbours 16.5% (0.7).
  it("says similar within the indicator's tolerance (1 point), as verdict and the JSON do", () => {
    expect(render('{{compare "repeat_plans" "2015-16" with="england"}}')).toBe('similar to England (17.9%)');
  });

  it('names the region and the neighbour mean, with the judgement in brackets beyond the tolerance', () => {
    expect(render('{{compare "repeat_plans" "2015-16" with="region"}}')).toBe(
      'lower (better) than the West Midlands (18.5%)',
    );
    expect(render('{{compare "repeat_plans" "2015-16" with="neighbours"}}')).toBe(
      'similar to the statistical neighbour mean (16.5%)',
    );
    // 2012-13: 10.4% against the neighbours' 15.0%.
    expect(render('{{compare "repeat_plans" "2012-13" with="neighbours"}}')).toBe(
      'lower (better) than the statistical neighbour mean (15.0%)',
    );
  });

  it('calls the neighbour figure a median when the report uses the median', () => {
    setUp('median');
    expect(render('{{compare "repeat_plans" "2015-16" with="neighbours"}}')).toBe(
      'similar to the statistical neighbour median (16.5%)',
    );
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
  it.each([
    // England: 14.9, 15.8, 16.6, 17.9 against Walsall 10.4, 13.8, 13.3, 17.2 (the last 0.7 points away).
    [
      'compares over a span of whole years: lower (better) than England in every year',
      '{{compareOver "repeat_plans" "first" "2014-15" with="england"}}',
      'lower (better) than England in every year',
    ],
    [
      'counts a year within the tolerance as similar',
      '{{compareOver "repeat_plans" "first" "latest-year" with="england"}}',
      'lower than England in 3 and similar in 1 of the 4 years',
    ],
    // The part year has no England figure: were it counted, the phrase would say "years with figures".
    [
      'leaves the part year out of the span even when the span ends at "latest"',
      '{{compareOver "repeat_plans" "first" "latest" with="england"}}',
      'lower than England in 3 and similar in 1 of the 4 years',
    ],
    [
      'says "in both years" over two years',
      '{{compareOver "repeat_plans" "2013-14" "2014-15" with="england"}}',
      'lower (better) than England in both years',
    ],
    // Neighbours: 15.0, 13.0, 16.0, 16.5 against Walsall 10.4, 13.8, 13.3, 17.2: lower, similar, lower, similar.
    [
      'counts the years each way when they are mixed',
      '{{compareOver "repeat_plans" "first" "latest-year" with="neighbours"}}',
      'lower than the statistical neighbour mean in 2 and similar in 2 of the 4 years',
    ],
  ])('%s', (_, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('range', () => {
  it.each([
    [
      'gives the lowest and highest figures over a span',
      '{{range "repeat_plans" "first" "2014-15"}}',
      'between 10.4% and 13.8%',
    ],
    [
      'includes the part year when the span reaches it',
      '{{range "repeat_plans" "first" "latest"}}',
      'between 8.5% and 17.2%',
    ],
    [
      'ranges over a comparator with area=',
      '{{range "repeat_plans" "first" "latest-year" area="england"}}',
      'between 14.9% and 17.9%',
    ],
    ['says "throughout" when there is one figure', '{{range "repeat_plans" "2015-16" "2015-16"}}', '17.2% throughout'],
    ['skips withheld figures', '{{range "repeat_plans" "2013-14" "2015-16" area="region"}}', 'between 16.0% and 18.5%'],
    [
      'reads a span written backwards as the same span',
      '{{range "repeat_plans" "latest" "first"}}',
      'between 8.5% and 17.2%',
    ],
  ])('%s', (_, template, expected) => {
    expect(render(template)).toBe(expected);
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
    expect(render('{{comparator "repeat_plans" "region"}}')).toBe('the West Midlands');
    expect(render('{{comparator "repeat_plans" "neighbours"}}')).toBe('the statistical neighbour mean');
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
    expect(
      render('{{plural audit.cases "case"}} involving {{plural audit.children "child" "children"}}', {
        audit: { cases: 8, children: 26 },
      }),
    ).toBe('8 cases involving 26 children');
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

  it("places the diagram's HTML without escaping it", () => {
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

  it("an unknown period throws a TemplateUsageError listing the indicator's periods, with the line", () => {
    const error = usageError('first line\n{{change "repeat_plans" "2014-15" "2016-17"}}');
    expect(error.message).toContain('"2016-17"');
    for (const label of ['2012-13', '2013-14', '2014-15', '2015-16', 'April to August 2016'])
      expect(error.message).toContain(`"${label}"`);
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

describe('arguments', () => {
  it.each([
    ['{{value "repeat_plans"}}', 'value was given 1 argument; write it as {{value "indicator" "period"}}'],
    [
      '{{change "repeat_plans"}}',
      'change was given 1 argument; write it as {{change "indicator" "from period" "to period"}}',
    ],
    ['{{diagram}}', 'diagram was given nothing; write it as {{diagram "diagram id"}}'],
    ['{{date}}', 'date was given nothing; write it as {{date "2016-10-11"}}'],
    ['{{plural 3}}', 'plural was given 1 argument; write it as {{plural count "child" "children"}}'],
    [
      '{{rank "repeat_plans" "latest" "first"}}',
      'rank was given 3 arguments; write it as {{rank "indicator" "period"}}',
    ],
  ])('%s is refused, saying how the helper is written', (template, said) => {
    const error = usageError(template);
    expect(error.message).toBe(said);
    expect(error.line).toBe(1);
  });

  it('plural needs words, not numbers, for the thing counted', () => {
    expect(usageError('{{plural 3 5 6}}').message).toContain('write it as {{plural count "child" "children"}}');
  });

  it('number refuses decimals that are not a whole number from 0 to 6', () => {
    for (const decimals of ['-1', '200', '2.5', '"abc"'])
      expect(usageError(`{{number 5 decimals=${decimals}}}`).message).toMatch(
        /^number needs decimals= a whole number from 0 to 6/,
      );
    expect(render('{{number 1885.25 decimals=1}}')).toBe('1,885.3');
  });
});

describe('a helper the tool does not have', () => {
  it('is named with the nearest helper there is', () => {
    expect(cleanHandlebarsMessage('You specified knownHelpersOnly, but used the unknown helper valeu - 3:4')).toBe(
      'line 3, column 5: "valeu" is not a helper; did you mean "value"?',
    );
  });
});
