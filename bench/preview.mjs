// `scrutiny preview`: from saving the definition to the page holding the rebuilt report (the update
// event received and the report fetched), after the first build, against the floor of a bare watcher
// noticing the same save on the same machine in the same run.
// Usage: node bench/preview.mjs [RUNS]   (default 15 saves each; prints medians and the ratio)
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { watch } from 'chokidar';
import { nodeEffects } from '../dist/effects.js';
import { startPreview } from '../dist/preview/server.js';

const runs = Number(process.argv[2] ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'scrutiny-bench-preview-'));
for (const part of ['report.config.yaml', 'templates', 'data']) cpSync(part, join(dir, part), { recursive: true });
const definition = join(dir, 'report.config.yaml');
const original = readFileSync(definition, 'utf8');
const save = (i) =>
  writeFileSync(definition, original.replace(/^ {2}title: .*$/m, `  title: Repeat plans, draft ${i}`));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fetchText = (url) =>
  new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });

// The preview, with a client following its updates as the page does.
const effects = nodeEffects({ cwd: dir, printer: () => Promise.reject(new Error('no printing')), log: () => {} });
const preview = await startPreview({ file: 'report.config.yaml' }, effects);
let onEvent = () => {};
get(`${preview.url}events`, (res) => {
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    if (chunk.includes('event: built')) onEvent();
  });
});
await new Promise((resolve) => setTimeout(resolve, 200));

const rebuilds = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const built = new Promise((resolve) => (onEvent = resolve));
  save(i);
  await built;
  const html = await fetchText(`${preview.url}report`);
  if (!html.includes(`draft ${i}`)) throw new Error('the rebuilt report was not served');
  rebuilds.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await preview.close();

// The floor: a bare watcher on the same file, noticing the same save.
const watcher = watch(definition, { ignoreInitial: true, atomic: true });
await new Promise((resolve) => watcher.once('ready', resolve));
const floors = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const seen = new Promise((resolve) => watcher.once('all', resolve));
  save(100 + i);
  await seen;
  floors.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await watcher.close();

const r = median(rebuilds);
const f = median(floors);
const fmt = (ms) => `${Math.round(ms)} ms`;
console.log(`save -> rebuilt report served (median of ${runs}): ${fmt(r)}   [${rebuilds.map(fmt).join(', ')}]`);
console.log(`floor: a bare watcher notices the save (median of ${runs}): ${fmt(f)}`);
console.log(`ratio: ${(r / f).toFixed(1)}; target: under 500 ms`);
