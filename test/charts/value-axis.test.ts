/**
 * A chart's value axis covers every value it draws and ends on a labelled tick: values of 145 to 148
 * were once drawn above an axis labelled up to 140. Checked on the axis chosen for values just above
 * round numbers, and on every preset drawn with figures from 145 to 148.3, read back from the SVG.
 */
import { describe, expect, it } from 'vitest';
import { valueAxis } from '../../src/charts/presets/value-axis.js';
import type { DiagramSpec } from '../../src/definition/schema.js';
import type { IndicatorSet, SeriesName } from '../../src/indicators/types.js';
import {
  BREAKDOWN_DIAGRAM,
  breakdownSet,
  buildExample,
  chartTheme,
  decodeXml,
  drawCharts,
  EXAMPLE_IDS,
  FILE,
  MONTHLY_DIAGRAM,
  monthlySet,
} from '../support/chart-fixtures.js';

describe('valueAxis', () => {
  it('takes values of 145 to 148.3 up to 160 in steps of 20, from zero', () => {
    // 148.3 over about 5 intervals is 29.7 a step; the round steps near it are 20 and 50, and 29.7 is nearer 20.
    expect(valueAxis([145, 146.2, 148.3], { zero: true, count: 5 })).toMatchObject({
      low: 0,
      top: 160,
      axis: { values: [0, 20, 40, 60, 80, 100, 120, 140, 160] },
    });
  });

  it('without zero, runs from 145 to 148.5 in halves', () => {
    expect(valueAxis([145, 148.3], { zero: false, count: 5 })?.axis.values).toEqual([
      145, 145.5, 146, 146.5, 147, 147.5, 148, 148.5,
    ]);
  });

  it('covers negative values and zero alike', () => {
    expect(valueAxis([-3, 12], { zero: true, count: 5 })?.axis.values).toEqual([-4, -2, 0, 2, 4, 6, 8, 10, 12]);
  });

  it('gives only zeros a scale to 1, with ticks free of floating-point dust', () => {
    expect(valueAxis([0, 0], { zero: true, count: 5 })?.axis.values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('has no axis for no values, and leaves gaps out', () => {
    expect(valueAxis([null, undefined], { zero: true, count: 5 })).toBeUndefined();
    expect(valueAxis([null, 3], { zero: true, count: 5 })?.top).toBeGreaterThanOrEqual(3);
  });

  it('for values just above a round number, always reaches past the highest and ends on a tick', () => {
    for (const high of [0.51, 1.01, 20.001, 100.1, 140.01, 145, 148, 150.5, 1000.4, 1885.2])
      for (const count of [4, 5, 6, 10])
        for (const zero of [true, false]) {
          const values = [high * 0.97, high];
          const axis = valueAxis(values, { zero, count })!;
          const ticks = axis.axis.values as number[];
          const where = `${high}, ${count} ticks, zero ${zero}`;
          expect(axis.top, where).toBeGreaterThanOrEqual(high);
          expect(axis.low, where).toBeLessThanOrEqual(zero ? 0 : high * 0.97);
          expect(ticks[0], where).toBe(axis.low);
          expect(ticks[ticks.length - 1], where).toBe(axis.top);
          expect(axis.scale.domain, where).toEqual([axis.low, axis.top]);
          const step = ticks[1]! - ticks[0]!;
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!, where).toBeCloseTo(step, 9);
          expect(ticks.length - 1, where).toBeLessThanOrEqual(3 * count);
        }
  });
});

/** Every figure's value v as 145 + (v mod 10) / 3: from 145 to 148.3, just above the round 140. */
function justAbove140<T>(x: T): T {
  if (Array.isArray(x)) return x.map(justAbove140) as T;
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(
    Object.entries(x).map(([key, value]) => [
      key,
      key === 'value' && typeof value === 'number' ? 145 + (value % 10) / 3 : justAbove140(value),
    ]),
  ) as T;
}

/** The figures a diagram's chart draws, found from the set as a reader of the chart would list them. */
function drawnValues(spec: DiagramSpec, set: IndicatorSet): number[] {
  const indicator = set.indicators[spec.indicator]!;
  const period = indicator.periods.find((p) => p.key === spec.period || p.label === spec.period);
  const valueOf = (figure: { value: number | null } | undefined) => (figure?.value == null ? [] : [figure.value]);
  switch (spec.chart) {
    case 'trend':
      return spec.series.flatMap((name) =>
        indicator.periods
          .filter((p) => p.whole)
          .flatMap((p) => valueOf(indicator.series[name as SeriesName]?.figures[p.key])),
      );
    case 'neighbours': {
      const shown = new Set([set.comparators.council.code, ...set.comparators.neighbours.areas.map((a) => a.code)]);
      return [
        ...indicator.councils[period!.key]!.filter((c) => shown.has(c.code)).map((c) => c.value),
        ...valueOf(indicator.series.england.figures[period!.key]),
      ];
    }
    case 'benchmark':
      return [
        ...indicator.councils[period!.key]!.map((c) => c.value),
        ...valueOf(indicator.series.england.figures[period!.key]),
      ];
    case 'breakdown':
      return spec.indicators!.flatMap((id) =>
        spec.series.flatMap((name) => valueOf(set.indicators[id]!.series[name as SeriesName]?.figures[period!.key])),
      );
    case 'monthly':
      return [
        ...indicator.periods.flatMap((p) => valueOf(indicator.series.council.figures[p.key])),
        ...(spec.target === undefined ? [] : [spec.target]),
      ];
    default:
      throw new Error(`no list of drawn values for ${JSON.stringify(spec.chart)}`);
  }
}

interface AxisRead {
  readonly labels: number[];
  /** Each tick's place along the axis, in the labels' order. */
  readonly ticks: number[];
  /** The axis line's length: the scale runs from 0 to this along it. */
  readonly length: number;
  readonly vertical: boolean;
}

/** The axes whose labels are all numbers, as drawn. */
function numberAxes(svg: string): AxisRead[] {
  return svg
    .split('<g class="mark-group role-axis"')
    .slice(1)
    .flatMap((group) => {
      const labels = [
        ...(/class="mark-text role-axis-label"[^>]*>([\s\S]*?)<\/g>/.exec(group)?.[1] ?? '').matchAll(
          /<text\b[^>]*>([^<]*)<\/text>/g,
        ),
      ].map((match) => decodeXml(match[1]!).replace(/,/g, ''));
      if (labels.length < 2 || !labels.every((label) => /^-?\d+(\.\d+)?$/.test(label))) return [];
      const ticks = [
        ...(/class="mark-rule role-axis-tick"[^>]*>([\s\S]*?)<\/g>/.exec(group)?.[1] ?? '').matchAll(
          /translate\(([-\d.]+),([-\d.]+)\)/g,
        ),
      ].map((match) => [Number(match[1]), Number(match[2])] as const);
      const domain = /class="mark-rule role-axis-domain"[^>]*><line [^>]*x2="([-\d.]+)" y2="([-\d.]+)"/.exec(group);
      const vertical = Number(domain?.[2] ?? 0) !== 0;
      return [
        {
          labels: labels.map(Number),
          ticks: ticks.map(([x, y]) => (vertical ? y : x)),
          length: Math.abs(Number(vertical ? domain?.[2] : domain?.[1])),
          vertical,
        },
      ];
    });
}

async function drawn(diagram: DiagramSpec, set: IndicatorSet): Promise<string> {
  return (await drawCharts([diagram], set, chartTheme(), FILE)).get(diagram.id)!.svg!;
}

describe('every preset, drawn with figures from 145 to 148.3', async () => {
  const example = await buildExample();
  const set = justAbove140(example.indicators);
  const diagram = (id: string) => example.definition.diagrams.find((d) => d.id === id)!;
  // The monthly target (150) is drawn on the same scale, above every month's figure.
  const monthly = { ...MONTHLY_DIAGRAM, target: 150 };
  const cases: [string, DiagramSpec, IndicatorSet][] = [
    ['trend', diagram(EXAMPLE_IDS.trend), set],
    ['trend without zero', { ...diagram(EXAMPLE_IDS.trend), zero: false }, set],
    ['neighbours', diagram(EXAMPLE_IDS.neighbours), set],
    ['benchmark', diagram(EXAMPLE_IDS.benchmark), set],
    ['breakdown', BREAKDOWN_DIAGRAM, justAbove140(breakdownSet())],
    ['monthly', monthly, justAbove140(monthlySet())],
  ];

  it.each(cases)('%s: one value axis, labelled past the highest figure and ending on its last label', async (...c) => {
    const [, spec, figures] = c;
    const svg = await drawn(spec, figures);
    const axes = numberAxes(svg);
    expect(axes).toHaveLength(1);
    const [axis] = axes as [AxisRead];
    const values = drawnValues(spec, figures);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(145);
    const highest = Math.max(...values);
    expect(highest).toBeGreaterThan(145);
    expect(Math.max(...axis.labels)).toBeGreaterThanOrEqual(highest);
    expect(axis.ticks).toHaveLength(axis.labels.length);
    // The highest label's tick is at the far end of the axis line: the top of the plot, or its right edge.
    const top = axis.ticks[axis.labels.indexOf(Math.max(...axis.labels))]!;
    expect(top).toBeCloseTo(axis.vertical ? 0 : axis.length, 0);
    if (spec.zero) expect(Math.min(...axis.labels)).toBe(0);
    else expect(Math.min(...axis.labels)).toBeLessThanOrEqual(145);
  });
});
