/**
 * What the DfE files say about a council, read straight from the csv files with a plain csv parser,
 * not through the code init uses: its name and region, its statistical neighbours in each model, and
 * its counts. The tests compare what init wrote with these.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT } from '../support/cli.js';
import { parseCsv } from '../support/csv-text.js';
import { initProject, type InitOptions, type InitResult } from '../../src/init/init-project.js';
import { nodeFileSystem } from '../../src/effects.js';

export const DFE = join(ROOT, 'data/dfe');

/** A DfE csv file as rows of cells by column name. */
export function dfeRows(file: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(readFileSync(join(DFE, file), 'utf8').replace(/^\uFEFF/, ''));
  return rows
    .filter((row) => row.length > 1)
    .map((row) => Object.fromEntries(head!.map((name, i) => [name, row[i] ?? ''])));
}

/** The council's name and region as the repeat-plans file gives them, from its latest row. */
export function dfeCouncil(code: string): { name: string; region: string } {
  const rows = dfeRows('d3_cpps_subsequent_plan_2013_to_2025.csv').filter(
    (row) => row.geographic_level === 'Local authority' && row.old_la_code === code,
  );
  const latest = rows.sort((a, b) => Number(b.time_period) - Number(a.time_period))[0]!;
  return { name: latest.la_name!, region: latest.region_name! };
}

/** The neighbours' codes, closest first, in DfE's 2025 model (undefined when it does not list the council). */
export function neighbours2025(code: string): string[] | undefined {
  const row = dfeRows('sn_model_2025_wide.csv').find((r) => r.old_la_code?.trim() === code);
  return row && Array.from({ length: 10 }, (_, i) => row[`SN_${i + 1}`]!.trim());
}

/** The same in the April 2021 model. */
export function neighbours2021(code: string): string[] | undefined {
  const row = dfeRows('New_Statistical_Neighbour_Groupings_April_2021.csv').find((r) => r['LA num']?.trim() === code);
  return row && Array.from({ length: 10 }, (_, i) => row[`SN${i + 1}`]!.trim());
}

/** Starts a report with the tool's own folders, from the project's DfE data. */
export function init(options: Omit<InitOptions, 'data'> & { data?: string }): Promise<InitResult> {
  return initProject({ data: DFE, ...options }, nodeFileSystem(ROOT));
}

/** A written workbook, opened again with exceljs. */
export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** A sheet's header cells, left to right. */
export function headers(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(1).values as unknown[];
  return values.slice(1).map((value) => String(value));
}

/** A built report's text, as a reader sees it: tags, styles and charts gone. */
export function textOf(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<span class="period">(.*?)<\/span>/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
