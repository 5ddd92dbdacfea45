/**
 * Charts are drawn the same way every time: two builds of the example give byte-identical SVG files,
 * whatever else was drawn before or between them (Vega numbers clip paths from counters shared by the
 * whole process; the renderer renumbers them per chart). And within one document no id is used twice,
 * so every aria-labelledby and url(#...) finds its own chart's element.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/render-charts.js';
import { renderSvg } from '../../src/charts/render-svg.js';
import { buildReport, type BuildResult } from '../../src/pipeline.js';
import {
  BREAKDOWN_DIAGRAM,
  breakdownSet,
  chartTheme,
  drawCharts,
  FILE,
  MONTHLY_DIAGRAM,
  monthlySet,
} from '../support/chart-fixtures.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects, type MemoryEffects } from '../support/memory-effects.js';

const SLUG = 'walsall-repeat-child-protection-plans';
const EXAMPLE_IDS = ['repeat-plans', 'neighbours-2015-16', 'all-councils-2015-16'];

interface Built {
  readonly result: BuildResult;
  /** The written .svg files by name. */
  readonly svgs: ReadonlyMap<string, string>;
}

async function build(prepare: (effects: MemoryEffects) => string = () => FILE): Promise<Built> {
  const effects = memoryEffects();
  const file = prepare(effects);
  const result = await buildReport({ file }, effects);
  expect(effects.written).toHaveLength(1);
  const svgs = new Map<string, string>();
  for (const written of effects.written[0]!.files.filter((f) => f.name.endsWith('.svg'))) {
    expect(typeof written.content, written.name).toBe('string');
    svgs.set(written.name, written.content as string);
  }
  return { result, svgs };
}

/** Other charts, drawn between two builds to move Vega's shared counters on. */
async function drawOthers(): Promise<void> {
  const theme = chartTheme();
  await renderCharts([BREAKDOWN_DIAGRAM], breakdownSet(), theme, FILE);
  await renderCharts([MONTHLY_DIAGRAM], monthlySet(), theme, FILE);
  const clipped = {
    data: {
      values: [
        { x: 1, y: 2 },
        { x: 2, y: 5 },
        { x: 3, y: 1 },
      ],
    },
    mark: { type: 'line', clip: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: { domain: [0, 1.5] } },
      y: { field: 'y', type: 'quantitative' },
    },
  } as unknown as Parameters<typeof renderSvg>[0];
  for (const id of ['other-a', 'other-b', 'other-c'])
    await renderSvg(clipped, { id, title: 'Other', description: 'Another chart.' });
}

// ---------------------------------------------------------------------------------------------------
// A small HTML reader: start and end tags with their attributes, outside comments, <style> and <script>.

interface Element {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  /** The <svg> chart it sits in (the outermost svg's position among the document's charts), if any. */
  readonly chart?: number;
}

function parseHtml(html: string): { elements: Element[]; charts: number } {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2')
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
  const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const elements: Element[] = [];
  let depth = 0; // <svg> nesting
  let charts = 0;
  for (const match of text.matchAll(tag)) {
    const [, closing, rawName, attrs, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (closing) {
      if (name === 'svg') depth -= 1;
      continue;
    }
    if (name === 'svg') {
      if (depth === 0) charts += 1;
      if (!selfClosing) depth += 1;
    }
    const attributes = new Map<string, string>();
    for (const [, key, double, single, bare] of attrs!.matchAll(attribute))
      attributes.set(key!.toLowerCase(), double ?? single ?? bare ?? '');
    elements.push({ name, attributes, chart: depth > 0 || name === 'svg' ? charts : undefined });
  }
  expect(depth, 'every <svg> is closed').toBe(0);
  return { elements, charts };
}

/** Every id that occurs more than once, with how often. */
function duplicates(ids: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, n]) => n > 1));
}

function checkIds(html: string, expectedCharts: readonly string[]) {
  const { elements, charts } = parseHtml(html);
  expect(charts).toBe(expectedCharts.length);
  const all = elements.flatMap((e) => (e.attributes.has('id') ? [e.attributes.get('id')!] : []));
  const inCharts = elements.filter((e) => e.chart !== undefined && e.attributes.has('id'));
  expect(inCharts.length).toBeGreaterThanOrEqual(2 * expectedCharts.length);
  // No id twice among the charts, nor anywhere in the document.
  expect(duplicates(inCharts.map((e) => e.attributes.get('id')!))).toEqual({});
  expect(duplicates(all)).toEqual({});

  // Each chart's ids start with its own diagram id, and what it points at is its own.
  for (const [i, id] of expectedCharts.entries()) {
    const own = elements.filter((e) => e.chart === i + 1);
    const root = own.find((e) => e.name === 'svg')!;
    const ids = own.flatMap((e) => (e.attributes.has('id') ? [e.attributes.get('id')!] : []));
    for (const each of ids) expect(each.startsWith(`${id}-`), each).toBe(true);
    expect(root.attributes.get('role')).toBe('img');
    expect(root.attributes.get('aria-labelledby')).toBe(`${id}-title ${id}-desc`);
    for (const ref of root.attributes.get('aria-labelledby')!.split(' ')) expect(ids).toContain(ref);
    const refs = own.flatMap((e) =>
      [...e.attributes.values()].flatMap((value) => [...value.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!)),
    );
    const hrefs = own.flatMap((e) =>
      ['href', 'xlink:href'].flatMap((key) =>
        e.attributes.get(key)?.startsWith('#') ? [e.attributes.get(key)!.slice(1)] : [],
      ),
    );
    for (const ref of [...refs, ...hrefs]) expect(ids, `${id}: reference to #${ref}`).toContain(ref);
  }
  return { elements, charts };
}

/** The outermost <svg> elements of an HTML document, as text, in order. */
function embeddedSvgs(html: string): string[] {
  return [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
}

// ---------------------------------------------------------------------------------------------------
// The example with two charts of its own in Vega-Lite, each with clip paths, placed in the appendix.

const CLIPPED = ['clipped-a', 'clipped-b'];

function withClippedCharts(effects: MemoryEffects): string {
  const config = join(ROOT, FILE);
  const yaml = (effects.overrides.get(config) as string | undefined) ?? readText(config);
  const extra = CLIPPED.map(
    (id) => `  - id: ${id}
    title: Second or subsequent plans between 10 and 15 per cent (${id})
    indicator: repeat_plans
    chart:
      vegaLite:
        data: { name: repeat_plans }
        mark: { type: line, clip: true }
        encoding:
          x: { field: period, type: ordinal }
          y: { field: value, type: quantitative, scale: { domain: [10, 15] } }
          color: { field: series, type: nominal }
`,
  ).join('');
  expect(yaml.split('\nsections:\n')).toHaveLength(2);
  effects.overrides.set(config, yaml.replace('\nsections:\n', `\n${extra}\nsections:\n`));
  const template = join(ROOT, 'templates/walsall/appendix-comparisons.hbs');
  effects.overrides.set(template, `${readText(template)}\n${CLIPPED.map((id) => `{{diagram "${id}"}}`).join('\n')}\n`);
  return config;
}

const readText = (path: string) => readFileSync(path, 'utf8');

// ---------------------------------------------------------------------------------------------------

describe('building the example twice', () => {
  it('writes the same three standalone SVG files, byte for byte', async () => {
    const first = await build();
    const second = await build();
    expect([...first.svgs.keys()]).toEqual(EXAMPLE_IDS.map((id) => `${SLUG}/charts/${id}.svg`));
    expect([...second.svgs.keys()]).toEqual([...first.svgs.keys()]);
    for (const [name, svg] of first.svgs) {
      expect(svg.startsWith('<svg role="img"')).toBe(true);
      expect(second.svgs.get(name), name).toBe(svg);
    }
    expect(embeddedSvgs(second.result.html)).toEqual(embeddedSvgs(first.result.html));
  });

  it('still does when other charts (with clip paths) are drawn between the builds', async () => {
    const first = await build();
    await drawOthers();
    const second = await build();
    for (const [name, svg] of first.svgs) expect(second.svgs.get(name), name).toBe(svg);
    expect(embeddedSvgs(second.result.html)).toEqual(embeddedSvgs(first.result.html));
  });

  it('draws each chart the same whatever order the diagrams are drawn in', async () => {
    const { result, svgs } = await build();
    await drawOthers();
    const reversed = await drawCharts([...result.definition.diagrams].reverse(), result.indicators, chartTheme(), FILE);
    for (const id of EXAMPLE_IDS) expect(reversed.get(id)!.standalone, id).toBe(svgs.get(`${SLUG}/charts/${id}.svg`));
    expect(embeddedSvgs(result.html)).toEqual(EXAMPLE_IDS.map((id) => reversed.get(id)!.svg));
  });
});

describe('ids in one document', () => {
  it("are never used twice across the example's charts (the assembled HTML, parsed)", async () => {
    const { result } = await build();
    checkIds(result.html, EXAMPLE_IDS);
  });

  it('stay unique, prefixed per chart and resolvable, when charts have clip paths of their own', async () => {
    const first = await build(withClippedCharts);
    const { elements } = checkIds(first.result.html, [...EXAMPLE_IDS, ...CLIPPED]);
    // The clipped charts really carry clip paths, numbered per chart.
    for (const id of CLIPPED) {
      const clips = elements.filter((e) => e.name === 'clippath').map((e) => e.attributes.get('id')!);
      expect(clips.filter((clip) => clip.startsWith(`${id}-def`)).length, id).toBeGreaterThan(0);
    }
    // The two charts are the same drawing under different ids: identical once the prefix is set aside.
    const [a, b] = CLIPPED.map((id) =>
      embeddedSvgs(first.result.html).find((svg) => svg.includes(`id="${id}-title"`))!,
    );
    expect(a!.replaceAll('clipped-a', 'clipped-X')).toBe(b!.replaceAll('clipped-b', 'clipped-X'));

    // And a second build, after other charts, is identical.
    await drawOthers();
    const second = await build(withClippedCharts);
    expect(embeddedSvgs(second.result.html)).toEqual(embeddedSvgs(first.result.html));
    expect([...second.svgs]).toEqual([...first.svgs]);
    expect(first.svgs.size).toBe(5);
  });

  it('do not clash between a chart and its standalone twin', async () => {
    const { result, svgs } = await build();
    const embedded = new Set(
      parseHtml(result.html).elements.flatMap((e) =>
        e.chart !== undefined && e.attributes.has('id') ? [e.attributes.get('id')!] : [],
      ),
    );
    for (const [name, svg] of svgs) {
      const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const id of ids) {
        expect(id, name).toMatch(/-standalone-/);
        expect(embedded.has(id), `${name}: ${id}`).toBe(false);
      }
      expect(duplicates(ids)).toEqual({});
    }
  });
});
