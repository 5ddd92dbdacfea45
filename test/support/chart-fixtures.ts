/**
 * Every chart preset drawn from real inputs, for the chart tests: the example report's three diagrams
 * (trend, neighbours, benchmark) built in memory, a breakdown of Walsall's factors at assessment in
 * 2024-25 from the real DfE file, and a monthly run chart of a custom indicator from an in-memory sheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCharts, type RenderedDiagram } from '../../src/charts/render-charts.js';
import { parseChartTheme, type ChartTheme } from '../../src/charts/theme.js';
import type { DiagramSpec } from '../../src/definition/schema.js';
import { computeIndicators } from '../../src/indicators/compute.js';
import type { IndicatorDefinition, IndicatorSet } from '../../src/indicators/types.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import { NEIGHBOUR_FILES } from '../../src/indicators/neighbours.js';
import { buildReport, type BuildResult } from '../../src/pipeline.js';
import { readCsv } from '../../src/tables/read-csv.js';
import type { Table } from '../../src/tables/table.js';
import { ROOT } from './cli.js';
import { memoryEffects } from './memory-effects.js';
import { monthlyCounts, visitsIndicator } from './monthly.js';

export const FILE = 'report.config.yaml';
export const THEME_FILE = 'templates/chart-theme.json';

export function chartTheme(): ChartTheme {
  return parseChartTheme(THEME_FILE, readFileSync(join(ROOT, THEME_FILE), 'utf8'));
}

/** A DfE file from data/dfe, read as the pipeline reads it. */
export function dfeTable(name: string): Table {
  const path = `data/dfe/${name}`;
  return readCsv(path, readFileSync(join(ROOT, path), 'utf8'));
}

export const D3_FILE = 'd3_cpps_subsequent_plan_2013_to_2025.csv';
export const C3_FILE = 'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv';
export const SN2021_FILE = NEIGHBOUR_FILES['2021'];

export const WALSALL = { code: '335', name: 'Walsall' } as const;

// ---------------------------------------------------------------------------------------------------
// The example report.

export async function buildExample(): Promise<BuildResult> {
  return buildReport({ file: FILE }, memoryEffects());
}

// ---------------------------------------------------------------------------------------------------
// Breakdown: the five assessment-factor indicators of the library, Walsall 2024-25, council and England.

export const ASSESSMENT_IDS = [
  'assessment_domestic_abuse_parent_percent',
  'assessment_mental_health_parent_percent',
  'assessment_neglect_percent',
  'assessment_emotional_abuse_percent',
  'assessment_drug_misuse_parent_percent',
] as const;

export function breakdownSet(): IndicatorSet {
  const library = builtInLibrary();
  const indicators: IndicatorDefinition[] = ASSESSMENT_IDS.map((id) => ({ id, base: id, ...library[id]! }));
  return computeIndicators({
    council: WALSALL,
    neighbours: { model: '2021', average: 'mean' },
    populationYearOffset: 1,
    indicators,
    national: new Map([
      [SN2021_FILE, dfeTable(SN2021_FILE)],
      [C3_FILE, dfeTable(C3_FILE)],
    ]),
    local: new Map(),
  });
}

export const BREAKDOWN_DIAGRAM: DiagramSpec = {
  id: 'factors-2024-25',
  title: 'Factors identified at the end of assessment in 2024-25, Walsall and England (%)',
  indicator: ASSESSMENT_IDS[0],
  indicators: [...ASSESSMENT_IDS],
  series: ['council', 'england'],
  table: true,
  chart: 'breakdown',
  period: '2024-25',
  zero: true,
};

// ---------------------------------------------------------------------------------------------------
// Monthly: a custom indicator of the council's own, October 2015 to September 2016, with a target.

/** Visits made on time and visits due, one calendar month a row from October 2015. */
export const MONTHLY_COUNTS: readonly (readonly [number, number])[] = [
  [41, 52],
  [44, 51],
  [39, 48],
  [47, 55],
  [50, 57],
  [46, 50],
  [43, 49],
  [52, 58],
  [49, 53],
  [55, 60],
  [51, 61],
  [58, 62],
];
export const MONTHLY_START = { year: 2015, month: 9 }; // October 2015 (months count from 0)
export const MONTHLY_TARGET = 85;

export function monthlyTable(): Table {
  return monthlyCounts(MONTHLY_COUNTS, MONTHLY_START);
}

export const VISITS: IndicatorDefinition = visitsIndicator();

export function monthlySet(): IndicatorSet {
  return computeIndicators({
    council: WALSALL,
    neighbours: { model: '2021', average: 'mean' },
    populationYearOffset: 1,
    indicators: [VISITS],
    national: new Map([[SN2021_FILE, dfeTable(SN2021_FILE)]]),
    local: new Map([['monthly', monthlyTable()]]),
  });
}

export const MONTHLY_DIAGRAM: DiagramSpec = {
  id: 'visits-by-month',
  title: 'Child protection visits made on time, month by month (%)',
  indicator: 'visits',
  series: ['council'],
  table: true,
  chart: 'monthly',
  period: 'latest',
  zero: true,
  target: MONTHLY_TARGET,
};

// ---------------------------------------------------------------------------------------------------
// All of them.

export type PresetName = 'trend' | 'neighbours' | 'benchmark' | 'breakdown' | 'monthly';

export interface DrawnChart {
  readonly preset: PresetName;
  readonly diagram: DiagramSpec;
  readonly set: IndicatorSet;
  readonly rendered: DrawnDiagram;
}

/** A rendered diagram with its standalone SVG drawn. */
export type DrawnDiagram = Omit<RenderedDiagram, 'standalone'> & { readonly standalone?: string };

/** renderCharts, with each standalone SVG drawn as a build draws it. */
export async function drawCharts(...args: Parameters<typeof renderCharts>): Promise<Map<string, DrawnDiagram>> {
  const rendered = await renderCharts(...args);
  const drawn = new Map<string, DrawnDiagram>();
  for (const [id, diagram] of rendered) drawn.set(id, { ...diagram, standalone: await diagram.standalone?.() });
  return drawn;
}

/** The example's diagram ids by preset. */
export const EXAMPLE_IDS = {
  trend: 'repeat-plans',
  neighbours: 'neighbours-2015-16',
  benchmark: 'all-councils-2015-16',
} as const;

/** Every preset, drawn through renderCharts with the house theme. */
export async function drawEveryPreset(): Promise<Record<PresetName, DrawnChart>> {
  const theme = chartTheme();
  const example = await buildExample();
  const exampleCharts = await drawCharts(example.definition.diagrams, example.indicators, theme, FILE);
  const fromExample = (preset: keyof typeof EXAMPLE_IDS): DrawnChart => {
    const diagram = example.definition.diagrams.find((d) => d.id === EXAMPLE_IDS[preset])!;
    return { preset, diagram, set: example.indicators, rendered: exampleCharts.get(diagram.id)! };
  };
  const drawOne = async (preset: PresetName, diagram: DiagramSpec, set: IndicatorSet): Promise<DrawnChart> => ({
    preset,
    diagram,
    set,
    rendered: (await drawCharts([diagram], set, theme, FILE)).get(diagram.id)!,
  });
  return {
    trend: fromExample('trend'),
    neighbours: fromExample('neighbours'),
    benchmark: fromExample('benchmark'),
    breakdown: await drawOne('breakdown', BREAKDOWN_DIAGRAM, breakdownSet()),
    monthly: await drawOne('monthly', MONTHLY_DIAGRAM, monthlySet()),
  };
}

/** A trend over every year in the files (13), whose year labels cannot all stand side by side. */
export async function drawLongTrend(): Promise<DrawnChart> {
  const library = builtInLibrary();
  const set = computeIndicators({
    council: WALSALL,
    neighbours: { model: '2021', average: 'mean' },
    populationYearOffset: 1,
    indicators: [{ id: 'repeat_plans', base: 'cpp_subsequent_percent', ...library.cpp_subsequent_percent! }],
    national: new Map([
      [SN2021_FILE, dfeTable(SN2021_FILE)],
      [D3_FILE, dfeTable(D3_FILE)],
    ]),
    local: new Map(),
  });
  const diagram: DiagramSpec = {
    id: 'repeat-plans-all-years',
    title: 'Second or subsequent plans, 2012-13 to 2024-25 (%)',
    indicator: 'repeat_plans',
    series: ['council', 'neighbours', 'region', 'england'],
    table: true,
    chart: 'trend',
    period: 'latest-year',
    zero: true,
  };
  return {
    preset: 'trend',
    diagram,
    set,
    rendered: (await drawCharts([diagram], set, chartTheme(), FILE)).get(diagram.id)!,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading an SVG as text.

/** XML character references and the five named entities, decoded. */
export function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
    );
}

/** The content of every <text> element, in document order, decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((match) =>
    decodeXml(match[1]!.replace(/<[^>]*>/g, '')),
  );
}

/** The content of every <text> element that is drawn: Vega hides colliding axis labels with opacity="0". */
export function drawnTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)]
    .filter((match) => !/\sopacity="0"/.test(match[1]!))
    .map((match) => decodeXml(match[2]!.replace(/<[^>]*>/g, '')));
}

/** The whole <text> element whose content is exactly `content`. */
export function textElements(svg: string, content: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)]
    .filter((match) => decodeXml(match[1]!.replace(/<[^>]*>/g, '')) === content)
    .map((match) => match[0]);
}

export function svgTitle(svg: string): string | undefined {
  const match = /^<svg\b[^>]*><title id="[^"]*">([^<]*)<\/title>/.exec(svg);
  return match ? decodeXml(match[1]!) : undefined;
}

export function svgDesc(svg: string): string | undefined {
  const match = /^<svg\b[^>]*><title id="[^"]*">[^<]*<\/title><desc id="[^"]*">([^<]*)<\/desc>/.exec(svg);
  return match ? decodeXml(match[1]!) : undefined;
}
