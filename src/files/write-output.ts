/**
 * A build's files change together or not at all, even across folders (a meeting pack and its reports):
 *
 *   1. stage   every file written in full beside its destination, under a temporary name
 *   2. lock    each folder, in a fixed order, so two builds into one folder take turns to commit
 *   3. commit  synchronously: the previous file kept as a backup link, the new one renamed into place;
 *              if any rename fails, every earlier one is put back
 *   4. tidy    backups removed, folders unlocked
 *
 * Renaming within a folder is atomic, so a reader sees the old file or the new one, never half. The
 * commit runs without yielding, so a signal arrives before it (the staged files are abandoned) or after.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  unlinkSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';

export interface OutputFile {
  /** Relative to its folder; may include sub-folders (<slug>/charts/x.svg). */
  readonly name: string;
  readonly content: string | Uint8Array;
}

export interface OutputGroup {
  readonly dir: string;
  readonly files: readonly OutputFile[];
}

interface Staged {
  readonly dest: string;
  readonly temp: string;
}

/** Temporary files this process has staged and not yet committed, for abandonStaged(). */
const staged = new Set<string>();
/** Folders this process made for a build that has not committed yet. */
const madeFolders = new Set<string>();

const LOCK = '.scrutiny-lock';
const OWN = new RegExp(`^\\..+\\.(\\d+)\\.[0-9a-f]{8}\\.(tmp|bak)$`);

export async function writeOutput(groups: readonly OutputGroup[]): Promise<void> {
  const files: Staged[] = [];
  const made: string[] = [];
  try {
    for (const { dir, files: list } of groups) {
      for (const file of list) {
        const dest = join(dir, file.name);
        const folder = makeFolder(dirname(dest));
        if (folder) made.push(folder);
        const temp = join(dirname(dest), `.${basename(dest)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
        staged.add(temp);
        files.push({ dest, temp });
        await writeFile(temp, file.content);
      }
    }
    const folders = [...new Set(groups.map((group) => group.dir))].sort();
    for (const folder of folders) removeAbandoned(folder);
    const releases: (() => Promise<void>)[] = [];
    try {
      for (const folder of folders) releases.push(await lockFolder(folder));
      commit(files);
    } finally {
      for (const release of releases.reverse()) await release().catch(() => undefined);
    }
    for (const folder of made) madeFolders.delete(folder);
  } catch (error) {
    for (const { temp } of files) removeQuietly(temp);
    for (const folder of made.reverse()) removeFolderIfEmpty(folder);
    throw error;
  }
}

/**
 * Waits for, then holds, a folder's lock (a .scrutiny-lock folder inside it). A lock whose holder died
 * goes stale after 10 s (its holder refreshes it meanwhile), so a killed build never blocks the next.
 */
export function lockFolder(folder: string): Promise<() => Promise<void>> {
  return lockfile.lock(folder, {
    lockfilePath: join(folder, LOCK),
    realpath: false,
    stale: 10_000,
    retries: { retries: 200, minTimeout: 50, maxTimeout: 500 },
  });
}

/** Renames every staged file into place, or none: on a failure, the files already moved are put back. */
function commit(files: readonly Staged[]): void {
  const done: { dest: string; backup?: string }[] = [];
  try {
    for (const { dest, temp } of files) {
      const backup = existsSync(dest) && lstatSync(dest).isFile() ? keepBackup(dest) : undefined;
      try {
        renameSync(temp, dest);
      } catch (error) {
        if (backup) removeQuietly(backup);
        throw error;
      }
      staged.delete(temp);
      done.push({ dest, backup });
    }
  } catch (error) {
    for (const { dest, backup } of done.reverse()) {
      if (backup) renameSync(backup, dest);
      else removeQuietly(dest);
    }
    throw error;
  }
  for (const { backup } of done) if (backup) removeQuietly(backup);
}

/** A second name for the previous file (a hard link: instant), or a copy where links are not allowed. */
function keepBackup(dest: string): string {
  const backup = join(dirname(dest), `.${basename(dest)}.${process.pid}.${randomBytes(4).toString('hex')}.bak`);
  try {
    linkSync(dest, backup);
  } catch {
    copyFileSync(dest, backup);
  }
  return backup;
}

/** On a signal: the files staged and not committed are removed, as are folders made for them. */
export function abandonStaged(): void {
  for (const temp of staged) removeQuietly(temp);
  staged.clear();
  for (const folder of [...madeFolders].reverse()) removeFolderIfEmpty(folder);
  madeFolders.clear();
}

/** Staged files left by a build that was killed outright (its process is gone). */
function removeAbandoned(folder: string): void {
  for (const name of readdirSync(folder)) {
    const pid = Number(OWN.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) removeQuietly(join(folder, name));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** mkdir -p, returning the first folder it made (to remove again if the build fails). */
function makeFolder(folder: string): string | undefined {
  const first = mkdirSync(folder, { recursive: true });
  if (first) madeFolders.add(first);
  return first;
}

/** Removes a folder this build made, with its sub-folders, as long as nothing else was put in them. */
function removeFolderIfEmpty(folder: string): void {
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      if (entry.isDirectory()) removeFolderIfEmpty(join(folder, entry.name));
    rmdirSync(folder);
  } catch {
    // gone, or holding another build's files: leave it
  }
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
