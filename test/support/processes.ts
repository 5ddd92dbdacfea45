/** The processes of a build's browser, found by the private TMPDIR its command line names, and a patient wait. */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export interface Proc {
  readonly pid: number;
  readonly pgid: number;
  readonly state: string;
  readonly args: string;
}

export function processes(): Proc[] {
  return execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .flatMap((m) => (m ? [{ pid: Number(m[1]), pgid: Number(m[2]), state: m[3]!, args: m[4]! }] : []));
}

/**
 * The live processes of the browsers started with this TMPDIR: each browser's process group, helpers
 * included (a zombie is already dead). `groups` remembers every group seen, so helpers are found
 * after their browser has gone.
 */
export function browserProcesses(tmp: string, groups: Set<number>): Proc[] {
  const all = processes().filter((p) => !p.state.startsWith('Z'));
  for (const p of all) if (p.args.includes(tmp) && /chrom/i.test(p.args)) groups.add(p.pgid);
  return all.filter((p) => groups.has(p.pgid));
}

/** The main browser process (not a helper) started with this TMPDIR. */
export function browserMain(tmp: string): Proc | undefined {
  return processes().find(
    (p) =>
      !p.state.startsWith('Z') &&
      p.args.includes(`${tmp}`) &&
      p.args.includes('--user-data-dir') &&
      !p.args.includes('--type='),
  );
}

export async function until(condition: () => boolean, what: string, seconds = 30): Promise<void> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** The CLI as a child process, with what it has printed so far. */
export function startCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }) {
  const child = spawn('node', [join(ROOT, 'dist/scrutiny.mjs'), ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}
