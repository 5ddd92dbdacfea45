// Writes data/walsall-local.xlsx: the council's own figure for April to August 2016 quoted in the
// Walsall paper (22 children, 8.5%). The paper does not give the number of plans that started; 259 is
// the value used here (any of 258 to 260 gives 8.5%). Run: node scripts/make-example-workbook.mjs
import ExcelJS from 'exceljs';

const workbook = new ExcelJS.Workbook();
workbook.creator = "Walsall Council, Children's Services performance team (example)";
workbook.created = new Date(Date.UTC(2016, 8, 5));
workbook.modified = workbook.created;
const sheet = workbook.addWorksheet('Repeat plans');
sheet.columns = [
  { header: 'Period start', key: 'start', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
  { header: 'Period end', key: 'end', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
  { header: 'Plans starting', key: 'starts', width: 16 },
  { header: 'Second or subsequent plans', key: 'repeats', width: 28 },
  { header: 'Percentage', key: 'percent', width: 12 },
];
sheet.addRow({
  start: new Date(Date.UTC(2016, 3, 1)),
  end: new Date(Date.UTC(2016, 7, 31)),
  starts: 259,
  repeats: 22,
  percent: { formula: 'ROUND(D2/C2*100,1)', result: 8.5 },
});
sheet.getRow(1).font = { bold: true };
await workbook.xlsx.writeFile(new URL('../data/walsall-local.xlsx', import.meta.url).pathname);
console.log('Wrote data/walsall-local.xlsx');
