/**
 * Whether a report need not be built again: its manifest says the same tool built it, with the same
 * settings, from files that all still hash the same, and every file it wrote is still there as written.
 * Anything unreadable, missing or different means it is built (the answer is never a guess to skip).
 */
import { join, resolve } from 'node:path';
import { BUILT_IN_SHOWN, type FileSystem } from '../files/project-files.js';
import { BUILT_IN_TEMPLATES, TOOL_VERSION, toolFingerprint } from '../version.js';
import { sha256 } from './content.js';
import { hashOf, listingOf } from './record-reads.js';
import type { Manifest } from './manifest.js';
import type { BuildSettings } from './record-build.js';

const BUILT_IN_PREFIX = `${BUILT_IN_SHOWN}/`;
/** Large enough for any file a build reads: the read limits were applied when it was built. */
const ANY_SIZE = 2 ** 31 - 1;

export interface UnchangedCheck {
  readonly previous: Manifest | undefined;
  readonly settings: BuildSettings;
  /** The definition's folder: the manifest's inputs are named from it. */
  readonly baseDir: string;
  /** The output folder: the manifest's outputs are named from it. */
  readonly dir: string;
}

/** `outputs` reads the files written (a batch keeps no copy of those; its inputs it reads once for all). */
export async function unchangedSince(
  check: UnchangedCheck,
  inputs: FileSystem,
  outputs: FileSystem = inputs,
): Promise<boolean> {
  const { previous } = check;
  // A manifest without lookups was written before they were recorded: it cannot say nothing was added.
  if (!previous?.lookups || previous.generator !== `scrutiny ${TOOL_VERSION}` || previous.tool !== toolFingerprint())
    return false;
  if (JSON.stringify(previous.settings) !== JSON.stringify(check.settings)) return false;
  const read = previous.inputs.map((input) => ({ path: inputPath(input.file, check.baseDir), hash: input.sha256 }));
  const written = previous.outputs.map((output) => ({ path: join(check.dir, output.file), hash: output.sha256 }));
  const same = async (fs: FileSystem, { path, hash }: { path: string; hash: string }) => {
    if (fs.kindOf(path) !== 'file') return false;
    const bytes = await fs.readFile(path, ANY_SIZE).catch(() => undefined);
    return bytes !== undefined && hashesTo(bytes, hash);
  };
  for (const file of read) if (!(await same(inputs, file))) return false;
  for (const { file, found } of previous.lookups) {
    const path = inputPath(file, check.baseDir);
    if (found.startsWith('list ')) {
      if (inputs.kindOf(path) !== 'folder' || listingOf(inputs.listDir(path)) !== found) return false;
    } else if ((inputs.kindOf(path) ?? 'none') !== found) return false;
  }
  for (const file of written) if (!(await same(outputs, file))) return false;
  return true;
}

function inputPath(shown: string, baseDir: string): string {
  return shown.startsWith(BUILT_IN_PREFIX)
    ? join(BUILT_IN_TEMPLATES, shown.slice(BUILT_IN_PREFIX.length))
    : resolve(baseDir, shown);
}

/** A text file was hashed as read, without a byte order mark. */
function hashesTo(bytes: Uint8Array, hash: string): boolean {
  if (hashOf(bytes) === hash) return true;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bom && sha256(bytes.subarray(3)) === hash;
}
