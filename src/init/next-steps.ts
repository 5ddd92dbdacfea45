/** What `scrutiny init` tells the officer: what it wrote, for which council, and what to do next. */
import { joinList } from '../format.js';
import { neighbourModelLabel } from '../indicators/neighbours.js';
import { shownFrom, type InitResult } from './init-project.js';
import type { Kind } from './render-project.js';
import { readableName, spanNote } from './template-facts.js';

const WHAT: Readonly<Record<Kind, string>> = {
  paper: 'a scrutiny paper',
  overview: 'an indicators overview',
  monthly: 'a monthly update',
};

export function nextSteps(result: InitResult, kind: Kind, cwd: string): string[] {
  const shown = shownFrom(cwd);
  const { facts } = result;
  const name = readableName(facts.dfeName);
  const neighbours =
    facts.model && facts.neighbours.length > 0
      ? `Statistical neighbours (DfE's ${neighbourModelLabel(facts.model)} model): ${joinList(facts.neighbours.map((n) => `${n.name} (${n.code})`))}.`
      : "Neither of DfE's statistical neighbour models lists it: the report compares it with England and its region.";
  const workbooks = joinList(result.workbooks.map(shown));
  return [
    `Started ${WHAT[kind]} for ${name} (${facts.code}), ${facts.region}, in ${shown(result.folder)}:`,
    ...result.written.map((path) => `  ${shown(path)}`),
    neighbours,
    ...[spanNote(facts)].filter((note) => note !== undefined),
    ...result.warnings,
    '',
    'Next:',
    `  1. Build it now, from DfE's figures: ${result.buildCommand}`,
    `  2. Replace the placeholders: the lines marked "Edit:" in ${shown(result.written[0]!)} (committee, meeting date, people) and each "[To complete: ...]" passage in it and in the templates.`,
    ...(workbooks
      ? [`  3. Open ${workbooks}: its Instructions sheet says what goes in each column. ${result.workbookStep}`]
      : []),
  ];
}
