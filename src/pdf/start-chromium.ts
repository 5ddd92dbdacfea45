/**
 * Starts headless Chromium directly, without loading puppeteer, so the browser's half-second start
 * overlaps with loading the pipeline's libraries and reading the data. print.ts then talks to it over
 * a pipe (--remote-debugging-pipe): no debugging port is opened for anyone else on the machine.
 *
 * The browser can reach nothing: every host name, and every address, resolves to "not found", and
 * any proxy it might try is a closed local port. Everything it writes (its profile, its own temporary
 * folders) goes into one folder of ours, removed when it stops. A watchdog process removes that folder
 * and ends the browser if this process is killed outright (SIGKILL), when nothing here can run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export interface RunningChromium {
  /** The browser's end of the DevTools pipe. */
  readonly input: Writable;
  readonly output: Readable;
  /** Resolves when the browser process has exited, however. */
  readonly exited: Promise<void>;
  /** The last lines the browser wrote to stderr, for saying why it did not start. */
  lastWords(): string;
  /** Ends the browser process and its helpers and removes everything it wrote. */
  stop(): Promise<void>;
  /** The same, at once, for a browser that no longer answers. */
  kill(): Promise<void>;
}

export const NO_NETWORK_ARGS = [
  // Resolve nothing: host names and IP literals alike fail before any connection is tried.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  // And should anything bypass the resolver, its proxy is a closed port, loopback included.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-features=DnsOverHttps,NetworkPrediction,PreconnectToSearch,OptimizationHints,MediaRouter',
  '--no-pings',
  '--dns-prefetch-disable',
];

const ARGS = [
  '--headless=new',
  '--remote-debugging-pipe',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-field-trial-config',
  '--metrics-recording-only',
  '--hide-scrollbars',
  '--mute-audio',
  ...NO_NETWORK_ARGS,
  // The same text metrics on every machine, so page breaks do not move.
  '--font-render-hinting=none',
  // Pages share a renderer process for each core rather than start one each: 153 councils' summaries took
  // 35 s rather than 40 s. (What sharing changes in a tagged PDF, its node ids, is undone: node-ids.ts.)
  `--renderer-process-limit=${availableParallelism()}`,
];

export function startChromium(executablePath: string): RunningChromium {
  const folder = mkdtempSync(join(tmpdir(), 'scrutiny-browser-'));
  const profile = join(folder, 'profile');
  const temp = join(folder, 'tmp');
  mkdirSync(temp);
  // Chromium refuses to run its sandbox as root (as in CI containers).
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = [...ARGS, `--user-data-dir=${profile}`, ...(asRoot ? ['--no-sandbox'] : []), 'about:blank'];
  // Its own process group, so that stopping it also ends the helper processes it starts; fds 3 and 4 are the DevTools pipe.
  const child = spawn(executablePath, args, {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    env: { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp },
  });
  const watchdog = startWatchdog(child, folder);
  let stderr = '';
  // Always drained (a chatty browser would block on a full pipe); only the tail is kept.
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  let spawnError = '';
  child.once('error', (error) => (spawnError = error.message));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  // However this process ends (an error, process.exit, a closed pipe), the browser ends with it.
  const onExit = () => {
    signalGroup(child, 'SIGKILL');
    removeFolder(folder);
  };
  process.once('exit', onExit);

  let stopping: Promise<void> | undefined;
  const end = (grace: number) =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, grace > 0 ? 'SIGTERM' : 'SIGKILL');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), grace);
        await exited;
        clearTimeout(timer);
      }
      signalGroup(child, 'SIGKILL'); // any helper process still holding on
      // Our ends of the DevTools pipe, which a browser that never connected leaves open (and the process alive).
      for (const fd of [3, 4]) (child.stdio[fd] as Writable | Readable | null)?.destroy();
      removeFolder(folder);
      process.removeListener('exit', onExit);
      watchdog?.stdin?.end();
    })());
  const stop = () => end(2_000);
  const kill = () => end(0);

  const lastWords = () => spawnError || stderr.trim().split('\n').slice(-2).join(' ').trim();
  return { input: child.stdio[3] as Writable, output: child.stdio[4] as Readable, exited, lastWords, stop, kill };
}

/**
 * A small process of its own that waits for this one to end (its stdin closes, even on SIGKILL), then
 * ends the browser's process group and removes the browser's folder.
 */
function startWatchdog(child: ChildProcess, folder: string): ChildProcess | undefined {
  if (child.pid === undefined) return undefined;
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(child.pid), folder], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: process.platform !== 'win32',
  });
  watchdog.on('error', () => undefined);
  watchdog.stdin?.on('error', () => undefined);
  watchdog.unref(); // stop() ends its stdin, and with it the watchdog
  return watchdog;
}

const WATCHDOG = `
const [pid, folder] = process.argv.slice(1);
const end = () => {
  for (const target of [-Number(pid), Number(pid)]) { try { process.kill(target, 'SIGKILL'); } catch {} }
  setTimeout(() => { require('node:fs').rmSync(folder, { recursive: true, force: true, maxRetries: 5 }); process.exit(0); }, 200);
};
process.stdin.on('end', end); process.stdin.on('error', end); process.stdin.on('close', end); process.stdin.resume();
`;

/** Removes the browser's folder; a helper still writing its profile (ENOTEMPTY) leaves it to the watchdog. */
function removeFolder(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  } catch {
    // The watchdog removes it once the browser's processes have gone; an exit handler must not throw.
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32' || child.pid === undefined) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
