/** The notes under a diagram's table explain each symbol the table shows, and only those. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

const d3 = join(ROOT, 'data/dfe/d3_cpps_subsequent_plan_2013_to_2025.csv');

/** The first diagram's notes, as the HTML shows them. */
async function firstDiagramNotes(edit: (csv: string) => string): Promise<string> {
  const effects = memoryEffects();
  effects.overrides.set(d3, edit(await effects.readText(d3)));
  const { html } = await buildReport({ file: join(ROOT, 'report.config.yaml') }, effects);
  const figure = html.slice(html.indexOf('<figure'), html.indexOf('</figure>'));
  return figure.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('symbol notes under a table', () => {
  it('explain each symbol shown: "x" for the comparators\' part-year column, and nothing else', async () => {
    const notes = await firstDiagramNotes((csv) => csv);
    expect(notes).toContain('x: not available (for example, not yet published).');
    expect(notes).not.toContain('c: suppressed');
  });

  it('add "c" once a figure in the table is suppressed', async () => {
    // Walsall's 2012-13 row: 37 of 355 plans, published as 10.4%; here its count is suppressed.
    const notes = await firstDiagramNotes((csv) =>
      csv.replace(/^(2013,Reporting year,Local authority,.*,335,.*,355),37,10\.4$/m, '$1,c,c'),
    );
    expect(notes).toContain('Walsall c 13.8');
    expect(notes).toContain(
      'c: suppressed to protect confidentiality; x: not available (for example, not yet published).',
    );
  });
});
