/** Small .xlsx workbooks built in memory with exceljs, as a council's own figures might be kept. */
import ExcelJS from 'exceljs';

/** Builds a workbook in memory and returns its .xlsx bytes. */
export async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** One sheet with a header row and data rows, one after another from row 1. */
export const oneSheet = (name: string, rows: ExcelJS.CellValue[][]) =>
  xlsx((workbook) => {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  });

/** One sheet with rows at the given row numbers, leaving the rows between them empty. */
export const sheetWithRowsAt = (name: string, rows: Record<number, ExcelJS.CellValue[]>) =>
  xlsx((workbook) => {
    const sheet = workbook.addWorksheet(name);
    for (const [number, values] of Object.entries(rows)) sheet.getRow(Number(number)).values = values;
  });
