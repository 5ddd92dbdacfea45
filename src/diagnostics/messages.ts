/**
 * Every sentence the tool says to a user about a problem, in one place. Each names the file and the
 * place in it, so that a person can go straight there. Tests assert on these functions' output.
 */
import { describePlace, type Place } from './place.js';

const at = (place: Place) => describePlace(place);

// The report definition

export const yamlSyntax = (place: Place, detail: string) =>
  `${at(place)}: the YAML cannot be read: ${firstLine(detail)}.`;

export const unknownKey = (place: Place, key: string, parent: string, suggestion: string | undefined) =>
  `${at(place)}: unknown key "${key}"${parent ? ` in ${parent}` : ''}` +
  (suggestion ? `; did you mean "${suggestion}"?` : '.');

export const missingKey = (place: Place, path: string) => `${at(place)}: "${path}" is required but missing.`;

export const invalidValue = (place: Place, path: string, detail: string) =>
  `${at(place)}: "${path}" ${lowerFirst(detail)}.`;

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

/** "report.config.yaml, line 9, column 9: the logo "x.png"" at a place in the YAML, or "x.png: the logo" without one. */
const subject = (place: Place | undefined, what: string, path: string) =>
  place ? `${at(place)}: the ${what} "${path}"` : `${path}: the ${what}`;

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

// Data files

export const dataFolderMissing = (folder: string) =>
  `${folder}: there is no folder of DfE data files here; give one with --data.`;

export const dataFileMissing = (file: string) =>
  `${file}: the data file does not exist; check the folder named in the report definition's data section.`;

export const missingColumn = (place: Place, column: string, suggestion?: string) =>
  `${at(place)}: there is no column "${column}"${suggestion ? `; did you mean "${suggestion}"?` : '.'}`;

export const notANumber = (place: Place, column: string, text: string) =>
  `${at(place)}: "${column}" should be a number but the cell holds "${text}".`;

export const notACount = (place: Place, column: string, text: string) =>
  `${at(place)}: "${column}" should be a whole number of 0 or more but the cell holds "${text}".`;

export const notADate = (place: Place, column: string, text: string) =>
  `${at(place)}: "${column}" should be a date but the cell holds "${text}".`;

export const formulaError = (place: Place, error: string) =>
  `${at(place)}: the formula in this cell gives the error ${error}; correct it in the workbook.`;

export const sheetNotFound = (file: string, sheet: string, sheets: readonly string[]) =>
  `${file}: there is no sheet "${sheet}"; the workbook has ${sheets.map((s) => `"${s}"`).join(', ')}.`;

export const unreadableWorkbook = (file: string, detail: string) =>
  `${file}: the workbook cannot be read (${firstLine(detail)}); save it again as .xlsx.`;

export const unsupportedFileType = (file: string) =>
  `${file}: only .xlsx and .csv files can be read; save the data in one of those formats.`;

export const councilNotInData = (file: string, code: string) =>
  `${file}: there is no local authority with the code ${code}; councils are named by their three-digit DfE code, for example 335 for Walsall.`;

export const cannotAggregate = (file: string, detail: string) =>
  `${file}: the monthly figures cannot be added up: ${firstLine(detail)}.`;

export const noData = (file: string, what: string) => `${file}: there are no rows for ${what}.`;

export const emptyCell = (place: Place, column: string) => `${at(place)}: "${column}" is empty but a value is needed.`;

/** A place within its file, for a sentence that has named the file already: "line 7", "sheet 'CPP', cell C7". */
const inSameFile = (place: Place) => describePlace(place).slice(place.file.length + 2);
const withCommas = (n: number) => n.toLocaleString('en-GB');

export const notAYear = (place: Place, column: string, text: string) =>
  `${at(place)}: "${column}" should be a year such as 2025, or two years such as 201516 for 2015-16, but the cell holds "${text}".`;

export const duplicateRow = (
  place: Place,
  first: Place,
  code: string,
  name: string,
  period: string,
  where: Readonly<Record<string, string>>,
) =>
  `${at(place)}: this row repeats ${code ? `${name} (${code})` : name} for time_period ${period}` +
  (Object.keys(where).length
    ? ` among the rows with ${Object.entries(where)
        .map(([column, value]) => `${column} "${value}"`)
        .join(' and ')}`
    : '') +
  `, already given on ${inSameFile(first)}; each area must have one row a year, so remove the wrong one.`;

export const partOverWhole = (
  place: Place,
  numeratorColumn: string,
  numerator: number,
  denominatorColumn: string,
  denominator: number,
  denominatorAt?: Place,
) =>
  `${at(place)}: "${numeratorColumn}" is ${withCommas(numerator)}, more than "${denominatorColumn}"${denominatorAt ? ` on ${denominatorAt.file === place.file ? inSameFile(denominatorAt) : at(denominatorAt)}` : ''} (${withCommas(denominator)}); ` +
  'a percentage cannot be over 100, so one of the two counts is wrong.';

export const publishedOutOfRange = (place: Place, column: string, text: string, percent: boolean) =>
  percent
    ? `${at(place)}: "${column}" is a published percentage, so it should be between 0 and 100, but the cell holds "${text}".`
    : `${at(place)}: "${column}" is a published figure, so it cannot be negative, but the cell holds "${text}".`;

export const duplicatePeriod = (place: Place, first: Place, start: string, end: string) =>
  `${at(place)}: this row repeats the period ${start} to ${end}, already given on ${inSameFile(first)}; ` +
  'each period must have one row, so remove the wrong one.';

export const endBeforeStart = (place: Place, toColumn: string, end: string, fromColumn: string, start: string) =>
  `${at(place)}: "${toColumn}" is ${end}, before "${fromColumn}" (${start}); a period cannot end before it starts.`;

export const councilNotInFile = (file: string, code: string, name: string) =>
  `${file}: there are no rows for ${name} (${code}), so none of its figures from this file can be shown; ` +
  "check the council's code, and that this is the complete national file.";

const SAVE_AS_CSV_UTF8 = 'open it in Excel and save it as "CSV UTF-8 (Comma delimited)"';
/** The whole megabytes to give --max-data-mb so that a file of this size is read. */
const raiseTo = (bytes: number) => `--max-data-mb ${Math.ceil(bytes / (1024 * 1024))}`;

export const readAsWindows1252 = (file: string) =>
  `${file}: read as Windows-1252, the encoding of Excel's "CSV (Comma delimited)"; save it as "CSV UTF-8" to keep every character exactly.`;

export const csvNotText = (place: Place) =>
  `${at(place)}: the file holds a NUL byte, so it is not a text csv (perhaps a workbook or a UTF-16 file saved under a .csv name); ${SAVE_AS_CSV_UTF8}.`;

export const csvNeitherEncoding = (place: Place) =>
  `${at(place)}: the file is neither UTF-8 nor Windows-1252 (this byte means nothing in Windows-1252), so its characters cannot be read reliably; ${SAVE_AS_CSV_UTF8}.`;

export const csvBadUtf8AfterBom = (place: Place) =>
  `${at(place)}: the file starts with the UTF-8 byte-order mark but this character is not UTF-8 (perhaps text in another encoding was pasted in); ${SAVE_AS_CSV_UTF8}.`;

export const csvUnclosedQuote = (place: Place) =>
  `${at(place)}: the quoted value that starts here has no closing quote, so the rest of the file would be read into it and lost; ` +
  'close the quote (a quote inside a quoted value is written twice: "").';

export const csvSemicolons = (place: Place) =>
  `${at(place)}: the columns are separated by semicolons, not commas; save the file with commas between columns ` +
  '(Excel\'s "CSV UTF-8 (Comma delimited)" uses the "List separator" of the computer\'s region settings).';

export const dataFileTooLarge = (file: string, bytes: number, limit: number) =>
  `${file}: the file is ${megabytes(bytes)}, over the limit of ${megabytes(limit)}; if the file is right, raise the limit with ${raiseTo(bytes)}.`;

export const workbookTooLarge = (file: string, bytes: number, limit: number) =>
  `${file}: the workbook unpacks to ${megabytes(bytes)}, over the limit of ${megabytes(limit)}; if the file is right, raise the limit with ${raiseTo(bytes)}.`;

export const workbookNotZip = (file: string) =>
  unreadableWorkbook(file, 'it is not a zip archive, as every .xlsx file is');

/** A part of a workbook's zip that cannot be unpacked, found before exceljs reads the workbook. */
export const unreadableWorkbookPart = (
  file: string,
  part: string,
  problem:
    | { kind: 'larger-than-declared' }
    | { kind: 'encrypted' }
    | { kind: 'unknown-compression'; method: number }
    | { kind: 'damaged'; detail: string },
) => {
  const what = {
    'larger-than-declared': () => 'unpacks to more than its zip directory declares',
    encrypted: () => 'is encrypted',
    'unknown-compression': () => `is compressed by method ${'method' in problem ? problem.method : '?'}, not deflate`,
    damaged: () => `is damaged: ${'detail' in problem ? problem.detail : ''}`,
  }[problem.kind]();
  return unreadableWorkbook(file, `its part "${part}" ${what}`);
};

// Templates

export const templateProblem = (file: string, detail: string) =>
  `${file}: the template cannot be used: ${firstLine(detail)}.`;

export const forbiddenMarkup = (file: string, what: string, tag: string) =>
  `${file}: the report may not hold ${what} (${tag.length > 80 ? `${tag.slice(0, 77)}...` : tag}); a report must stand alone and send its readers nowhere, so scripts, frames, links to stylesheets and redirects are refused.`;

export const documentNavigated = () =>
  'The document tried to go to another page while printing, so it was stopped; remove any redirect from the layout.';

export const badThemeFile = (file: string, detail: string) =>
  `${file}: the chart theme cannot be used: ${firstLine(detail)}.`;

export const diagramNotPlaced = (id: string, where: string) =>
  `${where}: diagram "${id}" is referred to but never placed; place it with {{diagram "${id}"}} in a section.`;

export const diagramPeriod = (
  file: string,
  diagram: string,
  period: string,
  indicator: string,
  periods: readonly string[],
) =>
  `${file}: diagram "${diagram}" asks for the period "${period}", which indicator "${indicator}" does not have; it has ${periods.map((p) => `"${p}"`).join(', ')}.`;

export const chartUnknownData = (file: string, diagram: string, name: string, known: readonly string[]) =>
  `${file}: the Vega-Lite chart of diagram "${diagram}" asks for data "${name}", which is not an indicator of the report; it has ${known.map((k) => `"${k}"`).join(', ')}.`;

export const chartCannotDraw = (file: string, diagram: string, detail: string) =>
  `${file}: the Vega-Lite chart of diagram "${diagram}" cannot be drawn: ${firstLine(detail)}; check its expressions (calculate, filter) and fields.`;

export const chartInvalid = (place: Place, detail: string) =>
  `${at(place)}: the Vega-Lite chart is not valid: ${sentenceEnd(firstLine(detail))}`;

// The browser and output

export const noBrowser = () =>
  'No Chrome, Chromium or Edge browser was found to print the PDF; install one (on Debian: apt-get install chromium) ' +
  'or give its path with --browser or the SCRUTINY_BROWSER environment variable.';

export const browserDidNotStart = (path: string, detail: string) =>
  `The browser "${path}" did not start (${firstLine(detail)}); check that it runs, or name another with --browser or SCRUTINY_BROWSER.`;

export const browserTimedOut = (seconds: number) =>
  `The browser did not finish within ${seconds} s, so it was stopped and nothing was written; if the report is very long, allow more time with --timeout SECONDS.`;

export const browserCrashed = () =>
  'The browser stopped while printing, twice (the second time in a fresh browser), so nothing was written; check that the machine has memory to spare, or name another browser with --browser.';

export const stoppedBySignal = (signal: string) =>
  `Stopped by ${signal}: nothing was written, and any previous report is as it was.`;

export const cannotWriteOutput = (dir: string, detail: string) =>
  `${dir}: the report cannot be written there (${firstLine(detail)}); choose another folder with --out.`;

export const browserNotExecutable = (path: string, from: string) =>
  `The browser "${path}" given in ${from} does not exist or cannot be run.`;

/** "6 KB", "2.0 MB", "150 MB": a size as people read it. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.ceil(bytes / 1024)} KB`;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/[.:]\s*$/, '');
}

/** A full stop, unless the text already ends a sentence ("did you mean "bar"?"). */
function sentenceEnd(text: string): string {
  return /[.?!]["']?$/.test(text) ? text : `${text}.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
