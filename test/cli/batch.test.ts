/**
 * `scrutiny build` for many councils, as a scheduler runs it: JSON events, unchanged reports left alone,
 * a council that fails alone, one run at a time into a folder, and SIGTERM leaving only whole files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, ROOT, runCli, tempDir } from '../support/cli.js';
import { startCli, until } from '../support/processes.js';

const DEFINITION = 'examples/all-councils/report.config.yaml';
let dir: string;
let out: string;

const events = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; report?: string; [key: string]: unknown });
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const build = (...args: string[]) => runCli(['build', DEFINITION, '--root', '.', ...args], { cwd: dir });

beforeAll(() => {
  dir = tempDir();
  mkdirSync(join(dir, 'examples'));
  cpSync(join(ROOT, 'examples/all-councils'), join(dir, 'examples/all-councils'), { recursive: true });
  cpSync(join(ROOT, 'data/dfe'), join(dir, 'data/dfe'), { recursive: true });
  out = join(dir, 'output/all-councils');
});

describe('a batch from the command line', () => {
  it('builds each council named, logging one JSON object per event', async () => {
    const result = await build('--area', '888', '890', '--log', 'json');
    expect(result.code).toBe(0);
    const log = events(result.stdout);
    expect(log[0]).toMatchObject({ event: 'run-started', reports: 2, level: 'info' });
    expect(
      log
        .filter((e) => e.event === 'report-built')
        .map((e) => e.report)
        .sort(),
    ).toEqual(['blackpool-cp-summary', 'lancashire-cp-summary']);
    expect(log.at(-1)).toMatchObject({ event: 'run-finished', built: 2, skipped: 0, failed: 0 });
    for (const line of log) expect(typeof line.time).toBe('string');
    const info = await pdfInfo(join(out, 'lancashire-cp-summary.pdf'));
    expect(info.Title).toBe("Lancashire: children's social care summary, 2024-25");
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(5);
    expect(Number(info.Pages)).toBeLessThanOrEqual(8);
  });

  it('leaves unchanged reports as they are, and builds again those whose template changed', async () => {
    const pdf = join(out, 'lancashire-cp-summary.pdf');
    const [hash, mtime] = [sha(pdf), statSync(pdf).mtimeMs];
    const again = await build('--area', '888', '890');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/lancashire-cp-summary: unchanged since its last build/);
    expect(again.stdout).toMatch(/2 reports in [\d.]+ s: 0 built, 2 unchanged, 0 failed\./);
    expect([sha(pdf), statSync(pdf).mtimeMs]).toEqual([hash, mtime]);

    appendFileSync(join(dir, 'examples/all-councils/comparisons.hbs'), '<p>A paragraph added since.</p>\n');
    const changed = events((await build('--area', '888', '890', '--log', 'json')).stdout);
    expect(changed.filter((e) => e.event === 'report-built')).toHaveLength(2);
    expect(sha(pdf)).not.toBe(hash);
    const forced = events((await build('--area', '888', '--log', 'json', '--force')).stdout);
    expect(forced.at(-1)).toMatchObject({ built: 1, skipped: 0 });
  });

  it('records the tool by every file of its bundle, the chunks only some commands load among them', () => {
    const bundle = readdirSync(join(ROOT, 'dist'))
      .filter((name) => name.endsWith('.mjs'))
      .sort();
    expect(bundle).toContain('chart-worker.mjs');
    expect(bundle.filter((name) => name.startsWith('chunk-')).length).toBeGreaterThan(3);
    const hash = createHash('sha256');
    for (const name of bundle) hash.update(readFileSync(join(ROOT, 'dist', name)));
    const manifest = JSON.parse(readFileSync(join(out, 'lancashire-cp-summary.manifest.json'), 'utf8')) as {
      tool: string;
    };
    expect(manifest.tool).toBe(hash.digest('hex').slice(0, 16));
  });

  it('goes on past a council that fails, naming it, and exits 2', async () => {
    const result = await build('--area', '999', '890');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--area 999: data\/dfe: there is no local authority with the code 999;/m);
    expect(result.stdout).toMatch(/2 reports in [\d.]+ s: 0 built, 1 unchanged, 1 failed\./);
  });

  it('refuses to build into a folder another run holds, and takes over one left by a run that died', async () => {
    const lock = join(out, '.scrutiny-run.lock');
    const owner = join(out, '.scrutiny-run.json');
    mkdirSync(lock);
    writeFileSync(owner, JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-12-01T09:00:00.000Z' }));
    const refused = await build('--area', '890');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`another scrutiny run is building into this folder (process ${process.pid} on`);
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(owner, JSON.stringify({ pid: Number(gone), host: hostname(), started: '2026-12-01T09:00:00.000Z' }));
    const taken = await build('--area', '890');
    expect(taken.code).toBe(0);
    expect(readdirSync(out)).not.toContain('.scrutiny-run.lock');
  });

  it('refuses --area for a definition that reads a council workbook', async () => {
    const result = await runCli(['build', 'report.config.yaml', '--area', '888', '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^report\.config\.yaml, line \d+, column \d+: .*cannot be built for another council/m,
    );
  });

  it('on SIGTERM, keeps the reports finished whole and writes nothing of the rest', async () => {
    const run = startCli(
      [
        'build',
        DEFINITION,
        '--root',
        '.',
        '--area',
        '201',
        '202',
        '203',
        '204',
        '205',
        '206',
        '--jobs',
        '1',
        '--log',
        'json',
      ],
      {
        cwd: dir,
      },
    );
    await until(() => run.output.stdout.includes('"report-built"'), 'a first report built', 60);
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code).toBe(143);
    const log = events(run.output.stdout);
    const built = log.filter((e) => e.event === 'report-built').map((e) => e.report);
    expect(log.at(-1)).toMatchObject({ event: 'run-stopped', signal: 'SIGTERM', built: built.length });
    expect(built.length).toBeLessThan(6);
    for (const report of built) expect(Number((await pdfInfo(join(out, `${report}.pdf`))).Pages)).toBeGreaterThan(2);
    const pdfs = readdirSync(out).filter((name) => name.endsWith('.pdf'));
    expect(
      pdfs.filter((name) => /^(city-of-london|camden|greenwich|hackney|hammersmith|islington)/.test(name)).sort(),
    ).toEqual(built.map((report) => `${report}.pdf`).sort());
    expect(readdirSync(out).filter((name) => /\.(tmp|bak)$/.test(name))).toEqual([]);
  });
});
