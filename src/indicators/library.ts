/** The built-in indicator library (library.yaml beside this module's source), validated on load. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../version.js';
import { isTolerance } from './assess.js';

/** "1 point" (percentage points or per 10,000, in the indicator's unit) or "5%" (of the comparator's figure). */
export const toleranceText = z.string().refine((text) => isTolerance(text), 'must be written like "1 point" or "5%"');

const libraryEntry = z.strictObject({
  title: z.string(),
  shortTitle: z.string(),
  definition: z.string(),
  unit: z.enum(['percent', 'rate']),
  decimals: z.number().int().min(0).max(3),
  polarity: z.enum(['low-is-good', 'high-is-good', 'none']),
  /** How close two figures must be to be called similar; the report says so wherever it judges. */
  similarWithin: toleranceText.optional(),
  source: z.strictObject({
    name: z.string(),
    file: z.string(),
    /** Only rows whose columns hold these values (files with several measures per area and year). */
    where: z.record(z.string(), z.string()).default({}),
    numerator: z.string(),
    /**
     * A column of the same row; "population" for the ONS estimate of children aged 0 to 17; or a
     * column of another row of the same area and year, picked out by `where`.
     */
    denominator: z.union([z.string(), z.strictObject({ column: z.string(), where: z.record(z.string(), z.string()) })]),
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
