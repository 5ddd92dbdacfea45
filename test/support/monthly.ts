/**
 * A custom indicator of the council's own from a workbook sheet of monthly counts: child protection
 * visits made on time out of visits due.
 */
import type { IndicatorDefinition } from '../../src/indicators/types.js';
import type { Table } from '../../src/tables/table.js';

/** A workbook sheet of monthly counts (visits on time, visits due), one calendar month a row from `start` (months count from 0). */
export function monthlyCounts(
  counts: readonly (readonly [number, number])[],
  start: { readonly year: number; readonly month: number },
): Table {
  return {
    file: 'local.xlsx',
    sheet: 'Monthly',
    columns: ['From', 'To', 'Visits on time', 'Visits due'],
    headerIndex: 1,
    rows: counts.map(([numerator, denominator], i) => {
      const month = start.month + i;
      const begin = new Date(Date.UTC(start.year, month, 1));
      const end = new Date(Date.UTC(start.year, month + 1, 0));
      return { index: i + 2, values: [begin, end, numerator, denominator] };
    }),
  };
}

/** The 'visits' custom indicator read from the 'monthly' source, with any fields replaced by `extra`. */
export const visitsIndicator = (extra: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  id: 'visits',
  base: 'custom',
  title: 'Child protection visits made on time',
  shortTitle: 'Visits on time',
  definition: 'Statutory visits to children on a plan made within 10 working days, as a percentage of visits due.',
  unit: 'percent',
  decimals: 1,
  polarity: 'high-is-good',
  local: {
    source: 'monthly',
    from: 'From',
    to: 'To',
    numerator: 'Visits on time',
    denominator: 'Visits due',
    measure: 'flow',
  },
  ...extra,
});
