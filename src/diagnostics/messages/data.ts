/** Sentences about data files: csv and workbooks, national and local, and the figures in them. */
import type { Place } from '../place.js';
import { at, inSameFile, withCommas, megabytes, firstLine } from './words.js';

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

export const negativeFigure = (place: Place, column: string, text: string) =>
  `${at(place)}: "${column}" should be a figure of 0 or more but the cell holds "${text}".`;

export const shareOver100 = (place: Place, column: string, value: number) =>
  `${at(place)}: "${column}" is a percentage over 100 (${value}), which cannot be.`;

export const comparatorFigureDiffers = (place: Place, column: string, first: Place) =>
  `${at(place)}: "${column}" differs from the figure given for the same period at ${at(first)}; give one figure for each period.`;

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

export const notACalendarMonth = (place: Place, start: string, end: string) =>
  `${at(place)}: the row from ${start} to ${end} is not one whole calendar month; the definition adds months up (aggregate), so each row must run from the first day of a month to its last.`;

export const cannotAggregate = (file: string, detail: string) =>
  `${file}: the monthly figures cannot be added up: ${firstLine(detail)}.`;

export const noData = (file: string, what: string) => `${file}: there are no rows for ${what}.`;

export const emptyCell = (place: Place, column: string) => `${at(place)}: "${column}" is empty but a value is needed.`;

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

export const duplicatePeriod = (place: Place, first: Place, start: string, end: string, area?: string) =>
  `${at(place)}: this row repeats the period ${start} to ${end}${area === undefined ? '' : ` for ${area}`}, already given on ${inSameFile(first)}; ` +
  `each period must have one row${area === undefined ? '' : ' for each area'}, so remove the wrong one.`;

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

export const csvTooManyCells = (place: Place, cells: number, columns: number) =>
  `${at(place)}: the row has ${cells} cells but the header names ${columns} columns, so its figures would be read in the wrong columns; a number with a thousands separator must be in quotes ("1,050") or written 1050.`;

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
