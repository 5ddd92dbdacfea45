/**
 * CSV -> Table, for the DfE open-data layout and councils' own exports: an optional byte-order mark, a
 * header row, quoted fields holding commas, doubled quotes or line breaks, and CRLF, LF or CR. The
 * text is already decoded (see decode-text.ts). Input that would be misread is refused at its place.
 */
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { placeInText } from './decode-text.js';
import type { Table, TableRow } from './table.js';

export function readCsv(file: string, text: string): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Blank lines are skipped everywhere, so one before the header (as some exports write) is harmless.
  const [header, ...records] = parseRecords(file, body).filter((record) => record.fields.some((field) => field !== ''));
  const columns = (header?.fields ?? []).map((name) => name.trim());
  // A trailing comma on every line (as in the 2021 neighbour file) gives an unnamed last column: drop it.
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  // Excel in locales with a decimal comma separates columns with ";": every row would read as one cell.
  if (header && columns.length === 1 && columns[0]!.includes(';')) {
    throw new ReportError(message.csvSemicolons({ file, line: header.line }));
  }
  // A row with more cells than the header has columns (an unquoted "1,050") would shift every figure after it.
  const long = records.filter((record) => record.fields.slice(columns.length).some((field) => field.trim() !== ''));
  if (long.length > 0)
    throw new ReportError(
      long
        .slice(0, 20)
        .map((record) => message.csvTooManyCells({ file, line: record.line }, record.fields.length, columns.length)),
    );
  const rows: TableRow[] = records.map((record) => ({
    index: record.line,
    values: record.fields.slice(0, columns.length),
  }));
  return { file, columns, rows, headerIndex: header?.line ?? 1 };
}

interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

function parseRecords(file: string, text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quoteAt = 0;
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteAt = i;
    } else if (char === ',') {
      endField();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  // A quote never closed would make the rest of the file one value, silently losing every row after it.
  if (quoted) throw new ReportError(message.csvUnclosedQuote(placeInText(file, text, quoteAt)));
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
