/**
 * The one error type the pipeline throws for problems a user can fix. It carries every problem found
 * in a stage (so a user fixes them all in one go) and the exit code the CLI should use. Only the CLI
 * catches it.
 */
import { moreProblems } from './messages.js';

export class ReportError extends Error {
  readonly problems: readonly string[];
  readonly exitCode: number;

  constructor(problems: string | readonly string[], exitCode = 2) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.name = 'ReportError';
    this.problems = list;
    this.exitCode = exitCode;
  }
}

export function isReportError(error: unknown): error is ReportError {
  return error instanceof ReportError;
}

/**
 * Collects problems across a stage, then throws them together. Past LIMIT only the number is kept:
 * a file with 400,000 mistakes gets the first few hundred, and a count of the rest.
 */
export class ProblemList {
  static readonly LIMIT = 200;
  private readonly items: string[] = [];
  private readonly seen = new Set<string>();
  private more = 0;

  /** Each problem is said once, however many ways lead to it (several indicators read one cell). */
  add(problem: string): void {
    if (this.seen.has(problem)) return;
    this.seen.add(problem);
    if (this.items.length < ProblemList.LIMIT) this.items.push(problem);
    else this.more += 1;
  }

  /** Problems found past the limit, counted without being written out (400,000 unknown keys). */
  addUnlisted(count: number): void {
    if (count > 0) this.more += count;
  }

  get size(): number {
    return this.items.length + this.more;
  }

  /** No more problems will be kept: a stage may stop looking. */
  get full(): boolean {
    return this.items.length >= ProblemList.LIMIT;
  }

  throwIfAny(): void {
    if (this.items.length > 0)
      throw new ReportError(this.more > 0 ? [...this.items, moreProblems(this.more)] : this.items);
  }
}
