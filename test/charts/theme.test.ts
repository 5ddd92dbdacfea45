/** The report's theme overrides the house chart theme key by key; anything it leaves alone is kept. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChartTheme } from '../../src/charts/theme.js';
import { isReportError } from '../../src/diagnostics/report-error.js';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const file = 'templates/chart-theme.json';
const json = readFileSync(join(ROOT, file), 'utf8');
const house = JSON.parse(json) as {
  series: Record<string, { color: string; shape: string }>;
  axis: { labelFontSize: number };
};

describe('theme overrides', () => {
  it('replace only what they name: one series colour and one font size', () => {
    const theme = parseChartTheme(file, json, {
      series: { council: { color: '#123456' } },
      axis: { labelFontSize: 14 },
    });
    expect(theme.series.council!.color).toBe('#123456');
    expect(theme.series.council!.shape).toBe(house.series.council!.shape);
    expect(theme.series.england!.color).toBe(house.series.england!.color);
    expect((theme.config.axis as { labelFontSize: number }).labelFontSize).toBe(14);
  });

  it('give the presets their text sizes, with defaults for a council theme file written before they existed', () => {
    const { text: _text, ...older } = JSON.parse(json) as Record<string, unknown>;
    const theme = parseChartTheme(file, JSON.stringify(older));
    expect(theme.text).toEqual({ label: 13, note: 12, small: 11, title: 15 });
    expect(parseChartTheme(file, json, { text: { note: 10 } }).text).toEqual({
      label: 13,
      note: 10,
      small: 11,
      title: 15,
    });
  });

  it('take the axis label size, which decides whether period labels fit, from the axis config', () => {
    expect(parseChartTheme(file, json, { axis: { labelFontSize: 16 } }).axisLabelSize).toBe(16);
    expect(parseChartTheme(file, json).axisLabelSize).toBe(house.axis.labelFontSize);
  });

  it('reach the charts from the YAML', async () => {
    const effects = memoryEffects();
    const config = join(ROOT, 'report.config.yaml');
    effects.overrides.set(
      config,
      `${await effects.readText(config)}\ntheme:\n  series:\n    council:\n      color: "#123456"\n`,
    );
    const { html } = await buildReport({ file: config }, effects);
    // The trend chart draws the council's series (the benchmark's highlight is a colour of its own, colors.highlight).
    const trend = /<svg[^>]*aria-labelledby="repeat-plans-title[\s\S]*?<\/svg>/.exec(html)![0];
    expect(trend).toContain('#123456');
    expect(trend).not.toContain(house.series.council!.color);
  });

  it('are checked like the house theme: a bad value is named with its path', () => {
    let error: unknown;
    try {
      parseChartTheme(file, json, { series: { council: { color: 12 } } });
    } catch (e) {
      error = e;
    }
    expect(isReportError(error) && error.problems[0]).toMatch(
      /^templates\/chart-theme\.json: the chart theme cannot be used: "series\.council\.color"/,
    );
  });
});
