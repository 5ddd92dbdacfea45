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

export const agendaNotFound = (path: string) => `The agenda "${path}" does not exist or is not a file; give the path to an agenda.yaml.`;

export const definitionIsFolder = (path: string) =>
  `The report definition "${path}" is a folder; give the path to a report.config.yaml file.`;

export const unknownReference = (place: Place, what: string, name: string, known: readonly string[], suggestion?: string) =>
  `${at(place)}: there is no ${what} "${name}"` +
  (suggestion ? `; did you mean "${suggestion}"?` : known.length ? `; known: ${known.join(', ')}.` : '.');

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

export const cannotAggregate = (file: string, detail: string) => `${file}: the monthly figures cannot be added up: ${firstLine(detail)}.`;

export const noData = (file: string, what: string) => `${file}: there are no rows for ${what}.`;

export const emptyCell = (place: Place, column: string) => `${at(place)}: "${column}" is empty but a value is needed.`;

// Templates

export const templateProblem = (file: string, detail: string) =>
  `${file}: the template cannot be used: ${firstLine(detail)}.`;

export const badThemeFile = (file: string, detail: string) => `${file}: the chart theme cannot be used: ${firstLine(detail)}.`;

export const diagramNotPlaced = (id: string, where: string) =>
  `${where}: diagram "${id}" is referred to but never placed; place it with {{diagram "${id}"}} in a section.`;

export const diagramPeriod = (file: string, diagram: string, period: string, indicator: string, periods: readonly string[]) =>
  `${file}: diagram "${diagram}" asks for the period "${period}", which indicator "${indicator}" does not have; it has ${periods.map((p) => `"${p}"`).join(', ')}.`;

export const chartLoadsData = (file: string, diagram: string, path: string) =>
  `${file}: the Vega-Lite chart of diagram "${diagram}" names a URL at ${path}; charts take their data from indicators only ({ "name": "<indicator id>" }).`;

export const chartUnknownData = (file: string, diagram: string, name: string, known: readonly string[]) =>
  `${file}: the Vega-Lite chart of diagram "${diagram}" asks for data "${name}", which is not an indicator of the report; it has ${known.map((k) => `"${k}"`).join(', ')}.`;

export const chartInvalid = (place: Place, detail: string) => `${at(place)}: the Vega-Lite chart is not valid: ${sentenceEnd(firstLine(detail))}`;

// The browser and output

export const noBrowser = () =>
  'No Chrome, Chromium or Edge browser was found to print the PDF; install one (on Debian: apt-get install chromium) ' +
  'or give its path in output.browser or the SCRUTINY_BROWSER environment variable.';

export const browserDidNotStart = (path: string, detail: string) =>
  `The browser "${path}" did not start (${firstLine(detail)}); check that it runs, or name another with SCRUTINY_BROWSER.`;

export const cannotWriteOutput = (dir: string, detail: string) =>
  `${dir}: the report cannot be written there (${firstLine(detail)}); choose another folder with --out.`;

export const browserNotExecutable = (path: string, from: string) =>
  `The browser "${path}" given in ${from} does not exist or cannot be run.`;

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
