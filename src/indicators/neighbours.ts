/**
 * Statistical neighbours: the ten councils most like this one in DfE's model. Two models ship with
 * DfE's data, laid out differently: April 2021 ("LA num", SN1..SN10) and 2025 (old_la_code, SN_1..SN_10).
 */
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { columnIndex, type Table } from '../tables/table.js';
import { requireEach } from '../tables/read-table.js';
import { textOf } from '../tables/values.js';

export type NeighbourModel = '2021' | '2025';

/** How reports name a model: "April 2021", "2025". */
export function neighbourModelLabel(model: NeighbourModel): string {
  return model === '2021' ? 'April 2021' : '2025';
}

export const NEIGHBOUR_FILES: Readonly<Record<NeighbourModel, string>> = {
  '2021': 'New_Statistical_Neighbour_Groupings_April_2021.csv',
  '2025': 'sn_model_2025_wide.csv',
};

const LAYOUT: Readonly<
  Record<NeighbourModel, { code: string; name: string; region: string; neighbour: (n: number) => string }>
> = {
  '2021': { code: 'LA num', name: 'LA Name', region: 'GOReg', neighbour: (n) => `SN${n}` },
  '2025': { code: 'old_la_code', name: 'la_name', region: 'region_name', neighbour: (n) => `SN_${n}` },
};

/** The council's name and region as the model gives them (the region has a name here, not a code). */
export function councilInModel(
  table: Table,
  model: NeighbourModel,
  laCode: string,
): { name: string; region: { code: string; name: string } } | undefined {
  const layout = LAYOUT[model];
  const [code, name, region] = [layout.code, layout.name, layout.region].map((column) =>
    columnIndex(table, column),
  ) as [number, number, number];
  const row =
    code < 0 || name < 0 ? undefined : table.rows.find((r) => textOf(r.values[code] ?? null).trim() === laCode);
  return (
    row && {
      name: textOf(row.values[name] ?? null).trim(),
      region: { code: '', name: region < 0 ? '' : textOf(row.values[region] ?? null).trim() },
    }
  );
}

/** Every council the model lists, by code: its name. */
export function councilsInModel(table: Table, model: NeighbourModel): Map<string, string> {
  const [code, name] = [LAYOUT[model].code, LAYOUT[model].name].map((column) => columnIndex(table, column)) as [
    number,
    number,
  ];
  if (code < 0 || name < 0) return new Map();
  return new Map(
    table.rows.map((r) => [textOf(r.values[code] ?? null).trim(), textOf(r.values[name] ?? null).trim()] as const),
  );
}

/** Whether the model lists the council (a council created after the model was made is not in it). */
export function hasNeighbours(table: Table, model: NeighbourModel, laCode: string): boolean {
  const [codeColumn] = requireEach(table, [LAYOUT[model].code]);
  return table.rows.some((r) => textOf(r.values[codeColumn] ?? null).trim() === laCode);
}

/** The council's neighbours' three-digit codes, closest first. */
export function readNeighbours(table: Table, model: NeighbourModel, laCode: string): string[] {
  const layout = LAYOUT[model];
  const columns = Array.from({ length: 10 }, (_, i) => layout.neighbour(i + 1));
  const [codeColumn] = requireEach(table, [layout.code, ...columns]);
  const row = table.rows.find((r) => textOf(r.values[codeColumn] ?? null).trim() === laCode);
  if (!row) throw new ReportError(message.councilNotInData(table.file, laCode));
  return columns
    .map((column) => textOf(row.values[columnIndex(table, column)] ?? null).trim())
    .filter((code) => /^\d{3}$/.test(code));
}
