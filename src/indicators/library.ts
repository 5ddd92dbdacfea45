/** The built-in indicator library (library.yaml beside this module's source), validated on load. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../version.js';

const libraryEntry = z.strictObject({
  title: z.string(),
  shortTitle: z.string(),
  definition: z.string(),
  unit: z.enum(['percent', 'rate']),
  decimals: z.number().int().min(0).max(3),
  polarity: z.enum(['low-is-good', 'high-is-good', 'none']),
  source: z.strictObject({
    name: z.string(),
    file: z.string(),
    where: z.record(z.string(), z.string()).default({}),
    numerator: z.string(),
    /** A column of the same file, or "population" for the ONS estimate of children aged 0 to 17. */
    denominator: z.string(),
    published: z.string().optional(),
  }),
});

export type LibraryIndicator = z.output<typeof libraryEntry>;
export type Library = Readonly<Record<string, LibraryIndicator>>;

const LIBRARY_FILE = join(PACKAGE_ROOT, 'src/indicators/library.yaml');

let cached: Library | undefined;

export function builtInLibrary(): Library {
  cached ??= z.record(z.string(), libraryEntry).parse(parse(readFileSync(LIBRARY_FILE, 'utf8')));
  return cached;
}

/** Rates are per 10,000 children throughout children's social care statistics. */
export const RATE_PER = 10_000;
