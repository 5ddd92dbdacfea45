/**
 * The one error type the pipeline throws for problems a user can fix. It carries every problem found
 * in a stage (so a user fixes them all in one go) and the exit code the CLI should use. Only the CLI
 * catches it.
 */
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

/** Collects problems across a stage, then throws them together. */
export class ProblemList {
  private readonly items: string[] = [];

  add(problem: string): void {
    this.items.push(problem);
  }

  get size(): number {
    return this.items.length;
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new ReportError(this.items);
  }
}
