/**
 * `scrutiny validate`: everything a build checks (the definition or agenda, the data, templates,
 * chart specifications, references, the rules for untrusted input), without a browser and writing
 * nothing. Every problem found, each with its file and place; warnings too.
 */
import { resolve } from 'node:path';
import { isReportError } from './diagnostics/report-error.js';
import { locateProblem, type LocatedProblem } from './diagnostics/problem-place.js';
import type { BuildEffects } from './pipeline.js';

export interface ValidateOptions {
  /** A report definition or an agenda. */
  readonly file: string;
  readonly roots?: readonly string[];
  readonly maxDataBytes?: number;
}

export interface Validation {
  /** Whether it is an agenda (its reports checked with it) or a report definition. */
  readonly kind: 'agenda' | 'report';
  readonly problems: readonly LocatedProblem[];
}

/** Effects for checking: a build that reaches the printer or the disk is a bug, not a check. */
export function checkingEffects(effects: BuildEffects, warn: (line: string) => void): BuildEffects {
  return {
    ...effects,
    printer: () => Promise.reject(new Error('A check does not print.')),
    writeFiles: () => Promise.reject(new Error('A check writes nothing.')),
    log: () => undefined,
    warn,
  };
}

export async function validate(options: ValidateOptions, effects: BuildEffects): Promise<Validation> {
  const warnings: string[] = [];
  const checking = checkingEffects(effects, (line) => warnings.push(line));
  const kind = (await isAgenda(resolve(effects.cwd, options.file), effects)) ? 'agenda' : 'report';
  const problems: string[] = [];
  try {
    if (kind === 'agenda') {
      const { buildPack } = await import('./pack/build-pack.js');
      await buildPack({ ...options, check: true }, checking);
    } else {
      const { buildReport } = await import('./pipeline.js');
      await buildReport({ ...options, check: true }, checking);
    }
  } catch (error) {
    if (!isReportError(error)) throw error;
    problems.push(...error.problems);
  }
  return { kind, problems: [...problems, ...warnings].map(locateProblem) };
}

/** An agenda says when its meeting is and lists items; a definition has neither at its top level. */
async function isAgenda(path: string, effects: BuildEffects): Promise<boolean> {
  if (effects.kindOf(path) !== 'file') return false;
  try {
    const text = await effects.readText(path);
    return /^items\s*:/m.test(text) && /^meeting\s*:/m.test(text);
  } catch {
    return false; // the build that follows names the reason
  }
}
