// `scrutiny validate` of the example (a new Node process each run, as an editor or CI calls it)
// against the floor of the same command starting and doing nothing (`scrutiny --version`).
// Usage: node bench/validate.mjs [RUNS]   (default 9 runs each, interleaved; prints medians and the ratio)
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 9);

function time(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const validate = ['dist/scrutiny.mjs', 'validate', 'report.config.yaml'];
const floor = ['dist/scrutiny.mjs', '--version'];

time(validate); // warm the disk cache
const checks = [];
const floors = [];
for (let i = 0; i < runs; i++) {
  checks.push(time(validate));
  floors.push(time(floor));
}
const v = median(checks);
const f = median(floors);
const fmt = (s) => `${s.toFixed(2)} s`;
console.log(`validate (median of ${runs}): ${fmt(v)}   [${checks.map(fmt).join(', ')}]`);
console.log(`floor    (median of ${runs}): ${fmt(f)}   [${floors.map(fmt).join(', ')}]`);
console.log(`ratio: ${(v / f).toFixed(2)}; target: validate under 1 s`);
