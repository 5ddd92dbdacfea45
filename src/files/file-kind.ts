/**
 * Whether a path is a file, a folder, something else or nothing, following symlinks, so a folder given
 * where a file belongs is named as such, and a pipe or device (which would be read forever) is refused.
 */
import { statSync } from 'node:fs';

export type FileKind = 'file' | 'folder' | 'other' | undefined;

export function kindOf(path: string): FileKind {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat === undefined ? undefined : stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch (error) {
    // A path through a file ("a.csv/x") does not exist; a loop of symlinks or a locked folder is not usable.
    return (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? undefined : 'other';
  }
}
