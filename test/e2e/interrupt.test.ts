/**
 * A build stopped mid-print leaves nothing behind: no browser process of it (nor any helper process),
 * nothing in its TMPDIR, and the output folder as it was. SIGTERM is answered with exit code 143 and
 * one line; after SIGKILL, when the build itself can do nothing, the watchdog ends the browser and
 * removes its folder.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/diagnostics/messages.js';
import { ROOT, tempDir } from '../support/cli.js';
import { hashFolder } from '../support/folder-hash.js';

interface Proc {
  readonly pid: number;
  readonly pgid: number;
  readonly state: string;
  readonly args: string;
}

function processes(): Proc[] {
  return execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .flatMap((m) => (m ? [{ pid: Number(m[1]), pgid: Number(m[2]), state: m[3]!, args: m[4]! }] : []));
}

/** The live processes of the browser started with this TMPDIR: its own process group, helpers included (zombies are already dead). */
function browserProcesses(tmp: string, groups: Set<number>): Proc[] {
  const all = processes().filter((p) => !p.state.startsWith('Z'));
  for (const p of all) if (p.args.includes(tmp) && /chrom/i.test(p.args)) groups.add(p.pgid);
  return all.filter((p) => groups.has(p.pgid));
}

async function until(condition: () => boolean, what: string, seconds = 30): Promise<void> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; ) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** The example meeting in a folder of its own, with a previous good pack in its output folder. */
function meeting() {
  const dir = tempDir();
  for (const part of ['agenda.yaml', 'report.config.yaml', 'examples', 'data', 'templates']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  const out = join(dir, 'output');
  mkdirSync(out);
  writeFileSync(join(out, 'walsall-scrutiny-2025-11-20-public.pdf'), 'the previous good pack');
  const tmp = tempDir('scrutiny-tmpdir-');
  return { dir, out, tmp };
}

async function killMidPrint(signal: NodeJS.Signals) {
  const fx = meeting();
  const before = hashFolder(fx.out);
  const child: ChildProcess = spawn('node', [join(ROOT, 'dist/scrutiny.mjs'), 'pack', 'agenda.yaml', '--quiet'], { cwd: fx.dir, env: { ...process.env, TMPDIR: fx.tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
  const groups = new Set<number>();
  // Mid-print: a page is open in the browser (pages are opened only to print or draw charts).
  await until(() => browserProcesses(fx.tmp, groups).some((p) => p.args.includes('--type=renderer')), 'a page printing');
  child.kill(signal);
  const ended = await exited;
  await until(() => browserProcesses(fx.tmp, groups).length === 0 && readdirSync(fx.tmp).length === 0, 'the browser gone and TMPDIR empty', 15);
  return { ...ended, stderr, groups, fx, before };
}

describe('a build stopped mid-print', () => {
  it('SIGTERM: exit 143, one line, no browser process left, TMPDIR empty, output as it was', async () => {
    const { code, stderr, groups, fx, before } = await killMidPrint('SIGTERM');
    expect(groups.size).toBeGreaterThan(0); // the browser was seen, so "none left" means something
    expect(code).toBe(143);
    expect(stderr.trim().split('\n')).toEqual([message.stoppedBySignal('SIGTERM')]);
    expect(hashFolder(fx.out)).toEqual(before);
    // The reports the pack had built were not written either: a pack is one unit.
    expect(readdirSync(fx.out)).toEqual(['walsall-scrutiny-2025-11-20-public.pdf']);
  });

  it('SIGKILL: no browser process left and TMPDIR empty once the watchdog has run; output as it was', async () => {
    const { signal, groups, fx, before } = await killMidPrint('SIGKILL');
    expect(groups.size).toBeGreaterThan(0);
    expect(signal).toBe('SIGKILL');
    expect(hashFolder(fx.out)).toEqual(before);
  });
});
