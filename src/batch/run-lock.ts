/**
 * One run at a time into an output folder: a second `scrutiny build` aimed at a folder another run is
 * building into refuses at once, naming the run that holds it. The lock is a folder (made atomically)
 * that its run keeps fresh; one left by a run that died is stale, and taken over: at once when the run
 * was on this machine and its process is gone, otherwise once it has not been refreshed for 30 s.
 * (Committing files has its own, shorter lock: files/write-output.ts.)
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { isAlive, removeQuietly } from '../files/write-output.js';

const LOCK = '.scrutiny-run.lock';
const OWNER = '.scrutiny-run.json';
const STALE_MS = 30_000;

export interface RunOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

/** Holds the folder for this run, or refuses with a sentence naming the run that does; returns the release. */
export async function holdOutputFolder(dir: string): Promise<() => Promise<void>> {
  const owner: RunOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  // A folder made for the lock alone is removed again if the run leaves nothing in it.
  const made = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  const release = await lock(dir).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ELOCKED') throw error;
    const holder = ownerOf(dir);
    if (!holder || holder.host !== owner.host || isAlive(holder.pid)) throw refusal(dir, holder);
    // Left by a run on this machine that has ended: no need to wait for it to go stale.
    removeFolderQuietly(join(dir, LOCK));
    return lock(dir).catch(() => Promise.reject(refusal(dir, ownerOf(dir))));
  });
  writeFileSync(join(dir, OWNER), `${JSON.stringify(owner)}\n`);
  return async () => {
    if (ownerOf(dir)?.pid === owner.pid) removeQuietly(join(dir, OWNER));
    await release().catch(() => undefined);
    if (made) removeFolderQuietly(dir);
  };
}

function lock(dir: string): Promise<() => Promise<void>> {
  // Keyed by the lock's own path: proper-lockfile keeps one lock per key, and the commit lock is keyed by the folder.
  const path = join(dir, LOCK);
  return lockfile.lock(path, { lockfilePath: path, realpath: false, stale: STALE_MS, retries: 0 });
}

function refusal(dir: string, holder: RunOwner | undefined): ReportError {
  return new ReportError(message.outputFolderBusy(dir, holder));
}

function ownerOf(dir: string): RunOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dir, OWNER), 'utf8')) as Partial<RunOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.started === 'string'
      ? (owner as RunOwner)
      : undefined;
  } catch {
    return undefined;
  }
}

function removeFolderQuietly(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // holds the run's reports, or gone
  }
}
