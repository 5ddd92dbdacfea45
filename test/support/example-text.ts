/**
 * The shipped example's definition as YAML text, for tests of reading it: edit it one exact piece at a
 * time, and find where a piece stands, counted here independently of the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

export const FILE = 'report.config.yaml';
export const CONFIG = readFileSync(join(ROOT, FILE), 'utf8');

export interface Place {
  readonly line: number;
  readonly column: number;
}

/** The text with one exact piece replaced; the piece must occur exactly once. */
export function mutate(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `occurrences of ${JSON.stringify(from)}`).toBe(1);
  return text.replace(from, to);
}

/** The 1-based line and column where `needle` starts in `text`. */
export function position(text: string, needle: string): Place {
  const offset = text.indexOf(needle);
  expect(offset, `position of ${JSON.stringify(needle)}`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

export const lineOf = (text: string, needle: string) => position(text, needle).line;

/** How a problem names a place: "report.config.yaml, line L, column C: ". */
export const placeText = (place: Place) => `${FILE}, line ${place.line}, column ${place.column}: `;

/** How a problem names the place where `needle` starts in `text`. */
export const placeOf = (text: string, needle: string) => placeText(position(text, needle));
