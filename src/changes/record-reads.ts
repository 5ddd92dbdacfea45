/**
 * Every file a build reads, with the sha256 of what it read: the manifest's inputs. The reads are
 * recorded as they happen rather than listed from the definition, so nothing the build depended on
 * (a partial, a theme, a neighbour file) can be left out of the manifest.
 */
import type { FileSystem } from '../files/project-files.js';
import { sha256 } from './content.js';

export interface RecordedReads<T extends FileSystem> {
  /** The same effects, with every read recorded. */
  readonly effects: T;
  /** Absolute path -> sha256 of the bytes read (of a text file, its text as UTF-8). */
  readonly reads: () => ReadonlyMap<string, string>;
  /**
   * What the build looked for without reading: absolute path -> what was there ("file", "folder",
   * "other" or "none") or, for a folder listed, "list " and the sha256 of its names. A partial added,
   * or a template put where a built-in one was used, changes the build as much as an edit does.
   */
  readonly lookups: () => ReadonlyMap<string, string>;
}

/** A folder's names, as a lookup records them. */
export function listingOf(names: readonly string[]): string {
  return `list ${sha256(names.join('\n'))}`;
}

/** Hashes of bytes already hashed: a batch's reports share one copy of each file (files/shared-reads.ts). */
const hashed = new WeakMap<Uint8Array, string>();

export function hashOf(bytes: Uint8Array): string {
  let hash = hashed.get(bytes);
  if (hash === undefined) hashed.set(bytes, (hash = sha256(bytes)));
  return hash;
}

export function recordReads<T extends FileSystem>(effects: T): RecordedReads<T> {
  const reads = new Map<string, string>();
  const lookups = new Map<string, string>();
  return {
    effects: {
      ...effects,
      kindOf: (path) => {
        const kind = effects.kindOf(path);
        if (!lookups.get(path)?.startsWith('list ')) lookups.set(path, kind ?? 'none');
        return kind;
      },
      listDir: (path) => {
        const names = effects.listDir(path);
        lookups.set(path, listingOf(names));
        return names;
      },
      readFile: async (path, limit) => {
        const bytes = await effects.readFile(path, limit);
        reads.set(path, hashOf(bytes));
        return bytes;
      },
      readText: async (path) => {
        const text = await effects.readText(path);
        reads.set(path, sha256(text));
        return text;
      },
    },
    reads: () => reads,
    lookups: () => lookups,
  };
}
