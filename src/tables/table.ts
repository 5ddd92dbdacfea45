/**
 * A table read from a csv file or a worksheet. Values stay raw until a stage asks for a number or a
 * date, so every conversion can say which cell it came from.
 */
import { columnLetters, type Place } from '../diagnostics/place.js';

/** A cell as read: csv cells are always text; workbook cells keep their type. */
export type RawValue = string | number | boolean | Date | { readonly error: string } | null;

/** How a csv file's bytes were read: Excel writes Windows-1252 unless asked for "CSV UTF-8". */
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface TableRow {
  /** The 1-based line (csv) or row number (worksheet) the row came from. */
  readonly index: number;
  readonly values: readonly RawValue[];
}

export interface Table {
  /** The file as the user should see it named (relative to where the command ran). */
  readonly file: string;
  readonly sheet?: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  /** The 1-based row number of the header, for naming the place of a missing column. */
  readonly headerIndex: number;
  /** A csv file's encoding, so the build can say when it was not UTF-8; absent for workbooks. */
  readonly encoding?: TextEncoding;
}

export function columnIndex(table: Table, column: string): number {
  return table.columns.indexOf(column);
}

/** The place of one cell: a line in a csv file, or sheet and cell reference in a workbook. */
export function placeOf(table: Table, rowIndex: number, column: number): Place {
  if (table.sheet !== undefined) {
    return { file: table.file, sheet: table.sheet, cell: `${columnLetters(column + 1)}${rowIndex}` };
  }
  return { file: table.file, line: rowIndex };
}

export function headerPlace(table: Table): Place {
  return table.sheet !== undefined
    ? { file: table.file, sheet: table.sheet, cell: `A${table.headerIndex}` }
    : { file: table.file, line: table.headerIndex };
}
