/**
 * A council's own sheet as officers keep it: figures quoted as published (no counts behind them),
 * England's and the region's published figures beside a local measure, and gaps and DfE symbols.
 * Expected figures are worked out by hand from the rows written here.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { ReportError } from '../../src/diagnostics/report-error.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

/** A St Helens report reading one local file: the part every definition here shares. */
const reportHead = (slug: string, file: string) => `report:
  title: Local measures
  slug: ${slug}
  council: St Helens Council
  committee: Scrutiny Committee
  meetingDate: 2018-07-10
area: { code: "342", name: St Helens }
data:
  national: data/dfe
  local:
    - { id: own, file: ${file} }`;

const definition = (local: string, kind = 'rate') => `
${reportHead('local-probe', 'probe-local.csv')}
indicators:
  - id: measure
    custom: { kind: ${kind}, title: Referrals going on to assessment, definition: Assessments per 10000, polarity: low-is-good }
    local: { source: own, from: Start, to: End, ${local} }
diagrams:
  - { id: trend, title: Measure, indicator: measure, series: [council, england, region], chart: none }
sections:
  - heading: Summary
    text: '{{value "measure" "latest"}} against England {{value "measure" "latest" area="england"}}: {{verdict "measure" "latest" with="england"}}. {{diagram "trend"}}'
`;

async function build(local: string, csv: string, kind?: string) {
  const effects = memoryEffects();
  effects.overrides.set(join(ROOT, 'local-probe.yaml'), definition(local, kind));
  effects.overrides.set(join(ROOT, 'probe-local.csv'), csv);
  return buildReport({ file: 'local-probe.yaml' }, effects);
}

const YEARS =
  'Start,End,Rate,England,Region\n2015-04-01,2016-03-31,145.04,157.4,150.2\n2016-04-01,2017-03-31,148.1,147.0,160.0\n';

describe('figures as published', () => {
  it('are taken as they are, at the indicator decimals, marked as published, and judged against the figures beside them', async () => {
    const { indicators, html } = await build('value: Rate, england: England, region: Region', YEARS);
    const measure = indicators.indicators.measure!;
    expect(
      measure.series.council.figures['2015-04-01/2016-03-31'] ?? measure.series.council.figures['2015-16'],
    ).toMatchObject({
      value: 145,
      published: true,
    });
    expect(measure.series.england.figures['2016-17']).toMatchObject({ value: 147 });
    expect(measure.series.region.figures['2016-17']).toMatchObject({ value: 160 });
    // 148.1 against 147.0 is within 5% of 147 (7.35): similar. Against 160.0 it is 11.9 lower: better (low is good).
    expect(measure.assessments['2016-17']).toMatchObject({ england: 'similar', region: 'better' });
    expect(html).toContain('148.1 per 10,000 against England 147.0 per 10,000: similar to England');
    expect(html.replace(/<[^>]*>/g, '').replace(/&#x27;/g, "'")).toContain(
      "St Helens' figures for 2015-16 and 2016-17 are as the council published them, not computed from counts.",
    );
  });

  it('takes another council as a comparator in a report of local figures only, known from the neighbour model', async () => {
    const effects = memoryEffects();
    effects.overrides.set(
      join(ROOT, 'local-probe.yaml'),
      definition('value: Rate').replace('\ndata:', '\ncomparators: ["889"]\ndata:'),
    );
    effects.overrides.set(join(ROOT, 'probe-local.csv'), YEARS);
    const { indicators } = await buildReport({ file: 'local-probe.yaml' }, effects);
    expect(indicators.comparators.others).toEqual([{ code: '889', name: 'Blackburn with Darwen', asWritten: '889' }]);
  });

  it('refuses a figure with counts beside it, naming the key', async () => {
    await expect(build('value: Rate, numerator: Rate', YEARS)).rejects.toThrow(
      /counts .* or a published figure \(value:\), not both/,
    );
  });

  it('refuses a negative figure or a percentage over 100 at its cell', async () => {
    const negative = 'Start,End,Rate\n2016-04-01,2017-03-31,-3\n';
    await expect(build('value: Rate', negative)).rejects.toThrow(
      /probe-local\.csv, line 2: "Rate" should be a figure of 0 or more but the cell holds "-3"/,
    );
    const over = 'Start,End,Share,England\n2016-04-01,2017-03-31,12.5,104\n';
    await expect(build('value: Share, england: England', over, 'percentage')).rejects.toThrow(
      /probe-local\.csv, line 2: "England" is a percentage over 100 \(104\)/,
    );
  });
});

describe('gaps and symbols in a local sheet', () => {
  it('carries a blank cell as not available and a symbol as published, with the legend under the table', async () => {
    const csv =
      'Start,End,Assessments,Children\n2015-04-01,2016-03-31,,42000\n2016-04-01,2017-03-31,c,42100\n2017-04-01,2018-03-31,630,42200\n';
    const { indicators, html } = await build('numerator: Assessments, denominator: Children', csv);
    const figures = indicators.indicators.measure!.series.council.figures;
    expect(figures['2015-16']).toMatchObject({ value: null, symbol: 'x' });
    expect(figures['2016-17']).toMatchObject({ value: null, symbol: 'c' });
    // 630 / 42,200 x 10,000 = 149.29, shown 149.3.
    expect(figures['2017-18']).toMatchObject({ value: 149.3, numerator: 630, denominator: 42200 });
    const text = html.replace(/<[^>]*>/g, ' ');
    expect(text).toContain('c: suppressed to protect confidentiality');
    expect(text).toContain('x: not available');
  });

  it('carries a symbol in a count with no denominator', async () => {
    const csv = 'Start,End,Children\n2016-04-01,2017-03-31,c\n2017-04-01,2018-03-31,\n';
    const { indicators } = await build('numerator: Children', csv, 'count');
    const figures = indicators.indicators.measure!.series.council.figures;
    expect(figures['2016-17']).toMatchObject({ value: null, symbol: 'c' });
    expect(figures['2017-18']).toMatchObject({ value: null, symbol: 'x' });
  });

  it('still refuses text that is neither a number nor a symbol, at its cell', async () => {
    const csv = 'Start,End,Assessments,Children\n2016-04-01,2017-03-31,lots,42100\n';
    const error = await build('numerator: Assessments, denominator: Children', csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect(String((error as ReportError).problems)).toMatch(
      /probe-local\.csv, line 2: "Assessments" should be a number but the cell holds "lots"/,
    );
  });
});

describe('a sheet by district', () => {
  const areaDefinition = (publicReport: boolean) => `
${reportHead('area-probe', 'probe-areas.csv')}
indicators:
  - id: measure
    custom: { kind: rate, title: Plans by district, definition: Plans per 10000 }
    local: { source: own, from: Start, to: End, area: District, numerator: Plans, denominator: Children }
diagrams:
  - { id: districts, title: Plans by district, indicator: measure, chart: areas, period: 2017-18 }
disclosure: { public: ${publicReport} }
sections:
  - heading: Summary
    text: '{{value "measure" "2017-18"}}. {{diagram "districts"}}'
`;
  const CSV =
    'District,Start,End,Plans,Children\nNorth,2017-04-01,2018-03-31,40,10000\nSouth,2017-04-01,2018-03-31,3,5000\nEast,2017-04-01,2018-03-31,25,5000\n';

  async function areas(publicReport: boolean) {
    const effects = memoryEffects();
    effects.overrides.set(join(ROOT, 'area-probe.yaml'), areaDefinition(publicReport));
    effects.overrides.set(join(ROOT, 'probe-areas.csv'), CSV);
    return buildReport({ file: 'area-probe.yaml' }, effects);
  }

  it('gives each district its figure and the council the sum of their counts, drawn highest first', async () => {
    const { indicators, html } = await areas(false);
    const measure = indicators.indicators.measure!;
    // (40 + 3 + 25) / (10,000 + 5,000 + 5,000) x 10,000 = 34.0; East 50.0, North 40.0, South 6.0.
    expect(measure.series.council.figures['2017-18']).toMatchObject({ value: 34, numerator: 68, denominator: 20000 });
    expect(measure.areas?.column).toBe('District');
    expect(measure.areas?.series.map((s) => [s.name, s.figures['2017-18']?.value])).toEqual([
      ['North', 40],
      ['South', 6],
      ['East', 50],
    ]);
    const text = html
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/\s+/g, ' ');
    expect(text).toContain('District 2017-18 East 50.0 North 40.0 South 6.0 St Helens 34.0');
    expect(text).toContain(
      "Bar chart of plans by district in 2017-18 for the 3 districts of St Helens, highest first. Figures run from 50.0 per 10,000 (East) to 6.0 per 10,000 (South). St Helens' figure is 34.0 per 10,000.",
    );
  });

  it('withholds a district with a small count in a public report, and a second so it cannot be had by subtraction', async () => {
    const { indicators, html } = await areas(true);
    expect(html).toContain('East and South have no figure to show.');
    const figure = (name: string) =>
      indicators.indicators.measure!.areas!.series.find((s) => s.name === name)!.figures['2017-18'];
    // South's 3 is withheld; with the total of 68 shown, so is the smallest other count (East, 25).
    expect(figure('South')).toMatchObject({ value: null, symbol: 'c' });
    expect(figure('South')).not.toHaveProperty('numerator');
    expect(figure('East')).toMatchObject({ value: null, symbol: 'c' });
    expect(figure('North')).toMatchObject({ value: 40, numerator: 40 });
    expect(indicators.indicators.measure!.series.council.figures['2017-18']?.value).toBe(34);
  });

  it("refuses two rows of one period that give England different figures, at the second one's cell", async () => {
    const effects = memoryEffects();
    effects.overrides.set(
      join(ROOT, 'area-probe.yaml'),
      areaDefinition(false).replace('denominator: Children }', 'denominator: Children, england: England }'),
    );
    effects.overrides.set(
      join(ROOT, 'probe-areas.csv'),
      'District,Start,End,Plans,Children,England\nNorth,2017-04-01,2018-03-31,40,10000,40.6\nSouth,2017-04-01,2018-03-31,3,5000,41.6\n',
    );
    await expect(buildReport({ file: 'area-probe.yaml' }, effects)).rejects.toThrow(
      'probe-areas.csv, line 3: "England" differs from the figure given for the same period at probe-areas.csv, line 2; give one figure for each period.',
    );
  });

  it('refuses a district given twice for one period, naming the district', async () => {
    const effects = memoryEffects();
    effects.overrides.set(join(ROOT, 'area-probe.yaml'), areaDefinition(false));
    effects.overrides.set(join(ROOT, 'probe-areas.csv'), CSV + 'South,2017-04-01,2018-03-31,4,5000\n');
    await expect(buildReport({ file: 'area-probe.yaml' }, effects)).rejects.toThrow(
      'probe-areas.csv, line 5: this row repeats the period 2017-04-01 to 2018-03-31 for South, already given on line 3; each period must have one row for each area, so remove the wrong one.',
    );
  });

  it('refuses chart: areas for an indicator without an area column, at its line', async () => {
    const effects = memoryEffects();
    effects.overrides.set(join(ROOT, 'area-probe.yaml'), areaDefinition(false).replace('area: District, ', ''));
    effects.overrides.set(join(ROOT, 'probe-areas.csv'), CSV);
    await expect(buildReport({ file: 'area-probe.yaml' }, effects)).rejects.toThrow(
      /area-probe\.yaml, line 18, column \d+: chart: areas draws an indicator by district or team/,
    );
  });
});
