/** Audit counts in a public report: from 1 to the threshold they read "fewer than 6", never the number itself. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const config = join(ROOT, 'report.config.yaml');

/** The audit paragraph of the example built with these counts, public or not. */
async function auditSentence(cases: number, children: number, isPublic: boolean): Promise<string> {
  const effects = memoryEffects();
  const yaml = (await effects.readText(config))
    .replace('  cases: 8\n', `  cases: ${cases}\n`)
    .replace('  children: 26\n', `  children: ${children}\n`)
    .concat(isPublic ? '\ndisclosure:\n  public: true\n' : '');
  effects.overrides.set(config, yaml);
  const { html } = await buildReport({ file: config }, effects);
  return /It looked at [^.]*\./.exec(html)![0];
}

describe('audit counts', () => {
  it('in a public report, withhold counts from 1 to 5 as "fewer than 6" and keep larger ones', async () => {
    expect(await auditSentence(3, 5, true)).toBe('It looked at fewer than 6 cases involving fewer than 6 children.');
    expect(await auditSentence(8, 26, true)).toBe('It looked at 8 cases involving 26 children.');
    expect(await auditSentence(1, 6, true)).toBe('It looked at fewer than 6 cases involving 6 children.');
  });

  it('in a report that is not published, state them as they are', async () => {
    expect(await auditSentence(1, 5, false)).toBe('It looked at 1 case involving 5 children.');
  });
});
