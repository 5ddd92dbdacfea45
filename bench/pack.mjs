// A meeting pack of ten reports (about 40 pages), cold: a new process each run, as `scrutiny pack` is.
// Each report is the example paper without its appendix, under its own slug, so ten are built and
// printed on their own and then laid out in the pack; then the example pack. Each against the floor of a
// bare browser printing the pack's public HTML once. Usage: node bench/pack.mjs [RUNS]  (after npm run build)
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
  .replace('output:\n  folder: output', `templates: ${root}/templates\n\noutput:\n  folder: out`)
  .replace('charts: png', 'charts: false');
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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (seconds) => `${seconds.toFixed(2)} s`;
/** Seconds a command takes, cold: a new process each run. */
function time(args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout: result.stdout };
}

/** A pack built `runs` times against the floor: a bare browser printing its public HTML once. */
function measure(name, cwd, agenda, html, target) {
  const packs = [];
  const floors = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const run = time([join(root, 'dist/scrutiny.mjs'), 'pack', agenda, '--root', root], cwd);
    packs.push(run.seconds);
    pages = Number(/public pack \((\d+) pages\)/.exec(run.stdout)?.[1]);
    floors.push(time([join(root, 'bench/floor.mjs'), join(cwd, html), join(dir, 'floor.pdf')], cwd).seconds);
  }
  const [pack, floor] = [median(packs), median(floors)];
  console.log(
    `${name}, ${pages} pages (public), cold (median of ${runs}): ${fmt(pack)}   [${packs.map(fmt).join(', ')}]${target}`,
  );
  console.log(
    `  floor, a bare browser printing its public HTML once: ${fmt(floor)}; pack / floor = ${(pack / floor).toFixed(2)}`,
  );
}

// Each report is built and printed on its own, then each audience's pack is printed once (after a quick
// print with its reports left empty), the two side by side.
measure(
  'pack of 10 reports',
  dir,
  'agenda.yaml',
  'output/walsall-scrutiny-2025-11-20-public.html',
  '   target: under 8 s',
);
measure('the example pack (agenda.yaml)', root, 'agenda.yaml', 'output/walsall-scrutiny-2025-11-20-public.html', '');
