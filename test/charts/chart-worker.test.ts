/**
 * The thread the CLI draws its charts in (dist/chart-worker.mjs, built by `npm run build`): the same
 * SVG as drawn in the main thread, and Vega's reason when a chart cannot be drawn.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { DrawAnswer, DrawRequest } from '../../src/charts/chart-worker.js';
import { renderSvg } from '../../src/charts/render-svg.js';

const bars = (calculate: string): TopLevelSpec => ({
  width: 300,
  height: 120,
  data: {
    values: [
      { area: 'Walsall', value: 48.2 },
      { area: 'England', value: 41.6 },
    ],
  },
  transform: [{ calculate, as: 'shown' }],
  mark: 'bar',
  encoding: {
    x: { field: 'area', type: 'nominal', title: 'Area' },
    y: { field: 'shown', type: 'quantitative', title: 'Per 10,000 children' },
  },
});
const text = { id: 'bars', title: 'Plans per 10,000 children', description: 'Walsall 48.2, England 41.6.' };

describe('the chart-drawing thread', () => {
  const worker = new Worker(fileURLToPath(new URL('../../dist/chart-worker.mjs', import.meta.url)));
  afterAll(() => worker.terminate());
  let next = 0;
  const draw = (spec: TopLevelSpec) =>
    new Promise<DrawAnswer>((resolve) => {
      const id = (next += 1);
      const listen = (answer: DrawAnswer) => {
        if (answer.id !== id) return;
        worker.off('message', listen);
        resolve(answer);
      };
      worker.on('message', listen);
      worker.postMessage({ id, spec, text } satisfies DrawRequest);
    });

  it('answers with the SVG the main thread draws', async () => {
    const answer = await draw(bars('datum.value'));
    expect(answer).toEqual({ id: expect.any(Number), svg: await renderSvg(bars('datum.value'), text) });
    expect('svg' in answer && answer.svg).toContain('<title id="bars-title">Plans per 10,000 children</title>');
  });

  it("answers with Vega's reason for a chart it cannot draw", async () => {
    const answer = await draw(bars("constructor.constructor('return process')()"));
    expect(answer).toEqual({ id: expect.any(Number), error: expect.stringMatching(/^Illegal callee type/) });
  });
});
