/** How each normalising step records a problem and checks a path the definition names, so all are reported together. */
import { ProblemList } from '../diagnostics/report-error.js';
import type { Place } from '../diagnostics/place.js';
import type { ProjectFiles } from '../files/project-files.js';

/** Where a normalising step records problems, and how it checks a path the definition names. */
export interface Checks {
  readonly problems: ProblemList;
  readonly locate: (path: readonly (string | number)[]) => Place;
  /** Every path the definition names must exist, be of the right kind and lie inside the project. */
  readonly require: (
    path: readonly (string | number)[],
    what: string,
    target: string,
    kind: 'file' | 'folder',
  ) => boolean;
}

export function checksFor(context: {
  readonly locate: (path: readonly (string | number)[]) => Place;
  readonly files: ProjectFiles;
}): Checks {
  const problems = new ProblemList();
  return {
    problems,
    locate: context.locate,
    require(path, what, target, kind) {
      const problem = context.files.refusal(target, kind, what, context.locate(path));
      if (problem) problems.add(problem);
      return problem === undefined;
    },
  };
}
