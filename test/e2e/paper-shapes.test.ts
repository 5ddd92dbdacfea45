/**
 * The examples of other shapes than the Walsall paper, each for a different council: a year-end
 * outturn from local counts (St Helens), an indicators page with named councils and a district
 * breakdown (Lancashire), and a monthly numbers update with its peak and fall (Blackpool). Each is
 * built, and its key sentences checked against figures worked out here from the files it reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

async function textOf(file: string): Promise<string> {
  const { html } = await buildReport({ file, roots: [ROOT] }, memoryEffects());
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<span class="period">(.*?)<\/span>/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** A csv of the example's, as rows of cells by column name. */
function csv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(ROOT, path), 'utf8').trim().split('\n');
  const names = head!.replace(/^\uFEFF/, '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i]!, cell])));
}

const n = (value: number) => value.toLocaleString('en-GB');
const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1);
const percentFall = (from: number, to: number) => oneDecimal((Math.abs(to - from) / from) * 100);

describe('a year-end outturn from local counts: St Helens 2017-18', () => {
  const [before, after] = csv('examples/st-helens-outturn/outturn-2017-18.csv');

  it('states each count with its change in number and per cent', async () => {
    const text = await textOf('examples/st-helens-outturn/report.config.yaml');
    for (const [words, column] of [
      ['Referrals', 'Referrals'],
      ['Child protection plans started', 'Child protection plans started'],
      ['Open cases at the end of the year', 'Open cases at year end'],
    ] as const) {
      const [a, b] = [Number(before![column]), Number(after![column])];
      expect(text).toContain(
        `${words} fell from ${n(a)} in 2016-17 to ${n(b)} in 2017-18, a fall of ${percentFall(a, b)}%.`,
      );
    }
    // The Section 47 rate as published: 145.0 to 148.1 is a rise (2.1%), whatever the press said.
    const [s1, s2] = [Number(before!['Section 47 rate']), Number(after!['Section 47 rate'])];
    expect(text).toContain(
      `rose from ${s1.toFixed(1)} per 10,000 in 2016-17 to ${s2.toFixed(1)} per 10,000 in 2017-18, a rise of ${percentFall(s1, s2)}%`,
    );
    const [moves, looked] = [
      Number(after!['Three or more placements']),
      Number(after!['Looked-after children at year end']),
    ];
    expect(text).toContain(
      `Of those children, ${moves} (${oneDecimal((moves / looked) * 100)}%) had three or more placements`,
    );
  });
});

describe('an indicators page with named councils and districts: Lancashire 2024-25', () => {
  const plans = csv('data/dfe/d5_cpps_at31march_by_duration_2013_to_2025.csv');
  const people = csv('data/dfe/ons_mid-year_population_estimates_2012_to_2024.csv');
  /** Children on a plan at 31 March 2025 per 10,000 children in the mid-2024 estimate. */
  const rate = (code: string) => {
    const count = plans.find(
      (r) => r.time_period === '2025' && r.old_la_code === code && r.geographic_level === 'Local authority',
    )!;
    const children = people.find(
      (r) => r.time_period === '2024' && r.old_la_code === code && r.geographic_level === 'Local authority',
    )!;
    return oneDecimal((Number(count.CPP_At31) / Number(children.population_estimate)) * 10000);
  };

  it('compares with Blackburn with Darwen and Blackpool by name, and breaks the rate down by district', async () => {
    const text = await textOf('examples/lancashire-indicators/report.config.yaml');
    expect(text).toContain(
      `it was lower than Blackburn with Darwen (${rate('889')} per 10,000) and lower than Blackpool (${rate('890')} per 10,000)`,
    );
    const districts = csv('examples/lancashire-indicators/districts-2024-25.csv').map((row) => ({
      name: row.District!,
      value: (Number(row['Children on a plan']) / Number(row['Children aged 0 to 17'])) * 10000,
      plans: Number(row['Children on a plan']),
      children: Number(row['Children aged 0 to 17']),
    }));
    // The district table, highest first, then the county's own figure: the sum of the districts' counts.
    const sorted = [...districts].sort((a, b) => b.value - a.value);
    const county = oneDecimal(
      (districts.reduce((t, d) => t + d.plans, 0) / districts.reduce((t, d) => t + d.children, 0)) * 10000,
    );
    expect(county).toBe(rate('888'));
    const table = [
      'District 2024-25',
      ...sorted.map((d) => `${d.name} ${oneDecimal(d.value)}`),
      `Lancashire ${county}`,
    ].join(' ');
    expect(text).toContain(table);
    expect(text).toContain(
      `for the 12 districts of Lancashire, highest first. Figures run from ${oneDecimal(sorted[0]!.value)} per 10,000 (${sorted[0]!.name}) to ${oneDecimal(sorted[11]!.value)} per 10,000 (${sorted[11]!.name}).`,
    );
  });
});

describe('a monthly numbers update: the peak, the fall since and the year before', () => {
  const months = csv('examples/monthly-update/children-on-plans-by-month.csv').map((row) =>
    Number(row['Children on a plan']),
  );

  it('finds the peak and states the fall from it in number and per cent', async () => {
    const text = await textOf('examples/monthly-update/report.config.yaml');
    const peak = Math.max(...months);
    const latest = months[months.length - 1]!;
    const yearBefore = months[months.length - 13]!;
    expect(peak).toBe(months[9]); // January 2018, the tenth month from April 2017
    expect(text).toContain(
      `a peak of ${peak} at the end of January 2018, and has fallen by ${peak - latest} (${percentFall(peak, latest)}%) since.`,
    );
    expect(text).toContain(
      `it was lower than a year before (${yearBefore} at the end of September 2017), a fall of ${percentFall(yearBefore, latest)}%.`,
    );
    // Before the winter: the lowest month end up to December 2017.
    const beforeWinter = Math.min(...months.slice(0, 9));
    expect(text).toContain(`at ${beforeWinter}; it then rose to ${peak} at the end of January 2018`);
  });
});
