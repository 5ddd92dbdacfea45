/**
 * A worksheet -> Table. The first non-empty row is the header. Formula cells give their cached result;
 * dates are kept as the calendar date the cell shows, with no time-zone shift. A workbook whose
 * contents unpack to more than maxBytes is refused before exceljs inflates it all into memory: first by
 * the sizes its zip directory declares, then by inflating each part, never past its declared size, so
 * that an archive that understates them is refused too.
 */
import ExcelJS from 'exceljs';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { RawValue, Table, TableRow } from './table.js';
import { unpackedSize, unpackWithin } from './zip-size.js';

export async function readXlsx(
  file: string,
  content: Uint8Array,
  sheetName: string | undefined,
  maxBytes: number,
): Promise<Table> {
  const unpacked = unpackedSize(content);
  if (unpacked === undefined) throw new ReportError(message.workbookNotZip(file));
  if (unpacked > maxBytes) throw new ReportError(message.workbookTooLarge(file, unpacked, maxBytes));
  const problem = unpackWithin(content, maxBytes);
  if (problem?.kind === 'not-zip') throw new ReportError(message.workbookNotZip(file));
  if (problem?.kind === 'over-limit') throw new ReportError(message.workbookTooLarge(file, problem.bytes, maxBytes));
  if (problem) throw new ReportError(message.unreadableWorkbookPart(file, problem.part, problem));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReportError(message.unreadableWorkbook(file, error instanceof Error ? error.message : String(error)));
  }
  const names = workbook.worksheets.map((sheet) => sheet.name);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) throw new ReportError(message.sheetNotFound(file, sheetName ?? '(first)', names));

  const rows: TableRow[] = [];
  let columns: string[] | undefined;
  let headerIndex = 1;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = Math.max(row.cellCount, columns?.length ?? 0);
    const values: RawValue[] = [];
    for (let c = 1; c <= width; c++) values.push(cellValue(row.getCell(c).value));
    if (columns === undefined) {
      columns = values.map((value) => (value === null ? '' : String(value).trim()));
      headerIndex = rowNumber;
    } else if (values.some((value) => value !== null && value !== '')) {
      rows.push({ index: rowNumber, values });
    }
  });
  return { file, sheet: sheet.name, columns: columns ?? [], rows, headerIndex };
}

/** exceljs's many cell shapes -> a plain value. */
function cellValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return calendarDate(value);
  if (typeof value !== 'object') return value;
  if ('error' in value) return { error: String(value.error) };
  if ('result' in value) {
    // A formula: use the result Excel cached when the workbook was saved.
    const result = value.result;
    if (result === undefined) return null;
    return cellValue(result as ExcelJS.CellValue);
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return String(value.text);
  return null;
}

/**
 * exceljs reads a date cell as that calendar date at 00:00 UTC. Keep it as a UTC date so that a
 * machine in another time zone never moves 1 April to 31 March.
 */
function calendarDate(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
