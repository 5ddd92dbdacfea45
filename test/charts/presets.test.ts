/**
 * Every chart preset through renderCharts, from real data: the example report's trend, neighbours and
 * benchmark diagrams (built in memory), a breakdown of Walsall's factors at assessment in 2024-25 and a
 * monthly run chart of a custom indicator with a target.
 *
 * Each chart is one accessible image (<svg role="img"> with its title and its description), its table
 * holds the figures worked out here independently from the csv and xlsx files (columns by name, exact
 * half-up arithmetic in whole tenths), its description states the council's and England's figures as
 * the table shows them, and the text drawn in the SVG names what a reader needs (axis titles, labels,
 * series). The standalone SVG (for slides) carries its title and source line; the embedded one does not.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorResult, IndicatorSet } from '../../src/indicators/types.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import type { Table } from '../../src/tables/table.js';
import {
  ASSESSMENT_IDS,
  C3_FILE,
  chartTheme,
  D3_FILE,
  dfeTable,
  drawCharts,
  drawEveryPreset,
  drawnTexts,
  FILE,
  MONTHLY_COUNTS,
  MONTHLY_START,
  MONTHLY_TARGET,
  SN2021_FILE,
  svgDesc,
  svgTexts,
  svgTitle,
  textElements,
  type PresetName,
} from '../support/chart-fixtures.js';
import { ROOT } from '../support/cli.js';
import { cell, halfUp, onlyRow, percentTenths, rowsWhere } from '../support/table-lookup.js';

// ---------------------------------------------------------------------------------------------------
// Independent helpers (look-ups by column name and exact half-up arithmetic in tenths are in
// ../support/table-lookup.ts): published figures in tenths, and formatting.

/** A published figure ("17.9", "14") in whole tenths. */
const publishedTenths = (text: string): bigint => BigInt(Math.round(Number(text) * 10));

/** Tenths as a table cell shows a 1-dp figure: 104n -> "10.4", 140n -> "14.0". */
const shown = (tenths: bigint): string => `${tenths / 10n}.${tenths % 10n}`;

const ordinalOf = (n: number): string => {
  const lastTwo = n % 100;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
};

/** The quarter a rank falls in: fewer than a quarter of the councils above it is A, and so on. */
const quartileLetter = (position: number, outOf: number): string =>
  'ABCD'[Math.min(3, Math.floor((4 * (position - 1)) / outOf))]!;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A council's own figure from its counts, in tenths; undefined when withheld or not available. */
function ownTenths(
  table: Table,
  code: string,
  year: number,
  numerator: string,
  denominator: string,
): bigint | undefined {
  const rows = rowsWhere(table, { time_period: String(year), geographic_level: 'Local authority', old_la_code: code });
  if (rows.length !== 1) return undefined;
  const n = cell(table, rows[0]!, numerator);
  const d = cell(table, rows[0]!, denominator);
  if (!/^\d+$/.test(n) || !/^\d+$/.test(d) || Number(d) === 0) return undefined;
  return percentTenths(Number(n), Number(d));
}

// ---------------------------------------------------------------------------------------------------
// The real files and the charts.

const d3 = dfeTable(D3_FILE);
const c3 = dfeTable(C3_FILE);
const sn2021 = dfeTable(SN2021_FILE);
const library = builtInLibrary();

const charts = await drawEveryPreset();
const PRESETS: PresetName[] = ['trend', 'neighbours', 'benchmark', 'breakdown', 'monthly'];

/** Walsall's ten neighbours in the April 2021 model: codes from SN1..SN10, names from the model's own rows. */
function walsallNeighbours(): { code: string; name: string }[] {
  const row = onlyRow(sn2021, { 'LA num': '335' });
  return Array.from({ length: 10 }, (_, i) => {
    const code = cell(sn2021, row, `SN${i + 1}`);
    return { code, name: cell(sn2021, onlyRow(sn2021, { 'LA num': code }), 'LA Name') };
  });
}

const d3Own = (code: string, year: number) => ownTenths(d3, code, year, 'CPP_subsequent', 'CPP_start');
const d3England = (year: number) =>
  publishedTenths(
    cell(d3, onlyRow(d3, { time_period: String(year), geographic_level: 'National' }), 'CPP_subsequent_percent'),
  );

/** The cell a table shows for a named row in a one-period table. */
const cellOf = (rows: readonly { name: string; cells: readonly string[] }[], name: string, column = 0): string => {
  const row = rows.find((r) => r.name === name);
  if (!row) throw new Error(`no table row named ${name}`);
  return row.cells[column]!;
};

// ---------------------------------------------------------------------------------------------------

describe.each(PRESETS)('the %s chart: one accessible image, twice over', (preset) => {
  const { diagram, rendered } = charts[preset];

  it('is drawn, embedded and standalone', () => {
    expect(rendered.svg).toBeDefined();
    expect(rendered.standalone).toBeDefined();
    expect(rendered.description.length).toBeGreaterThan(0);
  });

  it('starts <svg role="img"> labelled by its own <title> (the diagram title) and <desc> (the description)', () => {
    for (const [svg, id] of [
      [rendered.svg!, diagram.id],
      [rendered.standalone!, `${diagram.id}-standalone`],
    ] as const) {
      expect(svg.startsWith('<svg role="img"')).toBe(true);
      const root = /^<svg[^>]*>/.exec(svg)![0];
      expect(root).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(svg).toContain(`<title id="${id}-title">`);
      expect(svg).toContain(`<desc id="${id}-desc">`);
      expect(svgTitle(svg)).toBe(diagram.title);
      expect(svgDesc(svg)).toBe(rendered.description);
    }
  });

  it('standalone, draws the title and the "Source: ..." line as text', () => {
    const texts = svgTexts(rendered.standalone!);
    expect(rendered.source).toMatch(/^Source: .+\.$/);
    expect(texts).toContain(diagram.title);
    expect(texts).toContain(rendered.source);
  });

  it('embedded, leaves the title and source to the caption and notes: no "Source:" and no drawn title', () => {
    expect(rendered.svg!).not.toContain('Source:');
    expect(svgTexts(rendered.svg!)).not.toContain(diagram.title);
  });

  it('shows no placeholder anywhere', () => {
    for (const text of [
      rendered.description,
      ...svgTexts(rendered.svg!),
      ...rendered.table.rows.flatMap((r) => [r.name, ...r.cells]),
    ]) {
      expect(text).not.toMatch(/NaN|undefined|null|\[object/);
    }
  });
});

describe("trend: the example's repeat plans, 2012-13 to 2015-16 and the part year", () => {
  const { rendered } = charts.trend;
  const YEARS = [2013, 2014, 2015, 2016];
  const LABELS = ['2012-13', '2013-14', '2014-15', '2015-16'];

  it("tables every period for Walsall, its neighbours' mean and England, with its own part-year figure", async () => {
    // The council's own workbook: the part year's counts, by column name.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(ROOT, 'data/walsall-local.xlsx'));
    const sheet = workbook.getWorksheet('Repeat plans')!;
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const row = sheet.getRow(2).values as unknown[];
    const value = (name: string) => row[header.indexOf(name)];
    const start = value('Period start') as Date;
    const end = value('Period end') as Date;
    const partLabel = `${MONTHS[start.getUTCMonth()]} to ${MONTHS[end.getUTCMonth()]} ${end.getUTCFullYear()}`;
    const part = percentTenths(Number(value('Second or subsequent plans')), Number(value('Plans starting')));

    const neighbours = walsallNeighbours();
    const mean = YEARS.map((year) => {
      const figures = neighbours.map((n) => d3Own(n.code, year)).filter((f): f is bigint => f !== undefined);
      return halfUp(
        figures.reduce((a, b) => a + b, 0n),
        BigInt(figures.length),
      );
    });

    expect(rendered.table).toEqual({
      head: ['Area', ...LABELS, partLabel],
      rows: [
        { name: 'Walsall', cells: [...YEARS.map((year) => shown(d3Own('335', year)!)), shown(part)] },
        { name: 'Statistical neighbours (mean)', cells: [...mean.map(shown), 'x'] },
        { name: 'England', cells: [...YEARS.map((year) => shown(d3England(year))), 'x'] },
      ],
    });
    expect(partLabel).toBe('April to August 2016');
  });

  it('draws the whole years, the axis title and every series name, and leaves the part year out', () => {
    for (const svg of [rendered.svg!, rendered.standalone!]) {
      const texts = svgTexts(svg);
      expect(texts).toEqual(
        expect.arrayContaining([...LABELS, 'Per cent', 'Walsall', 'Statistical neighbours (mean)', 'England']),
      );
      expect(texts).not.toContain('April to August 2016');
      expect(texts).not.toContain('West Midlands');
    }
  });

  it("describes Walsall's and England's last whole-year figures as the table shows them", () => {
    const council = cellOf(rendered.table.rows, 'Walsall', 3);
    const england = cellOf(rendered.table.rows, 'England', 3);
    const neighbours = cellOf(rendered.table.rows, 'Statistical neighbours (mean)', 3);
    expect(rendered.description).toContain(`to ${council}% in 2015-16`);
    expect(rendered.description).toContain(`England (${england}%)`);
    expect(rendered.description).toContain(`the statistical neighbour mean (${neighbours}%)`);
    expect(rendered.description).toContain(`from ${cellOf(rendered.table.rows, 'Walsall', 0)}% in 2012-13`);
    expect(rendered.description).not.toContain('8.5%');
  });

  it("names the council's own records in the source, since the table has its part year", () => {
    expect(rendered.source).toBe("Source: DfE, Characteristics of children in need; Walsall's own records.");
  });
});

describe('neighbours: Walsall beside its ten statistical neighbours and England, 2015-16', () => {
  const { rendered } = charts.neighbours;
  const neighbours = walsallNeighbours();
  const bars = [
    { name: 'Walsall', tenths: d3Own('335', 2016) },
    ...neighbours.map((n) => ({ name: n.name, tenths: d3Own(n.code, 2016) })),
    { name: 'England', tenths: d3England(2016) },
  ];
  // Low is good: lowest first; equal figures in name order.
  const sorted = [...bars].sort((a, b) => Number(a.tenths! - b.tenths!) || a.name.localeCompare(b.name));

  it('has a figure for every bar in the data', () => {
    expect(bars.every((b) => b.tenths !== undefined)).toBe(true);
    expect(neighbours.map((n) => n.name)).toContain('Derby');
  });

  it('tables the council, its 10 neighbours (named as the 2021 model names them) and England, best first', () => {
    expect(rendered.table).toEqual({
      head: ['Area', '2015-16'],
      rows: sorted.map((b) => ({ name: b.name, cells: [shown(b.tenths!)] })),
    });
    expect(rendered.table.rows).toHaveLength(12);
  });

  it('labels every bar with its name and figure, the council in bold, under the axis title', () => {
    for (const svg of [rendered.svg!, rendered.standalone!]) {
      const texts = svgTexts(svg);
      expect(texts).toContain('Per cent');
      for (const bar of sorted) {
        expect(texts).toContain(bar.name);
        expect(texts).toContain(shown(bar.tenths!));
      }
      expect(textElements(svg, 'Walsall')).toHaveLength(1);
      expect(textElements(svg, 'Walsall')[0]).toContain('font-weight="bold"');
      for (const other of neighbours) expect(textElements(svg, other.name)[0]).not.toContain('font-weight="bold"');
    }
  });

  it("describes Walsall's place and figure and England's figure as the table shows them", () => {
    const position = sorted.findIndex((b) => b.name === 'Walsall') + 1;
    expect(rendered.description).toContain(
      `Walsall, at ${cellOf(rendered.table.rows, 'Walsall')}%, is ${ordinalOf(position)} of the 12 shown.`,
    );
    expect(rendered.description).toContain(`England's figure is ${cellOf(rendered.table.rows, 'England')}%.`);
    const only = sorted.filter((b) => b.name !== 'Walsall' && b.name !== 'England');
    const low = only[0]!;
    const high = only[only.length - 1]!;
    expect(rendered.description).toContain(
      `Its neighbours run from ${shown(low.tenths!)}% (${low.name}) to ${shown(high.tenths!)}% (${high.name}).`,
    );
    expect(rendered.description).toContain('its 10 statistical neighbours and England, best first');
  });
});

describe('benchmark: every council in England, 2015-16', () => {
  const { rendered } = charts.benchmark;
  const councils = rowsWhere(d3, { time_period: '2016', geographic_level: 'Local authority' })
    .map((row) => ({
      code: cell(d3, row, 'old_la_code'),
      name: cell(d3, row, 'la_name'),
      tenths: d3Own(cell(d3, row, 'old_la_code'), 2016),
    }))
    .filter((c): c is { code: string; name: string; tenths: bigint } => c.tenths !== undefined);
  const sorted = [...councils].sort((a, b) => Number(a.tenths - b.tenths) || a.name.localeCompare(b.name));
  const n = sorted.length;
  const positionOf = (tenths: bigint) => sorted.filter((c) => c.tenths < tenths).length + 1;
  const walsall = sorted.find((c) => c.code === '335')!;
  const position = positionOf(walsall.tenths);
  const quartile = quartileLetter(position, n);
  const england = d3England(2016);
  const bands = ['A', 'B', 'C', 'D'].map((letter) => {
    const members = sorted.filter((c) => quartileLetter(positionOf(c.tenths), n) === letter).map((c) => c.tenths);
    return { letter, low: members.reduce((a, b) => (b < a ? b : a)), high: members.reduce((a, b) => (b > a ? b : a)) };
  });

  it('has a figure for well over a hundred councils, one row each', () => {
    expect(n).toBeGreaterThan(140);
    expect(new Set(councils.map((c) => c.code)).size).toBe(n);
  });

  it("tables Walsall with its rank and quartile, England, the lowest, each quartile's range and the highest", () => {
    const lowest = sorted[0]!;
    const highest = sorted[n - 1]!;
    expect(rendered.table).toEqual({
      head: ['Figure', '2015-16'],
      rows: [
        { name: 'Walsall', cells: [`${shown(walsall.tenths)} (${ordinalOf(position)} of ${n}, quartile ${quartile})`] },
        { name: 'England', cells: [shown(england)] },
        { name: `Lowest (${lowest.name})`, cells: [shown(lowest.tenths)] },
        ...bands.map((band) => ({
          name: `Quartile ${band.letter}`,
          cells: [`${shown(band.low)} to ${shown(band.high)}`],
        })),
        { name: `Highest (${highest.name})`, cells: [shown(highest.tenths)] },
      ],
    });
    expect(rendered.table.rows[0]!.cells[0]).toBe('17.2 (74th of 148, quartile B)');
  });

  it('draws the quartile letters A to D, "Walsall 17.2%", "England 17.9%" and both axis titles', () => {
    for (const svg of [rendered.svg!, rendered.standalone!]) {
      const texts = svgTexts(svg);
      for (const letter of ['A', 'B', 'C', 'D']) expect(texts.filter((t) => t === letter)).toHaveLength(1);
      expect(texts).toContain(`Walsall ${shown(walsall.tenths)}%`);
      expect(texts).toContain(`England ${shown(england)}%`);
      expect(texts).toContain('Walsall 17.2%');
      expect(texts).toContain('England 17.9%');
      expect(texts).toContain(`All ${n} councils, from lowest to highest, best first`);
      expect(texts).toContain('Per cent');
      expect(textElements(svg, 'Walsall 17.2%')[0]).toContain('font-weight="bold"');
    }
  });

  it("describes Walsall's figure, rank and quartile, England's figure and the range, as the table shows them", () => {
    const council = cellOf(rendered.table.rows, 'Walsall').replace(/ \(.*$/, '');
    expect(rendered.description).toContain(
      `Walsall, at ${council}%, ${sorted.filter((c) => c.tenths === walsall.tenths).length > 1 ? 'ranked joint' : 'ranked'} ${ordinalOf(position)} of ${n} councils (quartile ${quartile}, the ${['best', 'second', 'third', 'worst'][['A', 'B', 'C', 'D'].indexOf(quartile)]} quarter).`,
    );
    expect(rendered.description).toContain(`England's figure is ${cellOf(rendered.table.rows, 'England')}%.`);
    expect(rendered.description).toContain(
      `for all ${n} councils with a figure, ranked from lowest to highest, best first.`,
    );
    expect(rendered.description).toContain(
      `Figures run from ${shown(sorted[0]!.tenths)}% (${sorted[0]!.name}) to ${shown(sorted[n - 1]!.tenths)}% (${sorted[n - 1]!.name}).`,
    );
  });
});

// The example's repeat plans with its polarity turned round (no library indicator is high-is-good yet,
// so this is a hand-made result): the ranking runs from highest to lowest.
const flippedBase = charts.benchmark.set.indicators.repeat_plans!;
const flippedSet: IndicatorSet = {
  ...charts.benchmark.set,
  indicators: { repeat_plans: { ...flippedBase, polarity: 'high-is-good', assessments: {} } satisfies IndicatorResult },
};
const flipped = (await drawCharts([charts.benchmark.diagram], flippedSet, chartTheme(), FILE)).get(
  charts.benchmark.diagram.id,
)!;

describe('benchmark where high is good', () => {
  const values = flippedBase.councils['2015-16']!;
  const min = values.reduce((a, b) =>
    b.value < a.value || (b.value === a.value && b.name.localeCompare(a.name) < 0) ? b : a,
  );

  it('ranks from highest to lowest, best first, and sets the council label and England line', () => {
    expect(flipped.description).toContain('ranked from highest to lowest, best first');
    const texts = svgTexts(flipped.svg!);
    expect(texts).toContain(`All ${values.length} councils, from highest to lowest, best first`);
    expect(texts).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D', 'Walsall 17.2%', 'England 17.9%']));
  });

  it("keeps each quartile's range written low to high", () => {
    for (const row of flipped.table.rows.filter((r) => r.name.startsWith('Quartile '))) {
      const [low, high] = row.cells[0]!.split(' to ').map(Number);
      expect(low!).toBeLessThanOrEqual(high!);
    }
    expect(min.value).toBeGreaterThanOrEqual(0);
  });

  it('names the smallest figure "Lowest" and the largest "Highest" when high is good', () => {
    expect(flipped.table.rows.find((r) => r.name.startsWith('Lowest'))).toEqual({
      name: `Lowest (${min.name})`,
      cells: [min.value.toFixed(1)],
    });
    expect(flipped.description).toMatch(new RegExp(`Figures run from ${min.value.toFixed(1)}% \\(${min.name}\\)`));
  });
});

describe("breakdown: Walsall's factors at the end of assessment, 2024-25, beside England", () => {
  const { rendered } = charts.breakdown;
  const measures = ASSESSMENT_IDS.map((id) => {
    const source = library[id]!.source;
    const denominator = source.denominator as string;
    const walsall = ownTenths(c3, '335', 2025, source.numerator, denominator);
    const national = onlyRow(c3, { time_period: '2025', geographic_level: 'National' });
    // England publishes no percentage in this file: its figure comes from its (rounded) counts.
    const england = percentTenths(
      Number(cell(c3, national, source.numerator)),
      Number(cell(c3, national, denominator)),
    );
    return { name: library[id]!.shortTitle, walsall: walsall!, england };
  });

  it('has a figure for Walsall and England for every measure', () => {
    expect(measures.every((m) => m.walsall !== undefined)).toBe(true);
    expect(measures).toHaveLength(5);
  });

  it('tables each measure, in the order given, with Walsall and England', () => {
    expect(rendered.table).toEqual({
      head: ['Measure', 'Walsall', 'England'],
      rows: measures.map((m) => ({ name: m.name, cells: [shown(m.walsall), shown(m.england)] })),
    });
  });

  it('names every measure, both series and the axis', () => {
    for (const svg of [rendered.svg!, rendered.standalone!]) {
      const texts = svgTexts(svg);
      expect(texts).toEqual(expect.arrayContaining([...measures.map((m) => m.name), 'Walsall', 'England', 'Per cent']));
    }
  });

  it("describes Walsall's highest measure by its figure as the table shows it, and how often it is above England", () => {
    const top = [...measures].sort((a, b) => Number(b.walsall - a.walsall))[0]!;
    const above = measures.filter((m) => m.walsall > m.england).length;
    expect(rendered.description).toContain(`Dot chart of 5 measures in 2024-25 for Walsall and England.`);
    expect(rendered.description).toContain(
      `Walsall's highest is ${top.name.toLowerCase()} at ${cellOf(rendered.table.rows, top.name, 0)}% (`,
    );
    expect(rendered.description).toContain(`Walsall is higher than England on ${above} of the 5.`);
  });

  it("states England's figure beside the council's highest in the description", () => {
    const top = [...measures].sort((a, b) => Number(b.walsall - a.walsall))[0]!;
    expect(rendered.description).toContain(
      `at ${cellOf(rendered.table.rows, top.name, 0)}% (England ${cellOf(rendered.table.rows, top.name, 1)}%)`,
    );
  });
});

describe('monthly: a custom indicator month by month against its target', () => {
  const { rendered } = charts.monthly;
  const months = MONTHLY_COUNTS.map(([numerator, denominator], i) => {
    const date = new Date(Date.UTC(MONTHLY_START.year, MONTHLY_START.month + i, 1));
    return {
      label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
      // Month over year on two lines: the label's text is the two lines run together.
      tick: `${MONTHS[date.getUTCMonth()]!.slice(0, 3)}${date.getUTCFullYear()}`,
      tenths: percentTenths(numerator, denominator),
    };
  });
  const target = BigInt(MONTHLY_TARGET * 10);

  it('tables every month with its figure', () => {
    expect(rendered.table).toEqual({
      head: ['Month', 'Walsall'],
      rows: months.map((m) => ({ name: m.label, cells: [shown(m.tenths)] })),
    });
    expect(rendered.table.rows[0]!.name).toBe('October 2015');
  });

  it("draws the target line's label, the financial-year boundary, the month ticks and the axis title", () => {
    for (const svg of [rendered.svg!, rendered.standalone!]) {
      const texts = svgTexts(svg);
      expect(texts).toContain(`Target ${shown(target)}%`);
      expect(texts).toContain('Target 85.0%');
      expect(texts).toContain('2016-17');
      expect(texts).not.toContain('2015-16'); // the first month is not a boundary
      expect(texts).toContain('Per cent');
      // Every month has a tick label; Vega hides those that would collide, so every other one is drawn.
      for (const month of months) expect(texts).toContain(month.tick);
      const drawn = drawnTexts(svg).filter((text) => months.some((m) => m.tick === text));
      expect(drawn).toEqual(months.map((m) => m.tick).filter((tick) => drawn.includes(tick)));
      // Month over year on two lines: the label's text is the two lines run together.
      expect(drawn).toEqual(expect.arrayContaining(['Oct2015', 'Apr2016']));
      expect(drawn.length).toBeGreaterThanOrEqual(months.length / 2);
    }
  });

  it('draws the financial-year boundary half way between the March and April points, not on April', () => {
    const points = [
      ...(/class="mark-symbol role-mark[^"]*">([\s\S]*?)<\/g>/.exec(rendered.svg!)?.[1] ?? '').matchAll(
        /transform="translate\(([-\d.]+),/g,
      ),
    ].map((match) => Number(match[1]));
    expect(points).toHaveLength(months.length);
    const march = months.findIndex((m) => m.label === 'March 2016');
    expect(months[march + 1]!.label).toBe('April 2016');
    const rules = [...rendered.svg!.matchAll(/<line transform="translate\(([-\d.]+),0\)"[^>]*stroke-dasharray="2,3"/g)];
    expect(rules).toHaveLength(1);
    const boundary = Number(rules[0]![1]);
    const [before, after] = [points[march]!, points[march + 1]!];
    // Each month is drawn at its first day; the boundary, half way from 1 March to 1 April, is in the middle third.
    expect(boundary).toBeGreaterThan(before + (after - before) / 3);
    expect(boundary).toBeLessThan(after - (after - before) / 3);
  });

  it("describes the latest month's figure as the table shows it, the target and how often it was met", () => {
    const last = months[months.length - 1]!;
    const met = months.filter((m) => m.tenths >= target).length;
    expect(rendered.description).toContain(`from ${months[0]!.label} to ${last.label}`);
    expect(rendered.description).toContain(
      `The latest month, ${last.label}, is ${cellOf(rendered.table.rows, last.label)}%.`,
    );
    expect(rendered.description).toContain(
      `The target is ${shown(target)}%; it was met in ${met} of ${months.length} months.`,
    );
    expect(met).toBeGreaterThan(0);
    expect(met).toBeLessThan(months.length);
  });

  it("names the council's own records as the source", () => {
    expect(rendered.source).toBe("Source: Walsall's own records.");
  });
});
