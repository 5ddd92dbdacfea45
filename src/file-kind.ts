/** Whether a path is a file, a folder or nothing, so a folder given where a file belongs is named as such. */
import { statSync } from 'node:fs';

export type FileKind = 'file' | 'folder' | undefined;

export function kindOf(path: string): FileKind {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat === undefined ? undefined : stat.isDirectory() ? 'folder' : 'file';
}
