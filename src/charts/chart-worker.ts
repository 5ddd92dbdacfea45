/**
 * The chart-drawing thread (draw-svg.ts): each message is a chart to draw, each answer its SVG or the
 * reason Vega gave for not drawing it.
 */
import { parentPort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg, type ChartText } from './render-svg.js';

export interface DrawRequest {
  readonly id: number;
  readonly spec: TopLevelSpec;
  readonly text: ChartText;
}

export type DrawAnswer =
  { readonly id: number; readonly svg: string } | { readonly id: number; readonly error: string };

const port = parentPort;
port?.on('message', ({ id, spec, text }: DrawRequest) => {
  const answer = (message: DrawAnswer) => port.postMessage(message);
  renderSvg(spec, text).then(
    (svg) => answer({ id, svg }),
    (error: unknown) => answer({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
