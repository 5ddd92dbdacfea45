/**
 * Reading the indicator csv back in the tests, independently of the code that writes it.
 */

/** The minimum set of columns. */
export const REQUIRED_COLUMNS = [
  'indicator',
  'area_code',
  'area_name',
  'period',
  'value',
  'symbol',
  'numerator',
  'denominator',
  'england',
  'region',
  'neighbours',
  'rank',
  'quartile',
  'judgement',
];

/** RFC 4180: fields split on commas outside quotes, "" inside quotes is one quote, records end at a newline outside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
