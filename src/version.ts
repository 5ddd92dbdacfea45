/** Facts about the installed tool, resolved the same way from src/ (tests) and dist/ (the CLI). */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// src/version.ts, dist/version.js and a bundled dist/*.mjs all sit one folder below the package root.
const root = new URL('../', import.meta.url);

/** The installed package's own folder. */
export const PACKAGE_ROOT = fileURLToPath(root);

export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string }
).version;

/** The templates shipped with the tool: the fallback for any file a council's templates folder lacks. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('templates/', root));

let fingerprint: string | undefined;

/**
 * The running tool's own code, by hash (every file of the bundle the command runs: its entry, its
 * chunks, the chart thread's): a report built by other code, even under the same version number, is
 * never taken to be unchanged.
 */
export function toolFingerprint(): string {
  if (fingerprint === undefined) {
    const hash = createHash('sha256');
    for (const file of codeFiles(fileURLToPath(import.meta.url))) hash.update(readFileSync(file));
    fingerprint = hash.digest('hex').slice(0, 16);
  }
  return fingerprint;
}

/** Bundled, every .mjs file beside this one, in order of name; compiled or in the sources, this file. */
function codeFiles(self: string): string[] {
  if (!self.endsWith('.mjs')) return [self];
  const dir = dirname(self);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mjs'))
    .sort()
    .map((name) => join(dir, name));
}
