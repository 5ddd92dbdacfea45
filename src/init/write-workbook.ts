/**
 * A planned workbook -> .xlsx bytes, made for a performance officer to type into: an Instructions
 * sheet first (what each sheet and column is for, in plain words), then each data sheet with its
 * header row frozen, a note on each header cell, and Excel's own data validation on the input rows
 * (whole numbers of 0 or more for counts, real dates for dates), so a slip is caught as it is typed
 * rather than when the report is built.
 */
import ExcelJS from 'exceljs';
import type { ColumnKind, PlannedSheet, PlannedWorkbook } from './workbook-plan.js';

/** Rows below the header that carry validation: years of monthly rows. */
export const INPUT_ROWS = 500;

export const INSTRUCTIONS = 'Instructions';

const DATE_FORMAT = 'dd/mm/yyyy';
// Dates a council's figures can have; anything outside is a typing slip (01/04/0225).
const EARLIEST = new Date(Date.UTC(2000, 0, 1));
const LATEST = new Date(Date.UTC(2099, 11, 31));

const VALIDATION: Readonly<Record<ColumnKind, ExcelJS.DataValidation | undefined>> = {
  count: {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: 'A whole number',
    prompt: 'Type a whole number of 0 or more, or leave the cell empty if the figure is not known yet.',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Not a whole number',
    error: 'This cell takes a whole number of 0 or more, such as 24. Leave it empty if the figure is not known yet.',
  },
  figure: {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: 'A figure',
    prompt: 'Type the figure as published (0 or more), or leave the cell empty if it is not known.',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Not a figure',
    error: 'This cell takes a number of 0 or more, such as 17.2. Leave it empty if it is not known.',
  },
  date: {
    type: 'date',
    operator: 'between',
    formulae: [EARLIEST, LATEST],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: 'A date',
    prompt: 'Type a date as day/month/year, for example 01/04/2025.',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Not a date',
    error: 'This cell takes a date between 2000 and 2099, typed as day/month/year, for example 01/04/2025.',
  },
  text: undefined,
};

export async function writeWorkbook(plan: PlannedWorkbook): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'scrutiny init';
  instructions(workbook.addWorksheet(INSTRUCTIONS), plan);
  for (const sheet of plan.sheets) dataSheet(workbook.addWorksheet(sheet.name), sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function instructions(sheet: ExcelJS.Worksheet, plan: PlannedWorkbook): void {
  sheet.columns = [{ width: 32 }, { width: 90 }];
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
  const line = (a: string, b = '', font?: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow([a, b]);
    row.alignment = wrap;
    if (font) row.font = font;
  };
  line('How to fill in this workbook', '', { bold: true, size: 14 });
  for (const paragraph of paragraphs(plan.about)) line('', paragraph);
  for (const data of plan.sheets) {
    line('');
    line(`The sheet "${data.name}"`, '', { bold: true, size: 12 });
    for (const paragraph of paragraphs(data.about)) line('', paragraph);
    line('Column', 'What to type', { bold: true });
    for (const column of data.columns) line(column.header, column.help);
  }
}

function dataSheet(sheet: ExcelJS.Worksheet, plan: PlannedSheet): void {
  sheet.columns = plan.columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: Math.max(14, column.header.length + 4),
    ...(column.kind === 'date' && { style: { numFmt: DATE_FORMAT } }),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  plan.columns.forEach((column, i) => (header.getCell(i + 1).note = column.help));
  // The header stays in view however far down the rows go.
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'A2' }];
  plan.columns.forEach((column, i) => {
    const validation = VALIDATION[column.kind];
    const letter = sheet.getColumn(i + 1).letter;
    if (validation) validations(sheet).add(`${letter}2:${letter}${INPUT_ROWS + 1}`, validation);
  });
  for (const row of plan.rows) {
    const added = sheet.addRow(
      Object.fromEntries(
        plan.columns.map((column) => [column.header, cellValue(column.kind, row.cells[column.header] ?? null)]),
      ),
    );
    if (row.note) added.getCell(1).note = row.note;
  }
}

/**
 * exceljs keeps a sheet's validations by address and writes a range ("C2:C501") as one rule, but its
 * types only offer them cell by cell, which would make hundreds of empty cells.
 */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, rule: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** A planned cell as exceljs writes it: a date cell holds the calendar date at 00:00 UTC, as the tool reads it. */
function cellValue(kind: ColumnKind, value: string | number | null): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return value;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
