// Cold build of the example report (a new Node process each run, as `npx scrutiny build` is) against
// the floor: a bare script that launches the same browser and prints the same HTML.
// Usage: npm run bench [-- RUNS]   (default 5 runs each, interleaved; prints medians and the ratio)
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 5);
const out = mkdtempSync(join(tmpdir(), 'scrutiny-bench-'));
const html = join(out, 'walsall-repeat-child-protection-plans.html');

function time(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// --force: an unchanged report is otherwise left as it is, which is no build at all.
const build = ['dist/scrutiny.mjs', 'build', 'report.config.yaml', '--out', out, '--quiet', '--force'];
const floor = ['bench/floor.mjs', html, join(out, 'floor.pdf')];

time(build); // once to produce the HTML the floor prints, and to warm the disk cache for both
const builds = [];
const floors = [];
for (let i = 0; i < runs; i++) {
  builds.push(time(build));
  floors.push(time(floor));
}
const b = median(builds);
const f = median(floors);
const fmt = (s) => `${s.toFixed(2)} s`;
console.log(`cold build (median of ${runs}): ${fmt(b)}   [${builds.map(fmt).join(', ')}]`);
console.log(`floor      (median of ${runs}): ${fmt(f)}   [${floors.map(fmt).join(', ')}]`);
console.log(`ratio: ${(b / f).toFixed(2)} (target: at most 1.40)`);
