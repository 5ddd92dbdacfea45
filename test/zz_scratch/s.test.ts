import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/tables/read-xlsx.js';
it('x', async () => {
  const t = await readXlsx('w.xlsx', readFileSync('data/walsall-local.xlsx'), 'Repeat plans');
  console.log(t, t.rows.map(r => r.values));
  try { await readXlsx('g.xlsx', new TextEncoder().encode('not a zip')); } catch (e: any) { console.log(e.name, e.problems); }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('X');
  ws.getCell('B3').value = 'h1'; ws.getCell('C3').value = 'h2';
  ws.getCell('B5').value = 1; 
  ws.getCell('C6').value = { formula: 'B5*2', result: undefined } as any;
  const buf = await wb.xlsx.writeBuffer();
  const t2 = await readXlsx('w.xlsx', new Uint8Array(buf as ArrayBuffer));
  console.log(t2, t2.rows.map(r => r.values));
});
