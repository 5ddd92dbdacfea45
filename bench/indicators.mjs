// Loading all ten national files and computing the whole built-in library for every council and every
// year: cold (a new process, as `scrutiny indicators` is) and warm (the same process, again).
// Usage: node bench/indicators.mjs [RUNS]   (needs `npm run build` first)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;

// Warm: the compiled modules, in this process.
const { computeForCouncils, nationalFilesNeeded } = await import('../dist/indicators/compute.js');
const { builtInLibrary } = await import('../dist/indicators/library.js');
const { readCsv } = await import('../dist/tables/read-csv.js');
const indicators = Object.entries(builtInLibrary()).map(([id, entry]) => ({ ...entry, id, base: id }));
const files = nationalFilesNeeded(indicators, '2021');

function loadAndCompute() {
  const national = new Map(files.map((file) => [file, readCsv(file, readFileSync(join('data/dfe', file), 'utf8'))]));
  const sets = computeForCouncils(
    { neighbours: { model: '2021', average: 'mean' }, populationYearOffset: 1, indicators, national, local: new Map() },
    'all',
  );
  return sets.reduce((n, set) => n + Object.values(set.indicators).reduce((m, i) => m + i.periods.length, 0), 0);
}

const warm = [];
let figures = 0;
for (let i = 0; i < runs + 1; i++) {
  const started = process.hrtime.bigint();
  figures = loadAndCompute();
  if (i > 0) warm.push(Number(process.hrtime.bigint() - started) / 1e9); // the first run warms up
}

// Cold: the whole CLI, csv for every council.
const cold = [];
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ['dist/scrutiny.mjs', 'indicators', '--data', 'data/dfe', '--format', 'csv'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`scrutiny indicators exited ${result.status}`);
  cold.push(Number(process.hrtime.bigint() - started) / 1e9);
}

console.log(`${files.length} national files, ${indicators.length} indicators, ${figures} council-indicator-years`);
console.log(
  `warm, in process (median of ${runs}): ${fmt(median(warm))}   [${warm.map(fmt).join(', ')}]   target: under 1 s`,
);
console.log(
  `cold, scrutiny indicators --format csv (median of ${runs}): ${fmt(median(cold))}   [${cold.map(fmt).join(', ')}]`,
);
