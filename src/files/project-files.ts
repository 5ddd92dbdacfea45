/**
 * The files a report definition (or an agenda) may read: those inside its own folder, or inside a
 * folder the user names with --root, judged after following symlinks, so `template: /etc/shadow`,
 * `../../..` and a link to a system file are all outside. The tool's own built-in templates are read
 * too, but only those under its templates folder.
 *
 * Every path is shown to the user as the definition writes it: relative to the definition's folder.
 */
import { join, relative, resolve, sep } from 'node:path';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import type { FileKind } from './file-kind.js';
import { BUILT_IN_TEMPLATES } from '../version.js';
import { describeRefusal, FileRefusedError, type Refusal } from './read-file.js';

/** Whether an absolute path is a folder or lies inside it. */
export function isWithin(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** How a path among the tool's own templates is shown: "scrutiny's built-in templates/layout.hbs". */
export const BUILT_IN_SHOWN = "scrutiny's built-in templates";

export interface FileSystem {
  readonly cwd: string;
  readonly kindOf: (path: string) => FileKind;
  /** The path with every symlink followed; for a path that does not exist yet, its nearest existing folder's. */
  readonly realPath: (path: string) => string;
  /** At most `limit` bytes of a regular file, or a FileRefusedError. */
  readonly readFile: (path: string, limit: number) => Promise<Uint8Array>;
  /** A UTF-8 text file of at most TEXT_FILE_LIMIT bytes, or a FileRefusedError. */
  readonly readText: (path: string) => Promise<string>;
  readonly listDir: (path: string) => string[];
}

export interface ProjectFiles {
  /** The folder paths are relative to: the definition's or the agenda's. */
  readonly baseDir: string;
  /** The folders that may be read, symlinks followed. */
  readonly roots: readonly string[];
  /** A path as the definition would write it. */
  shown(path: string): string;
  /** A path named in the definition, resolved against its folder. */
  resolve(path: string): string;
  isInside(path: string): boolean;
  /** Whether a path is one of the tool's own template files. */
  isBuiltIn(path: string): boolean;
  readonly kindOf: (path: string) => FileKind;
  /** Why a named path cannot be used, as a sentence at its place; undefined when it can. */
  refusal(path: string, kind: 'file' | 'folder', what: string, place: Place): string | undefined;
  /** A text file's content; a refused file is a ReportError naming it. */
  readText(path: string, what: string): Promise<string>;
  /** `raiseWith` names the option that raises the limit, when there is one, given in whole megabytes. */
  readBytes(path: string, what: string, limit: number, raiseWith?: string): Promise<Uint8Array>;
  /** The .hbs (or other) files in a folder, by name. */
  list(path: string): string[];
}

/** A file named on the command line (a definition, an agenda): any regular UTF-8 file of a sane size, wherever it is. */
export async function readNamedText(fs: FileSystem, shown: string, path: string, what: string): Promise<string> {
  try {
    return await fs.readText(path);
  } catch (error) {
    if (error instanceof FileRefusedError) throw new ReportError(describeRefusal(shown, what, error.refusal));
    throw error;
  }
}

export interface ProjectOptions {
  /** The definition's or agenda's folder: paths are relative to it, and it may be read. */
  readonly baseDir: string;
  /** More folders the user allows with --root. */
  readonly roots?: readonly string[];
  /** Whether baseDir itself may be read (not when it is only where paths are shown from). */
  readonly readBase?: boolean;
  /** The tool's own templates, always readable. */
  readonly builtIn: string;
}

export function projectFiles(fs: FileSystem, options: ProjectOptions): ProjectFiles {
  const baseDir = resolve(fs.cwd, options.baseDir);
  const roots = [
    ...new Set(
      [
        ...(options.readBase === false ? [] : [baseDir]),
        ...(options.roots ?? []).map((root) => resolve(fs.cwd, root)),
      ].map(fs.realPath),
    ),
  ];
  const builtIn = fs.realPath(options.builtIn);
  const isInside = (path: string) => {
    const real = fs.realPath(path);
    return roots.some((root) => isWithin(root, real)) || isWithin(builtIn, real);
  };
  const shown = (path: string) => {
    const absolute = resolve(baseDir, path);
    // The tool's own templates by that name, unless the project holds them (as the tool's own folder does).
    if (isWithin(options.builtIn, absolute) && !isWithin(baseDir, absolute))
      return join(BUILT_IN_SHOWN, relative(options.builtIn, absolute));
    return relative(baseDir, absolute) || '.';
  };
  const refused = (path: string, what: string, refusal: Refusal, raiseWith?: string) =>
    new ReportError(describeRefusal(shown(path), what, refusal, raiseWith));
  const problemWith = (
    path: string,
    what: string,
    place: Place | undefined,
    kind?: 'file' | 'folder',
  ): string | undefined => {
    const found = fs.kindOf(path);
    if (found === undefined)
      return place ? message.fileNotFound(place, what, shown(path)) : message.fileMissing(shown(path), what);
    if (found === 'other') return message.notARegularFile(place, what, shown(path));
    if (kind !== undefined && found !== kind && place) return message.wrongKind(place, what, shown(path), found);
    if (!isInside(path)) return message.outsideProject(place, what, shown(path), roots);
    return undefined;
  };
  const read = async <T>(path: string, what: string, reading: () => Promise<T>, raiseWith?: string): Promise<T> => {
    const problem = problemWith(path, what, undefined);
    if (problem) throw new ReportError(problem);
    try {
      return await reading();
    } catch (error) {
      if (error instanceof FileRefusedError) throw refused(path, what, error.refusal, raiseWith);
      throw error;
    }
  };

  return {
    baseDir,
    roots,
    shown,
    resolve: (path) => resolve(baseDir, path),
    isInside,
    isBuiltIn: (path) => fs.kindOf(path) === 'file' && isWithin(builtIn, fs.realPath(path)),
    kindOf: fs.kindOf,
    refusal: (path, kind, what, place) => problemWith(path, what, place, kind),
    readText: (path, what) => read(path, what, () => fs.readText(path)),
    readBytes: (path, what, limit, raiseWith) => read(path, what, () => fs.readFile(path, limit), raiseWith),
    list(path) {
      if (fs.kindOf(path) !== 'folder') return [];
      if (!isInside(path)) throw new ReportError(message.outsideProject(undefined, 'folder', shown(path), roots));
      return fs.listDir(path);
    },
  };
}

/** A data folder named on the command line (not by a definition): shown from where the command runs, and read wherever it is. */
export function namedFolderFiles(fs: FileSystem, folder: string): ProjectFiles {
  return projectFiles(fs, { baseDir: fs.cwd, readBase: false, roots: [folder], builtIn: BUILT_IN_TEMPLATES });
}
