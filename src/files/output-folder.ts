/**
 * Where a build may write. A definition's output folder must lie inside its project (normalize.ts);
 * --out may name any folder of the user's, but never the root of the file system or a system folder,
 * where a report's files could replace the machine's own.
 */
import { describePlace, type Place } from '../diagnostics/place.js';
import { ReportError } from '../diagnostics/report-error.js';
import type { ProjectFiles } from './project-files.js';
import * as message from '../diagnostics/messages.js';
import { realPath } from './real-path.js';
import { resolve, sep } from 'node:path';

const POSIX_SYSTEM = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/var/lib',
  '/var/log',
  '/var/cache',
  '/var/spool',
  '/var/mail',
  '/System',
  '/Library',
  '/private/etc',
  '/private/var/db',
];
/** Folders that hold others' folders: writing straight into them is never meant. */
const POSIX_EXACT = ['/', '/var', '/home', '/Users', '/Applications', '/opt', '/srv', '/mnt', '/media'];
const WINDOWS_SYSTEM = [
  /^[a-z]:\\windows(\\|$)/i,
  /^[a-z]:\\program files( \(x86\))?(\\|$)/i,
  /^[a-z]:\\programdata(\\|$)/i,
  /^[a-z]:\\$/i,
];

/** The sentence refusing an output folder, `from` naming where it was given; undefined when it is fine. */
export function systemFolderProblem(dir: string, from: string): string | undefined {
  const real = realPath(dir);
  const shown = real === dir ? dir : `${dir} (${real})`;
  if (sep === '\\')
    return WINDOWS_SYSTEM.some((pattern) => pattern.test(real)) ? message.systemOutputFolder(from, shown) : undefined;
  const isSystem =
    POSIX_EXACT.includes(real) || POSIX_SYSTEM.some((folder) => real === folder || real.startsWith(`${folder}/`));
  return isSystem ? message.systemOutputFolder(from, real === '/' ? '/' : shown) : undefined;
}

/** A definition's or agenda's own output folder, at its place in the YAML: never a system folder, and inside the project. */
export function ownOutputFolderProblem(dir: string, place: Place, files: ProjectFiles): string | undefined {
  const system = systemFolderProblem(dir, describePlace(place));
  if (system) return system;
  return files.isInside(dir)
    ? undefined
    : message.outsideProject(place, 'output folder', files.shown(dir), files.roots);
}

/** Where a build writes: --out (checked here), or the definition's own folder (checked with the definition). */
export function outputFolder(out: string | undefined, definitionFolder: string, cwd: string): string {
  if (out === undefined) return definitionFolder;
  const dir = resolve(cwd, out);
  const problem = systemFolderProblem(dir, '--out');
  if (problem) throw new ReportError(problem);
  return dir;
}
