/**
 * A run's reads, shared: every report of a batch gets the same bytes of a file, read from the disk once.
 * National files (3.4 MB) and templates are then read once for 153 councils, and every report of the
 * run is built from one and the same version of each file, even if one changes while the run goes on.
 * Refusals are not kept, so each report names its own.
 */
import type { FileSystem } from './project-files.js';

export function sharedReads<T extends FileSystem>(fs: T): T {
  const bytes = new Map<string, Promise<Uint8Array>>();
  const texts = new Map<string, Promise<string>>();
  const once = <V>(kept: Map<string, Promise<V>>, key: string, read: () => Promise<V>): Promise<V> => {
    const known = kept.get(key);
    if (known) return known;
    const reading = read();
    kept.set(key, reading);
    reading.catch(() => kept.delete(key));
    return reading;
  };
  return {
    ...fs,
    readFile: (path, limit) => once(bytes, `${limit} ${path}`, () => fs.readFile(path, limit)),
    readText: (path) => once(texts, path, () => fs.readText(path)),
  };
}
