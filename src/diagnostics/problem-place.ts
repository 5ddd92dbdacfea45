/**
 * A problem's sentence -> its place, for editors and CI (scrutiny validate --format json). Every
 * problem begins with its place as describePlace() writes it ("data/local.xlsx, sheet 'CPP', cell C7:
 * ..."), or with a file alone; a sentence that names no file (no browser, say) has no place.
 */
import type { Place } from './place.js';

export interface LocatedProblem extends Partial<Place> {
  readonly severity: 'error' | 'warning';
  /** The whole sentence, as the build prints it. */
  readonly message: string;
}

// file, then any of: (inline text's name, which starts at line N) / sheet 'x' / cell C7 / line N / column N
const LEADING_PLACE =
  /^(?<file>[^\s:,()][^:,()]*?\.[A-Za-z0-9]+)(?: \([^()]*?which starts at line (?<start>\d+)\))?(?<parts>(?:, (?:sheet '.*?'(?=, |:)|cell [A-Z]{1,3}\d+|line \d+|column \d+))*):/;

export function locateProblem(sentence: string): LocatedProblem {
  const warning = sentence.startsWith('Warning: ');
  const text = warning ? sentence.slice('Warning: '.length) : sentence;
  const severity = warning ? 'warning' : 'error';
  const match = LEADING_PLACE.exec(text);
  if (!match?.groups) return { severity, message: sentence };
  const { file, start, parts = '' } = match.groups;
  const sheet = /, sheet '(.*?)'(?=, |$)/.exec(parts)?.[1];
  const cell = /, cell ([A-Z]{1,3}\d+)/.exec(parts)?.[1];
  const line = /, line (\d+)/.exec(parts)?.[1];
  const column = /, column (\d+)/.exec(parts)?.[1];
  // Within prose written in the definition, the line an editor can go to is where the prose starts.
  const at = start ?? line;
  return {
    severity,
    file: file!,
    ...(sheet !== undefined ? { sheet } : {}),
    ...(cell !== undefined ? { cell } : {}),
    ...(at !== undefined ? { line: Number(at) } : {}),
    ...(column !== undefined && start === undefined ? { column: Number(column) } : {}),
    message: sentence,
  };
}
