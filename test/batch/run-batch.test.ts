/**
 * A batch in memory (no browser, nothing written): one definition built for several councils, each
 * report with its own council's figures, read here from DfE's file, and one council's failure alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchEvent } from '../../src/batch/events.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const DEFINITION = join(ROOT, 'examples/all-councils/report.config.yaml');

/** Re-referrals as a share of referrals in 2024-25, from the csv's two counts, to one decimal place. */
function rereferralsPercent(code: string): string {
  const row = readFileSync(
    join(ROOT, 'data/dfe/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv'),
    'utf8',
  )
    .split('\n')
    .find((line) => line.startsWith('2025,') && line.split(',')[7] === code)!
    .split(',');
  const [referrals, rereferrals] = [Number(row[11]), Number(row[12])];
  return `${(Math.round((rereferrals / referrals) * 1000) / 10).toFixed(1)}%`;
}

async function batch(areas: string[], definition = DEFINITION) {
  const effects = memoryEffects();
  const events: BatchEvent[] = [];
  const summary = await runBatch(
    { files: [definition], areas, roots: [ROOT], concurrency: 2, force: true },
    effects,
    (event) => events.push(event),
  );
  return { effects, events, summary };
}

describe('runBatch', () => {
  it('builds one definition for each council named, each under its own name and with its own figures', async () => {
    const { effects, events, summary } = await batch(['888', '890']);
    expect(summary).toEqual({ built: 2, skipped: 0, failed: 0, unexpected: 0 });
    const built = events.flatMap((event) => (event.event === 'report-built' ? [event.report] : [])).sort();
    expect(built).toEqual(['blackpool-cp-summary', 'lancashire-cp-summary']);
    const printed = (name: string) => effects.printed.find((html) => html.includes(`<title>${name}: children`))!;
    expect(printed('Lancashire')).toContain(rereferralsPercent('888'));
    expect(printed('Blackpool')).toContain(rereferralsPercent('890'));
    expect(printed('Lancashire')).not.toContain('Walsall');
    const manifest = effects.written
      .flatMap((group) => group.files)
      .find((file) => file.name === 'lancashire-cp-summary.manifest.json')!;
    expect(JSON.parse(String(manifest.content)).settings).toEqual({ area: '888' });
  });

  it('goes on past a council the data does not know, and counts it failed', async () => {
    const { events, summary } = await batch(['999', '888']);
    expect(summary).toMatchObject({ built: 1, failed: 1, unexpected: 0 });
    const failed = events.find((event) => event.event === 'report-failed');
    expect(failed).toMatchObject({ report: '--area 999' });
    expect(failed?.event === 'report-failed' && failed.problems[0]).toMatch(
      /^data\/dfe: there is no local authority with the code 999;/,
    );
    expect(events.at(-1)).toMatchObject({ event: 'run-finished', built: 1, failed: 1 });
  });
});
