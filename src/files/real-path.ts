/** A path with every symlink followed, even one that does not exist yet (an output folder to be made). */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export function realPath(path: string, depth = 0): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  for (let current = absolute; ;) {
    try {
      return join(realpathSync.native(current), ...missing.reverse());
    } catch {
      // A link whose target is missing still points somewhere: follow it by hand, so it cannot hide where it leads.
      const link = lstatSync(current, { throwIfNoEntry: false });
      if (link?.isSymbolicLink() && depth < 40)
        return join(realPath(resolve(dirname(current), readlinkSync(current)), depth + 1), ...missing.reverse());
      const parent = dirname(current);
      if (parent === current) return absolute;
      missing.push(basename(current));
      current = parent;
    }
  }
}
