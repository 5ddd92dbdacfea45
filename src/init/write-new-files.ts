/**
 * A new project's files are written all together or not at all, and never over a file that exists:
 *
 *   1. check   none of the files exists (nothing is written if one does)
 *   2. stage   each file written in full beside its destination, under a temporary name
 *   3. commit  each hard-linked to its name, which fails rather than replace a file that appeared
 *              meanwhile; if one fails, those already linked, and any folder made, are removed again
 *
 * Every step runs synchronously: the files are small, and a Ctrl-C then lands before the first file is
 * staged or after the last is in place, never between.
 */
import { constants, copyFileSync, linkSync, lstatSync, mkdirSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';

export interface NewFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Refuses, naming them, files that exist already (as anything: a file, a folder, a link). */
export function refuseExisting(files: readonly NewFile[], shown: (path: string) => string): void {
  const there = files.filter((file) => lstatSync(file.path, { throwIfNoEntry: false }) !== undefined);
  if (there.length > 0) throw new ReportError(message.initWouldOverwrite(there.map((file) => shown(file.path))));
}

/**
 * Writes every file, or none. `shown` turns a path into what the user is told; `folder` is the
 * project folder, named when it cannot be written.
 */
export function writeNewFiles(files: readonly NewFile[], shown: (path: string) => string, folder: string): void {
  refuseExisting(files, shown);
  const made: string[] = [];
  const staged: string[] = [];
  const linked: string[] = [];
  try {
    for (const file of files) {
      made.push(...makeFolders(dirname(file.path)));
      const temp = join(
        dirname(file.path),
        `.${basename(file.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
      );
      writeFileSync(temp, file.content, { flag: 'wx' });
      staged.push(temp);
    }
    files.forEach((file, i) => {
      placeWithoutReplacing(staged[i]!, file.path);
      linked.push(file.path);
    });
  } catch (error) {
    // Put back as it was: what was linked or staged removed, then the folders made, innermost first.
    for (const path of [...linked, ...staged]) unlinkSync(path);
    for (const dir of made.reverse()) rmdirSync(dir);
    if (error instanceof ReportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new ReportError(
        message.initWouldOverwrite([shown(linked.length < files.length ? files[linked.length]!.path : folder)]),
      );
    throw new ReportError(
      message.cannotWriteProject(shown(folder), error instanceof Error ? error.message : String(error)),
    );
  }
  for (const temp of staged) unlinkSync(temp);
}

/** A hard link fails if the name is taken; where links are not allowed (some network drives), an exclusive copy does the same. */
function placeWithoutReplacing(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    copyFileSync(temp, path, constants.COPYFILE_EXCL);
  }
}

/** Makes a folder and any parents it lacks; returns those it made, outermost first. */
function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let folder = dir; lstatSync(folder, { throwIfNoEntry: false }) === undefined; folder = dirname(folder)) {
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) mkdirSync(folder);
  return missing;
}
