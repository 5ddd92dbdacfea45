/** Where a value or a problem comes from: a line in a text file or a cell in a workbook. */
export interface Place {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly sheet?: string;
  readonly cell?: string;
}

/** "report.config.yaml, line 4, column 3" or "data/local.xlsx, sheet 'CPP', cell C7". */
export function describePlace(place: Place): string {
  const parts = [place.file];
  if (place.sheet !== undefined) parts.push(`sheet '${place.sheet}'`);
  if (place.cell !== undefined) parts.push(`cell ${place.cell}`);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.column !== undefined) parts.push(`column ${place.column}`);
  return parts.join(', ');
}

/** Spreadsheet column letters for a 1-based column number: 1 -> A, 28 -> AB. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
