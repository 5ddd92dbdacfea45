import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCsv, placeInText } from '../../src/tables/decode-text.js';
import { DEFAULT_DATA_FILE_LIMIT as LIMIT } from '../../src/files/limits.js';
import * as message from '../../src/diagnostics/messages.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { readTable } from '../../src/tables/read-table.js';
import { rejection, thrown } from '../support/report-errors.js';
import { oneSheet } from '../support/workbook.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
/** Each character one byte, as Windows-1252 writes the Latin-1 range: 'caf\xe9' is café. */
const bytes1252 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const SAVE = 'open it in Excel and save it as "CSV UTF-8 (Comma delimited)".';

describe('decodeCsv', () => {
  it('reads UTF-8 with and without a byte-order mark, dropping the mark', () => {
    expect(decodeCsv('x.csv', utf8('a,b\nGateshead – £5 café\n'))).toEqual({
      text: 'a,b\nGateshead – £5 café\n',
      encoding: 'utf-8',
    });
    expect(decodeCsv('x.csv', new Uint8Array(Buffer.concat([BOM, Buffer.from('a,b\n')])))).toEqual({
      text: 'a,b\n',
      encoding: 'utf-8',
    });
  });

  it('reads what Excel\'s "CSV (Comma delimited)" writes as Windows-1252, every character exactly', () => {
    // The en dash is 0x96 and the euro sign 0x80 in Windows-1252 (not in Latin-1), £ 0xA3, é 0xE9.
    const decoded = decodeCsv(
      'x.csv',
      bytes1252('area,note\r\n380,Bradford \x96 \xa35 caf\xe9\r\n381,\x80 \x93quoted\x94\r\n'),
    );
    expect(decoded).toEqual({
      text: 'area,note\r\n380,Bradford – £5 café\r\n381,€ “quoted”\r\n',
      encoding: 'windows-1252',
    });
  });

  it('reads every character Windows-1252 puts at 0x80-0x9F, where it differs from Latin-1', () => {
    const defined = [...Array(32).keys()]
      .map((i) => 0x80 + i)
      .filter((byte) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte));
    expect(decodeCsv('x.csv', new Uint8Array(defined)).text).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
  });

  it('refuses a byte that Windows-1252 leaves undefined, at its line and column', () => {
    for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const error = thrown(() =>
        decodeCsv('data/local.csv', bytes1252(`name,n\nCaf\xe9,1\nx${String.fromCharCode(byte)}y,2\n`)),
      );
      expect(error.problems).toEqual([
        `data/local.csv, line 3, column 2: the file is neither UTF-8 nor Windows-1252 (this byte means nothing in Windows-1252), so its characters cannot be read reliably; ${SAVE}`,
      ]);
    }
  });

  it('reads those five bytes as UTF-8 continuation bytes when the file is UTF-8', () => {
    expect(decodeCsv('x.csv', utf8('a\n\u0081\u009d\n')).text).toBe('a\n\u0081\u009d\n');
  });

  it('refuses a NUL byte in a UTF-8 file at its line and column, counting characters not bytes', () => {
    const error = thrown(() => decodeCsv('data/dfe/x.csv', utf8('a,b\r\n1,2\r\n€😀,\u00004\r\n')));
    expect(error.problems).toEqual([
      `data/dfe/x.csv, line 3, column 4: the file holds a NUL byte, so it is not a text csv (perhaps a workbook or a UTF-16 file saved under a .csv name); ${SAVE}`,
    ]);
  });

  it('refuses a NUL byte in a Windows-1252 file, and a UTF-16 file, which is full of them', () => {
    expect(thrown(() => decodeCsv('x.csv', bytes1252('caf\xe9\n\n\x00'))).problems[0]).toMatch(
      /^x\.csv, line 3, column 1: the file holds a NUL byte/,
    );
    // Excel's "Unicode Text" is UTF-16: a byte-order mark FF FE, then a NUL after every ASCII letter.
    const utf16 = new Uint8Array(Buffer.from('\ufeffa,b\n', 'utf16le'));
    expect(thrown(() => decodeCsv('x.csv', utf16)).problems[0]).toMatch(
      /^x\.csv, line 1, column 4: the file holds a NUL byte/,
    );
  });

  it('refuses a workbook saved under a .csv name', async () => {
    const workbook = await oneSheet('Data', [['Plans starting'], [259]]);
    expect(thrown(() => decodeCsv('data/local.csv', workbook)).problems[0]).toMatch(
      /^data\/local\.csv, line \d+, column \d+: the file holds a NUL byte, so it is not a text csv/,
    );
  });

  it('refuses a file that starts as UTF-8 (byte-order mark) and then is not, rather than garble it as Windows-1252', () => {
    const mixed = new Uint8Array(
      Buffer.concat([BOM, Buffer.from('a,b\nné,', 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    expect(thrown(() => decodeCsv('x.csv', mixed)).problems).toEqual([
      `x.csv, line 2, column 4: the file starts with the UTF-8 byte-order mark but this character is not UTF-8 (perhaps text in another encoding was pasted in); ${SAVE}`,
    ]);
  });

  it('places the start of a UTF-8 sequence cut short', () => {
    // E2 82 begins "€" (E2 82 AC); "A" ends it too soon.
    const cut = new Uint8Array(Buffer.concat([BOM, Buffer.from('ab'), Buffer.from([0xe2, 0x82]), Buffer.from('A')]));
    expect(thrown(() => decodeCsv('x.csv', cut)).problems[0]).toMatch(/^x\.csv, line 1, column 3: /);
  });
});

describe('placeInText', () => {
  it('counts CRLF, LF and a lone CR as one line break each, and columns from 1', () => {
    expect(placeInText('f', 'ab\r\ncd\ref\ngh', 11)).toEqual({ file: 'f', line: 4, column: 2 });
    expect(placeInText('f', 'ab', 0)).toEqual({ file: 'f', line: 1, column: 1 });
  });
});

describe('reading csv files through readTable', () => {
  it('marks a Windows-1252 file and reads "Bradford – £5 café" back exactly', async () => {
    const table = await readTable(
      { file: 'data/local.csv', content: bytes1252('area,note\r\n380,Bradford \x96 \xa35 caf\xe9\r\n') },
      { maxBytes: LIMIT },
    );
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows).toEqual([{ index: 2, values: ['380', 'Bradford – £5 café'] }]);
  });

  it('says how it read a Windows-1252 file', () => {
    expect(message.readAsWindows1252('data/local.csv')).toBe(
      'data/local.csv: read as Windows-1252, the encoding of Excel\'s "CSV (Comma delimited)"; save it as "CSV UTF-8" to keep every character exactly.',
    );
  });

  it('refuses a csv file larger than the limit before reading it, and reads one at the limit', async () => {
    const MB = 1024 * 1024;
    const content = new Uint8Array(3 * MB).fill(0x61);
    const error = await rejection(readTable({ file: 'data/big.csv', content }, { maxBytes: 2 * MB }));
    expect(error.problems).toEqual([
      'data/big.csv: the file is 3.0 MB, over the limit of 2.0 MB; if the file is right, raise the limit with --max-data-mb 3.',
    ]);
    expect((await readTable({ file: 'data/big.csv', content }, { maxBytes: 3 * MB })).columns).toHaveLength(1);
  });

  it('reads every DfE file in data/dfe as UTF-8, to the same table as before', async () => {
    const folder = join(process.cwd(), 'data', 'dfe');
    const files = readdirSync(folder).filter((name) => name.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const name of files) {
      const content = new Uint8Array(readFileSync(join(folder, name)));
      const table = await readTable({ file: `data/dfe/${name}`, content }, { maxBytes: LIMIT });
      expect(table.encoding, name).toBe('utf-8');
      // Before: a lenient UTF-8 decoder, whose output for valid UTF-8 is the same text.
      expect(table, name).toEqual({
        ...readCsv(`data/dfe/${name}`, new TextDecoder('utf-8').decode(content)),
        encoding: 'utf-8',
      });
      expect(table.rows.length, name).toBeGreaterThan(0);
    }
  });
});
