/** What a build says but does not refuse: a definition that can be right, but usually is not. */
import * as message from '../diagnostics/messages.js';
import type { ReportDefinition } from './normalize.js';

export function definitionWarnings(definition: ReportDefinition): string[] {
  const meeting = definition.report.meetingDate;
  // Data as at a date after the meeting cannot have been in the papers: one of the two dates is wrong.
  return definition.data.local.flatMap((source, i) =>
    source.asAt !== undefined && source.asAt > meeting
      ? [message.asAtAfterMeeting(definition.file, i, source.file, source.asAt, meeting)]
      : [],
  );
}
