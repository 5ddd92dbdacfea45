/**
 * The council a new report is for, from what was typed after --area: its three-digit DfE code, or its
 * name as DfE's files give it. A code or name the data does not have is a sentence that suggests the
 * nearest ones, so a mistyped "88" or "Lancshire" finds Lancashire.
 */
import { editDistance, nearest } from '../diagnostics/nearest.js';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Area } from '../indicators/types.js';

/** At most this many codes are suggested: a mistyped code is usually one digit from a few councils. */
const MOST_SUGGESTED = 4;

export function findCouncil(typed: string, councils: readonly Area[], folder: string): Area {
  const text = typed.trim();
  const named = (council: Area) => `${council.code} (${council.name})`;
  if (/^\d+$/.test(text)) {
    const found = councils.find((council) => council.code === text);
    if (found) return found;
    // Codes one edit away ("388" for 888, "8888"), nearest first, then by code.
    const close = councils
      .map((council) => ({ council, distance: editDistance(text, council.code) }))
      .filter(({ distance }) => distance <= 1)
      .sort((a, b) => a.distance - b.distance || a.council.code.localeCompare(b.council.code))
      .slice(0, MOST_SUGGESTED)
      .map(({ council }) => named(council));
    throw new ReportError(message.unknownCouncilCode(text, folder, close));
  }
  const matches = councils.filter((council) => council.name.toLowerCase() === text.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  // Two councils of one name: Dorset (835) until 2019 and Dorset (838) since.
  if (matches.length > 1) throw new ReportError(message.councilNameShared(text, matches.map(named)));
  const closest = nearest(
    text,
    councils.map((council) => council.name),
  );
  const suggestions = councils.filter((council) => council.name === closest).map(named);
  throw new ReportError(message.unknownCouncilName(text, folder, suggestions));
}
