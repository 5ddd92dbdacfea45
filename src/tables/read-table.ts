/**
 * A data file (xlsx or csv) -> Table, with a located error when the file or sheet is missing, or the
 * file holds more than maxBytes (a csv file's size, a workbook's size unpacked).
 */
import { extname } from 'node:path';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { nearest } from '../diagnostics/nearest.js';
import { decodeCsv } from './decode-text.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { columnIndex, headerPlace, type Table } from './table.js';

export interface DataFile {
  /** The name shown to users. */
  readonly file: string;
  readonly content: Uint8Array;
}

export interface ReadOptions {
  /** The worksheet to read; the first when absent. */
  readonly sheet?: string;
  readonly maxBytes: number;
}

export async function readTable({ file, content }: DataFile, { sheet, maxBytes }: ReadOptions): Promise<Table> {
  switch (extname(file).toLowerCase()) {
    case '.csv': {
      if (content.length > maxBytes) throw new ReportError(message.dataFileTooLarge(file, content.length, maxBytes));
      const { text, encoding } = decodeCsv(file, content);
      return { ...readCsv(file, text), encoding };
    }
    case '.xlsx':
      return readXlsx(file, content, sheet, maxBytes);
    default:
      throw new ReportError(message.unsupportedFileType(file));
  }
}

/**
 * The indices of the named columns; every missing one is reported together, each with the nearest
 * header as a suggestion (DfE renames columns between releases).
 */
export function requireColumns<const K extends string>(table: Table, names: readonly K[]): Record<K, number> {
  const missing = names.filter((name) => columnIndex(table, name) < 0);
  if (missing.length > 0) {
    throw new ReportError(
      missing.map((name) => message.missingColumn(headerPlace(table), name, nearest(name, table.columns))),
    );
  }
  return Object.fromEntries(names.map((name) => [name, columnIndex(table, name)])) as Record<K, number>;
}

/** The index of one named column, or a located error naming the nearest header. */
export function requireColumn(table: Table, name: string): number {
  return requireEach(table, [name])[0]!;
}

/** The indices of columns named at run time, in the order given; all missing ones reported together. */
export function requireEach<const T extends readonly string[]>(
  table: Table,
  names: T,
): { -readonly [I in keyof T]: number } {
  const indices: Record<string, number> = requireColumns(table, names);
  return names.map((name) => indices[name]) as { -readonly [I in keyof T]: number };
}
