/** The problems a stage reports, read from a ProblemList, a thrown ReportError or a rejected promise. */
import { expect } from 'vitest';
import { ReportError, type ProblemList } from '../../src/diagnostics/report-error.js';

/** The problems a list holds, read the only way the list exposes them: by throwing. */
export function problemsOf(list: ProblemList): readonly string[] {
  try {
    list.throwIfAny();
    return [];
  } catch (error) {
    if (error instanceof ReportError) return error.problems;
    throw error;
  }
}

/** The ReportError `fn` throws (fails the test if it throws nothing or something else). */
export function thrown(fn: () => unknown): ReportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return error as ReportError;
  }
  throw new Error('expected a ReportError, but nothing was thrown');
}

/** The ReportError `promise` rejects with (fails the test if it resolves or rejects with something else). */
export async function rejection(promise: Promise<unknown>): Promise<ReportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportError);
  return error as ReportError;
}
