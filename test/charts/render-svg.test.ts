/**
 * The trend chart: an accessible SVG (one image with a title and a text alternative that states what it
 * shows), drawn the same way every time whatever was drawn before it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeTrend } from '../../src/charts/presets/describe-trend.js';
import { prefixIds, renderSvg } from '../../src/charts/render-svg.js';
import { parseChartTheme } from '../../src/charts/theme.js';
import { trendPoints, trendSpec } from '../../src/charts/presets/trend.js';
import type { IndicatorResult, Series, SeriesName } from '../../src/indicators/types.js';
import { PART, repeatPlans, YEARS } from '../support/indicator-results.js';

const theme = parseChartTheme('templates/chart-theme.json', readFileSync('templates/chart-theme.json', 'utf8'));

/** A series with a figure for each of YEARS, in order (null where there is none). */
const series = (name: string, values: readonly (number | null)[]): Series => ({
  name,
  figures: Object.fromEntries(YEARS.map((p, i) => [p.key, { value: values[i] ?? null }])),
});

const rate: IndicatorResult = {
  ...repeatPlans,
  id: 'cpp_rate',
  shortTitle: 'Child protection plan rate',
  unit: 'rate',
  polarity: 'none',
  periods: YEARS,
  series: {
    council: series('Walsall', [50.1, 52.3, 48.0, 55.5]),
    england: series('England', [37.9, 42.1, 42.9, 43.1]),
    region: series('West Midlands', [null, null, null, null]),
    neighbours: series('Statistical neighbours (mean)', [null, null, null, null]),
  },
};

const SERIES: SeriesName[] = ['council', 'neighbours', 'england'];

async function drawTrend(id = 'repeat-plans') {
  const description = describeTrend(repeatPlans, SERIES, 'mean');
  const svg = await renderSvg(trendSpec(repeatPlans, SERIES, theme), {
    id,
    title: 'Diagram: repeat plans',
    description,
  });
  return { svg, description };
}

async function drawRate() {
  const series: SeriesName[] = ['council', 'england'];
  return renderSvg(trendSpec(rate, series, theme), {
    id: 'cpp-rate',
    title: 'Plan rate',
    description: describeTrend(rate, series, 'mean'),
  });
}

const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

describe('renderSvg: the trend chart', () => {
  it('is one image: the svg element has role="img" and is labelled by its title and description', async () => {
    const { svg } = await drawTrend();
    expect(svg.startsWith('<svg role="img"')).toBe(true);
    const root = /^<svg[^>]*>/.exec(svg)![0];
    expect(root).toContain('aria-labelledby="repeat-plans-title repeat-plans-desc"');
    expect(svg).toContain('id="repeat-plans-title"');
    expect(svg).toContain('id="repeat-plans-desc"');
  });

  it('carries the title and the generated description as <title> and <desc>', async () => {
    const { svg, description } = await drawTrend();
    const title = /<title id="repeat-plans-title">([^<]*)<\/title>/.exec(svg);
    const desc = /<desc id="repeat-plans-desc">([^<]*)<\/desc>/.exec(svg);
    expect(title).not.toBeNull();
    expect(desc).not.toBeNull();
    expect(decode(title![1]!)).toBe('Diagram: repeat plans');
    expect(decode(desc![1]!)).toBe(description);
    expect(description.length).toBeGreaterThan(0);
  });

  it('escapes markup in the title and description', async () => {
    const svg = await renderSvg(trendSpec(repeatPlans, SERIES, theme), {
      id: 'x',
      title: 'Plans & <repeats>',
      description: 'a "quoted" <b>claim</b>',
    });
    expect(svg).not.toContain('<repeats>');
    expect(svg).not.toContain('<b>');
    expect(decode(/<title id="x-title">([^<]*)<\/title>/.exec(svg)![1]!)).toBe('Plans & <repeats>');
    expect(decode(/<desc id="x-desc">([^<]*)<\/desc>/.exec(svg)![1]!)).toBe('a "quoted" <b>claim</b>');
  });

  it('is drawn identically twice, even with another chart drawn in between', async () => {
    const first = (await drawTrend()).svg;
    await drawRate();
    const second = (await drawTrend()).svg;
    expect(second).toBe(first);
  });

  it('prefixes every id with the chart id, and every url(#...) points at an id in the same svg', async () => {
    const { svg } = await drawTrend();
    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids).toEqual(expect.arrayContaining(['repeat-plans-title', 'repeat-plans-desc']));
    for (const id of ids) expect(id.startsWith('repeat-plans-')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
  });

  it('numbers clip paths per chart: a clipped chart drawn twice, with others in between, is identical', async () => {
    // The trend chart itself has no clip paths; this one does, and Vega numbers them from a counter
    // shared by the whole process (clip1, clip2 ...), so without renumbering the two drawings differ.
    const clipped = {
      data: {
        values: [
          { x: 1, y: 2 },
          { x: 2, y: 5 },
        ],
      },
      mark: { type: 'line', clip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative', scale: { domain: [0, 1.5] } },
        y: { field: 'y', type: 'quantitative' },
      },
    } as unknown as Parameters<typeof renderSvg>[0];
    const text = { id: 'clipped', title: 'Clipped', description: 'A clipped line.' };
    const first = await renderSvg(clipped, text);
    await drawTrend();
    await renderSvg(clipped, { ...text, id: 'other' });
    const second = await renderSvg(clipped, text);
    expect(second).toBe(first);
    const refs = [...first.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    const ids = [...first.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) {
      expect(ref.startsWith('clipped-')).toBe(true);
      expect(ids).toContain(ref);
    }
  });

  it('labels the whole financial years on the x axis and leaves the part year out', async () => {
    const { svg } = await drawTrend();
    for (const label of ['2012-13', '2013-14', '2014-15', '2015-16']) expect(svg).toContain(label);
    expect(svg).not.toContain('April to August 2016');
  });

  it('names every series in the legend', async () => {
    const { svg } = await drawTrend();
    for (const name of ['Walsall', 'England', 'Statistical neighbours (mean)']) expect(svg).toContain(name);
    expect(svg).not.toContain('West Midlands');
  });
});

describe('trendPoints and trendSpec', () => {
  it('plots whole years only, and keeps a missing figure as a gap (null) so the line breaks there', () => {
    const points = trendPoints(rate, ['council', 'region']);
    expect(points).toHaveLength(8);
    expect(points.filter((p) => p.value !== null).every((p) => p.series === 'Walsall')).toBe(true);
    expect(points.filter((p) => p.value === null)).toHaveLength(4);
    const council = trendPoints(repeatPlans, ['council']);
    expect(council.map((p) => p.period)).toEqual(['2012-13', '2013-14', '2014-15', '2015-16']);
    expect(council.map((p) => p.value)).toEqual([10.4, 13.8, 13.3, 17.2]);
  });

  it('gives each series its own colour, dash and marker from the theme, so colour is not the only difference', () => {
    type Channel = { scale: { domain: string[]; range: unknown[] } };
    const spec = trendSpec(repeatPlans, SERIES, theme) as unknown as {
      encoding: Record<'color' | 'strokeDash', Channel>;
      layer: { encoding?: { shape?: Channel } }[];
    };
    // Colour and dash belong to the lines, the marker shape to the points.
    const shape = spec.layer.map((layer) => layer.encoding?.shape).find(Boolean)!;
    const names = ['Walsall', 'Statistical neighbours (mean)', 'England'];
    for (const channel of [spec.encoding.color, spec.encoding.strokeDash, shape]) {
      expect(channel.scale.domain).toEqual(names);
      expect(new Set(channel.scale.range.map((r) => JSON.stringify(r))).size).toBe(3);
    }
    expect(spec.encoding.color.scale.range).toEqual([
      theme.series.council.color,
      theme.series.neighbours.color,
      theme.series.england.color,
    ]);
  });
});

describe('prefixIds', () => {
  const svg =
    '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient12"/><clipPath id="clip70"/></defs>' +
    '<g clip-path="url(#clip7)"><path fill="url(#gradient12)"/></g><g clip-path="url(#clip70)"/><use href="#clip7"/></svg>';

  it('renames each id and every reference to it, consistently', () => {
    const out = prefixIds(svg, 'chart');
    const ids = [...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids).toEqual(['chart-def1', 'chart-def2', 'chart-def3']);
    expect(out).toContain('clip-path="url(#chart-def1)"');
    expect(out).toContain('fill="url(#chart-def2)"');
    expect(out).toContain('clip-path="url(#chart-def3)"');
    expect(out).toContain('href="#chart-def1"');
    expect(out).not.toMatch(/clip7|clip70|gradient12/);
  });

  it('does not confuse an id with a longer one that starts the same (clip7 and clip70)', () => {
    const out = prefixIds(svg, 'c');
    expect(out).toContain('<clipPath id="c-def3"/>');
    expect(out).toContain('<g clip-path="url(#c-def3)"/>');
  });

  it('gives the same output for the same drawing numbered from a different counter', () => {
    const later = svg
      .replaceAll('clip70', 'clip170')
      .replaceAll('clip7', 'clip17')
      .replaceAll('gradient12', 'gradient99');
    expect(prefixIds(later, 'chart')).toBe(prefixIds(svg, 'chart'));
  });

  it('leaves references to ids it did not find alone', () => {
    expect(prefixIds('<svg><g fill="url(#elsewhere)"/></svg>', 'c')).toBe('<svg><g fill="url(#elsewhere)"/></svg>');
  });
});

describe('describeTrend', () => {
  it('names the measure, the span and the series', () => {
    const text = describeTrend(repeatPlans, SERIES, 'mean');
    expect(text).toMatch(/line chart/i);
    expect(text.toLowerCase()).toContain('second or subsequent plans');
    expect(text).toContain('2012-13');
    expect(text).toContain('2015-16');
    expect(text).toContain('Walsall');
    expect(text).toContain('England');
  });

  it("states the council's first and last figures and the direction between them", () => {
    const text = describeTrend(repeatPlans, SERIES, 'mean');
    expect(text).toContain('10.4%');
    expect(text).toContain('17.2%');
    expect(text).toMatch(/rose/);
    expect(text).not.toMatch(/fell|decrease/);
  });

  it('compares the last year with England within the tolerance prose uses: 17.2% is similar to 17.9%', () => {
    const text = describeTrend(repeatPlans, SERIES, 'mean');
    expect(text).toContain('similar to England (17.9%)');
  });

  it('compares with the neighbours by the name prose uses, mean or median', () => {
    expect(describeTrend(repeatPlans, SERIES, 'mean')).toContain('similar to the statistical neighbour mean (16.5%)');
    expect(describeTrend(repeatPlans, SERIES, 'median')).toContain('the statistical neighbour median (16.5%)');
  });

  it('ignores the part year: the last year described is 2015-16, not April to August 2016', () => {
    const text = describeTrend(repeatPlans, SERIES, 'mean');
    expect(text).not.toContain('April to August 2016');
    expect(text).not.toContain('8.5%');
  });

  it('says higher or lower without judgement for a measure without polarity', () => {
    const text = describeTrend(rate, ['council', 'england'], 'mean');
    expect(text).toContain('higher than England (43.1 per 10,000)');
    expect(text).not.toMatch(/better|worse/);
  });

  it('never leaks a placeholder when the last figure is missing', () => {
    const gap: IndicatorResult = {
      ...rate,
      series: { ...rate.series, council: series('Walsall', [50.1, 52.3, 48.0, null]) },
    };
    const text = describeTrend(gap, ['council', 'england'], 'mean');
    expect(text).not.toMatch(/NaN|undefined|null|\[object/);
    expect(text).not.toMatch(/\brose\b|\bfell\b|higher|lower/);
  });

  it('says there is nothing to show when there are no whole years', () => {
    const empty: IndicatorResult = { ...repeatPlans, periods: [PART] };
    const text = describeTrend(empty, SERIES, 'mean');
    expect(text).toMatch(/no figures/);
    expect(text).not.toMatch(/NaN|undefined|null/);
  });
});

describe('parseChartTheme', () => {
  it('names the theme file and what is wrong with it', () => {
    expect(() => parseChartTheme('mine/chart-theme.json', '{ "font": ')).toThrow(
      /^mine\/chart-theme\.json: the chart theme cannot be used: /,
    );
    expect(() =>
      parseChartTheme(
        'mine/chart-theme.json',
        '{ "series": { "council": { "color": "#000", "dash": [1], "shape": "circle" } } }',
      ),
    ).toThrow(/mine\/chart-theme\.json: the chart theme cannot be used: "series\.england"/);
  });
});
