// A meeting pack of ten reports (about 40 pages), cold: a new process each run, as `scrutiny pack` is.
// Each report is the example paper without its appendix, under its own slug, so ten are built and
// printed on their own and then laid out in the pack. Usage: node bench/pack.mjs [RUNS]  (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'scrutiny-pack-bench-'));
const config = readFileSync('report.config.yaml', 'utf8')
  .replace('national: data/dfe', `national: ${root}/data/dfe`)
  .replace('file: data/walsall-local.xlsx', `file: ${root}/data/walsall-local.xlsx`)
  .replace(
    /  - heading: Walsall beside its statistical neighbours and every council\n    appendix: true\n    template: walsall\/appendix-comparisons.hbs\n/,
    '',
  )
  .replace('output:\n  folder: output', `output:\n  folder: out\n  charts: false\ntemplates: ${root}/templates`);
const items = [];
for (let i = 1; i <= 10; i++) {
  writeFileSync(
    join(dir, `report-${i}.yaml`),
    config.replace('slug: walsall-repeat-child-protection-plans', `slug: report-${i}`),
  );
  items.push(`  - title: Report ${i}\n    report: report-${i}.yaml`);
}
writeFileSync(
  join(dir, 'agenda.yaml'),
  readFileSync('agenda.yaml', 'utf8').replace(/items:[\s\S]*?\n\noutput:/, `items:\n${items.join('\n')}\n\noutput:`),
);

const times = [];
let pages = 0;
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, 'dist/scrutiny.mjs'), 'pack', 'agenda.yaml', '--root', root], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  times.push(Number(process.hrtime.bigint() - started) / 1e9);
  pages = Number(/public pack \((\d+) pages\)/.exec(result.stdout)?.[1]);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(
  `pack of 10 reports, ${pages} pages (public), cold (median of ${runs}): ${median.toFixed(2)} s   [${times.map((t) => t.toFixed(2)).join(', ')}]   target: under 8 s`,
);
console.log(
  `per page of the public pack: ${((median / pages) * 1000).toFixed(0)} ms (each pack is printed twice, members' and public, and each report once on its own)`,
);
