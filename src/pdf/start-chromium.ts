/**
 * Starts headless Chromium directly, without loading puppeteer, so the browser's half-second start
 * overlaps with loading the pipeline's libraries and reading the data. print.ts then connects to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningChromium {
  readonly endpoint: string;
  /** Ends the browser process and removes its throwaway profile. */
  stop(): Promise<void>;
}

const ARGS = [
  '--headless=new',
  '--remote-debugging-port=0',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  // Nothing may reach the network: no updates, sync, field trials or background requests.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-field-trial-config',
  '--metrics-recording-only',
  '--hide-scrollbars',
  '--mute-audio',
  // The same text metrics on every machine, so page breaks do not move.
  '--font-render-hinting=none',
];

const STARTUP_TIMEOUT_MS = 30_000;

export function startChromium(executablePath: string): Promise<RunningChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'scrutiny-chromium-'));
  // Chromium refuses to run its sandbox as root (as in CI containers).
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = [...ARGS, `--user-data-dir=${profile}`, ...(asRoot ? ['--no-sandbox'] : []), 'about:blank'];
  // Its own process group, so that stopping it also ends the helper processes it starts.
  const child = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
  const stop = () => stopChromium(child, profile);
  // However this process ends (an error, process.exit, a closed pipe), the browser ends with it.
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));

  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(why));
    };
    const timer = setTimeout(() => fail(`no answer within ${STARTUP_TIMEOUT_MS / 1000} s`), STARTUP_TIMEOUT_MS);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`it exited with code ${code}. ${output.trim().split('\n').slice(-3).join(' ')}`));
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const endpoint = /DevTools listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (!endpoint) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stderr!.removeAllListeners('data');
      child.stderr!.resume(); // keep draining, or a chatty browser blocks on a full pipe
      resolve({ endpoint, stop });
    });
  });
}

async function stopChromium(child: ChildProcess, profile: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child, 'SIGTERM');
    await exited;
  }
  signalGroup(child, 'SIGKILL'); // any helper process still holding on
  rmSync(profile, { recursive: true, force: true });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32' || child.pid === undefined) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
