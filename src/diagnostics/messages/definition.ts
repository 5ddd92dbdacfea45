/** Sentences about the report definition or agenda, and the files it may read. */
import type { Place } from '../place.js';
import { at, subject, megabytes, firstLine, lowerFirst, sentenceEnd } from './words.js';
import { formatDate } from '../../dates.js';

export const yamlSyntax = (place: Place, detail: string) =>
  `${at(place)}: the YAML cannot be read: ${firstLine(detail)}.`;

export const unknownKey = (place: Place, key: string, parent: string, suggestion: string | undefined) =>
  `${at(place)}: unknown key "${key}"${parent ? ` in ${parent}` : ''}` +
  (suggestion ? `; did you mean "${suggestion}"?` : '.');

export const missingKey = (place: Place, path: string) => `${at(place)}: "${path}" is required but missing.`;

export const invalidValue = (place: Place, path: string, detail: string) =>
  `${at(place)}: "${path}" ${sentenceEnd(lowerFirst(detail))}`;

export const unknownPlaceholder = (place: Place, written: string, noArea: boolean) =>
  noArea
    ? `${at(place)}: ${written} needs the council, but "area" gives no code and name.`
    : `${at(place)}: ${written} is not filled in here; use {{area.name}}, {{area.code}} or {{area.slug}}.`;

export const localDataForOtherArea = (place: Place, code: string) =>
  `${at(place)}: this definition reads a council's own data, so it cannot be built for another council (--area ${code}); --area builds definitions that use national data alone.`;

export const fileNotFound = (place: Place, what: string, path: string) =>
  `${at(place)}: the ${what} "${path}" does not exist.`;

export const wrongKind = (place: Place, what: string, path: string, found: 'file' | 'folder') =>
  `${at(place)}: the ${what} "${path}" is a ${found}, not a ${found === 'file' ? 'folder' : 'file'}.`;

export const duplicateId = (place: Place, what: string, id: string, first: string) =>
  `${at(place)}: the ${what} id "${id}" is already used by ${first}; ids must be unique.`;

export const definitionNotFound = (path: string) =>
  `The report definition "${path}" does not exist; give the path to a report.config.yaml.`;

export const agendaNotFound = (path: string) =>
  `The agenda "${path}" does not exist or is not a file; give the path to an agenda.yaml.`;

export const definitionNotAFile = (path: string) =>
  `The report definition "${path}" is not a regular file (it is a device, pipe or socket); give the path to a report.config.yaml file.`;

export const definitionIsFolder = (path: string) =>
  `The report definition "${path}" is a folder; give the path to a report.config.yaml file.`;

export const unknownReference = (
  place: Place,
  what: string,
  name: string,
  known: readonly string[],
  suggestion?: string,
) =>
  `${at(place)}: there is no ${what} "${name}"` +
  (suggestion ? `; did you mean "${suggestion}"?` : known.length ? `; known: ${known.join(', ')}.` : '.');

// Files a definition may read

export const fileMissing = (path: string, what: string) => `${path}: the ${what} does not exist.`;

export const outsideProject = (place: Place | undefined, what: string, path: string, roots: readonly string[]) =>
  `${subject(place, what, path)} is outside ${roots.length > 1 ? 'the folders' : 'the folder'} this definition may read (${roots.join(', ')}), once links are followed; ` +
  'a definition reads only files in its own folder and below, or below a folder given with --root.';

export const notARegularFile = (place: Place | undefined, what: string, path: string) =>
  `${subject(place, what, path)} is not a regular file (it is a device, pipe or socket); name a file.`;

export const fileTooLarge = (path: string, what: string, bytes: number, limit: number, raiseWith?: string) =>
  `${path}: the ${what} is ${megabytes(bytes)}, over the limit of ${megabytes(limit)}` +
  (raiseWith
    ? `; if the file is right, raise the limit with ${raiseWith} ${Math.ceil(bytes / (1024 * 1024))}.`
    : ' for a file of this kind.');

export const notUtf8 = (path: string, what: string, line: number, column: number) =>
  `${path}, line ${line}, column ${column}: the ${what} is not UTF-8 text; save it again with the UTF-8 encoding.`;

export const systemOutputFolder = (from: string, dir: string) =>
  `${from}: the output folder "${dir}" is ${dir === '/' ? 'the root of the file system' : 'a system folder'}; choose a folder of your own.`;

export const refusedKey = (place: Place, path: string, reason: string) =>
  `${at(place)}: "${path}" is not allowed in a report definition: ${reason}.`;

export const yamlAliases = (place: Place, limit: number) =>
  `${at(place)}: the YAML repeats its anchors (aliases) more than ${limit} times, which would make it enormous once expanded; write the values out or use fewer aliases.`;

export const moreProblems = (count: number) =>
  `... and ${count.toLocaleString('en-GB')} more problems like these; fix the ones above first.`;

export const yamlTooDeep = (file: string) =>
  `${file}: the YAML is nested too deeply to read; a definition needs only a few levels.`;

export const asAtAfterMeeting = (file: string, index: number, data: string, asAt: string, meeting: string) =>
  `Warning: ${file}: ${data} is as at ${formatDate(asAt)}, after the meeting on ${formatDate(meeting)}; check data.local[${index}].asAt and report.meetingDate.`;

export const unknownComparatorCouncil = (place: Place, text: string, suggestion: string | undefined) =>
  `${at(place)}: "${text}" is not a council in the national data${suggestion ? `; did you mean "${suggestion}"?` : '; name a council by its three-digit DfE code (335 for Walsall) or its name as DfE writes it.'}`;

export const comparatorTwice = (place: Place, text: string) =>
  `${at(place)}: "${text}" is named as a comparator twice; name each council once.`;

export const areasWithoutArea = (place: Place, indicator: string) =>
  `${at(place)}: chart: areas draws an indicator by district or team, and indicator "${indicator}" has none; give its local: an area: column.`;

export const comparatorIsOwn = (place: Place, text: string) =>
  `${at(place)}: "${text}" is the report's own council, so it cannot be a comparator; name other councils.`;

export const logoNotItsKind = (place: Place, path: string, kind: string) =>
  `${at(place)}: the logo "${path}" is not a ${kind} image, as its name says (its first bytes are not a ${kind} file's); save it again as PNG, JPEG or SVG, or name it for what it is.`;

export const unshowableCharacter = (place: Place, code: number) =>
  `${at(place)}: the text holds the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which no PDF, web page or Word document can show (perhaps pasted from another program); remove it.`;
