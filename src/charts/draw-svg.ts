/**
 * drawSvg(): a chart's Vega-Lite spec -> SVG, drawn in a thread of its own. Compiling and laying out
 * charts is about a third of what Node does for a council's summary; in its own thread, a batch's main
 * thread goes on with other reports' figures and documents meanwhile, and a single build's loads its
 * libraries while Vega's load there. One thread: on the two cores a build is sized for, the browser
 * needs the rest.
 *
 * The thread runs the bundled chart-worker.mjs beside the bundled CLI. Where there is none (the
 * compiled modules, as the tests run them), a chart is drawn in this thread: the same function either
 * way (render-svg.ts), so the same SVG.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import type { DrawAnswer, DrawRequest } from './chart-worker.js';
import type { ChartText } from './render-svg.js';

const BUNDLED_WORKER = new URL('./chart-worker.mjs', import.meta.url);
let bundled: boolean | undefined;

interface Drawer {
  readonly worker: Worker;
  readonly waiting: Map<number, { resolve(svg: string): void; reject(error: Error): void }>;
}
let drawer: Drawer | undefined;
let requests = 0;

/** Starts the drawing thread, if there is one, so that Vega is loaded by the time the charts are drawn. */
export function startChartDrawing(): void {
  if (hasWorker()) startDrawer();
}

export async function drawSvg(spec: TopLevelSpec, text: ChartText): Promise<string> {
  if (!hasWorker()) return (await import('./render-svg.js')).renderSvg(spec, text);
  const { worker, waiting } = startDrawer();
  const id = (requests += 1);
  return new Promise<string>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.ref(); // the process waits for a chart being drawn, and for nothing else of the thread's
    worker.postMessage({ id, spec, text } satisfies DrawRequest);
  });
}

function hasWorker(): boolean {
  bundled ??= existsSync(fileURLToPath(BUNDLED_WORKER));
  return bundled;
}

function startDrawer(): Drawer {
  if (drawer) return drawer;
  const worker = new Worker(BUNDLED_WORKER);
  const waiting: Drawer['waiting'] = new Map();
  const started: Drawer = { worker, waiting };
  worker.unref();
  worker.on('message', (answer: DrawAnswer) => {
    const asked = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (waiting.size === 0) worker.unref();
    if ('svg' in answer) asked?.resolve(answer.svg);
    else asked?.reject(new Error(answer.error));
  });
  // A thread that fails or ends fails what it was drawing; the next chart starts another.
  const ended = (error: Error) => {
    if (drawer === started) drawer = undefined;
    for (const asked of waiting.values()) asked.reject(error);
    waiting.clear();
  };
  worker.on('error', ended);
  worker.on('exit', (code) => ended(new Error(`The chart-drawing thread stopped (exit code ${code}).`)));
  drawer = started;
  return started;
}
