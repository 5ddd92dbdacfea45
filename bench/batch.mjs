// A batch of every council's summary (examples/all-councils) in one process, against 10 separate
// `scrutiny build` processes (scaled to the same number of reports) and against the floor: one bare
// browser printing the same HTML files one after another. Also the peak memory of the batch's whole
// process tree (Node and every browser process), sampled every 100 ms: as PSS, each shared page counted
// once across the processes that share it (Chromium's dozen processes map the same binary and fonts),
// and as the plain sum of their RSS, which counts a shared page once for every process.
// Usage: npm run bench:batch [-- COUNCILS]   (default: every council; a smaller number takes the first ones)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const definition = 'examples/all-councils/report.config.yaml';
const limit = process.argv[2] ? Number(process.argv[2]) : undefined;
const codes = JSON.parse(
  execFileSync(process.execPath, ['bench/batch-councils.mjs', definition], { encoding: 'utf8' }),
).slice(0, limit);
const fresh = () => mkdtempSync(join(tmpdir(), 'scrutiny-batch-bench-'));

/** A process's proportional set size in kB (Linux), or undefined where /proc cannot say. */
function pss(pid) {
  try {
    const kb = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb);
  } catch {
    return undefined;
  }
}

/** Peak PSS and peak RSS sum of a process and all its descendants, in MB, sampled until it ends. */
async function run(args) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  let peak = 0;
  let peakRss = 0;
  let samples = 0;
  let incomplete = 0;
  const readable = new Set();
  let done = false;
  const ended = new Promise((resolve) =>
    child.once('exit', (code) => {
      done = true;
      resolve(code);
    }),
  );
  while (!done) {
    const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number));
    const tree = new Set([child.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, ppid] of rows) {
        if (tree.has(ppid) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    const members = rows.filter(([pid]) => tree.has(pid));
    peakRss = Math.max(peakRss, members.reduce((sum, [, , rss]) => sum + rss, 0) / 1024);
    // A process whose PSS cannot be read counts as its RSS (Chromium makes some of its helpers unreadable
    // to a reader without CAP_SYS_PTRACE), unless it could be read before: then it is exiting (the
    // browser's, as the run ends) and the sample is left out, since its RSS would count every page it
    // shares with the others again.
    let total = 0;
    let exiting = false;
    for (const [pid, , rss] of members) {
      const kb = pss(pid);
      if (kb !== undefined) readable.add(pid);
      else if (readable.has(pid)) exiting = true;
      total += kb ?? rss;
    }
    if (exiting) incomplete += 1;
    else peak = Math.max(peak, total / 1024);
    samples += 1;
    await sleep(100);
  }
  const code = await ended;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}`);
  return { seconds: (performance.now() - started) / 1000, peak, peakRss, samples, incomplete };
}

const build = (out, areas) => [
  'dist/scrutiny.mjs',
  'build',
  definition,
  '--root',
  '.',
  '--out',
  out,
  '--force',
  '--quiet',
  '--area',
  ...areas,
];

const batchOut = fresh();
const batch = await run(build(batchOut, codes));
const separateOut = fresh();
const ten = codes.slice(0, 10);
let separate = 0;
for (const code of ten) separate += (await run(build(separateOut, [code]))).seconds;
const separateScaled = (separate / ten.length) * codes.length;
const htmls = readdirSync(batchOut)
  .filter((name) => name.endsWith('.html') && !name.endsWith('.changes.html'))
  .map((name) => join(batchOut, name));
const floorStarted = performance.now();
const floor = spawnSync(process.execPath, ['bench/floor-many.mjs', fresh(), ...htmls], { stdio: 'inherit' });
if (floor.status !== 0) throw new Error('the floor failed');
const floorSeconds = (performance.now() - floorStarted) / 1000;

const fmt = (s) => `${s.toFixed(1)} s`;
console.log(
  `${codes.length} councils, one batch:        ${fmt(batch.seconds)} (target: at most 45 s for 153), peak ${batch.peak.toFixed(0)} MB (PSS) for the process tree (target: at most 1,500; its RSS summed: ${batch.peakRss.toFixed(0)} MB; ${batch.incomplete} of ${batch.samples} samples left out, a process exiting)`,
);
console.log(
  `separate processes:        ${fmt(separate)} for ${ten.length}, so ${fmt(separateScaled)} for ${codes.length}: the batch is ${(separateScaled / batch.seconds).toFixed(1)}x faster (target: at least 8x)`,
);
console.log(
  `floor, one browser printing the ${htmls.length} HTML files in turn: ${fmt(floorSeconds)}; batch / floor = ${(batch.seconds / floorSeconds).toFixed(2)}`,
);
