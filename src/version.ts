/** Facts about the installed tool, resolved the same way from src/ (tests) and dist/ (the CLI). */
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
