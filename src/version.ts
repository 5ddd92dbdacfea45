/** Facts about the installed tool, resolved the same way from src/ (tests) and dist/ (the CLI). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
 * The running tool's own code, by hash (of the bundle the command runs): a report built by other code,
 * even under the same version number, is never taken to be unchanged.
 */
export function toolFingerprint(): string {
  fingerprint ??= createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  return fingerprint;
}
