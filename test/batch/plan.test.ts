/**
 * What a batch builds: one definition for many councils, and a shard's equal part of them. The councils
 * expected are read from DfE's file here, not from the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBatch, shardOf } from '../../src/batch/plan.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const DEFINITION = 'examples/all-councils/report.config.yaml';

/** Local authorities with a row for 2024-25 in DfE's referrals file, read as plain csv (codes come before any quoted name). */
function councilsIn2025(): string[] {
  const lines = readFileSync(
    join(ROOT, 'data/dfe/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv'),
    'utf8',
  )
    .split('\n')
    .filter((line) => line.startsWith('2025,') && line.includes(',Local authority,'));
  return [...new Set(lines.map((line) => line.split(',')[7]!))].sort();
}

describe('shardOf', () => {
  const items = Array.from({ length: 153 }, (_, i) => i);
  it.each([1, 2, 3, 4, 7, 8, 153, 200])(
    'splits 153 reports into %i parts: all of them, once, in order, within one of equal',
    (count) => {
      const parts = Array.from({ length: count }, (_, i) => shardOf(items, { index: i + 1, count }));
      expect(parts.flat()).toEqual(items);
      const sizes = parts.map((part) => part.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    },
  );
});

describe('planBatch', () => {
  it('plans --area all as every council with figures for the latest year, each with its own name', async () => {
    const expected = councilsIn2025();
    expect(expected).toContain('940'); // Cumberland, since 2023
    expect(expected).not.toContain('909'); // Cumbria, abolished
    const plan = await planBatch({ files: [DEFINITION], areas: 'all', roots: [ROOT] }, memoryEffects());
    expect(plan.failures).toEqual([]);
    expect(plan.jobs.map((job) => job.area?.code)).toEqual(expected);
    expect(plan.jobs.find((job) => job.area?.code === '801')?.area?.name).toBe('City of Bristol');
  });

  it('gives a shard its part of the councils and says how many there are in all', async () => {
    const areas = ['890', '335', '888', '201'];
    const plan = await planBatch(
      { files: [DEFINITION], areas, shard: { index: 2, count: 2 }, roots: [ROOT] },
      memoryEffects(),
    );
    expect(plan.total).toBe(4);
    expect(plan.jobs.map((job) => job.area?.code)).toEqual(['888', '890']);
  });

  it('refuses, once, to build for other councils a definition that reads a council workbook', async () => {
    const plan = await planBatch({ files: ['report.config.yaml'], areas: ['888', '890'] }, memoryEffects());
    expect(plan.jobs).toEqual([]);
    expect(plan.failures).toHaveLength(1);
    expect(plan.failures[0]!.problems[0]).toMatch(
      /^report\.config\.yaml, line \d+, column \d+: .*cannot be built for another council/,
    );
  });
});
