/**
 * Indicator sets -> one flat row per indicator, area and period: what `scrutiny indicators` prints and
 * officers open in Excel to check a figure against its source.
 */
import { symbolLegend } from '../tables/values.js';
import { seriesOf, type IndicatorSet } from './types.js';

export interface IndicatorRow {
  readonly indicator: string;
  readonly area_code: string;
  readonly area_name: string;
  readonly period: string;
  readonly value: number | null;
  readonly symbol: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly england: number | null;
  readonly region_name: string;
  readonly region: number | null;
  readonly neighbours: number | null;
  readonly rank: number | null;
  readonly out_of: number | null;
  readonly quartile: string;
  /** Against England, within the indicator's tolerance: better / worse / similar, or higher / lower. */
  readonly judgement: string;
  readonly similar_within: string;
  readonly change: number | null;
  readonly source: string;
}

export const ROW_COLUMNS: readonly (keyof IndicatorRow)[] = [
  'indicator',
  'area_code',
  'area_name',
  'period',
  'value',
  'symbol',
  'numerator',
  'denominator',
  'england',
  'region_name',
  'region',
  'neighbours',
  'rank',
  'out_of',
  'quartile',
  'judgement',
  'similar_within',
  'change',
  'source',
];

export function indicatorRows(sets: readonly IndicatorSet[]): IndicatorRow[] {
  return sets.flatMap((set) =>
    Object.values(set.indicators).flatMap((indicator) =>
      indicator.periods.map((period): IndicatorRow => {
        const figure = (name: 'council' | 'england' | 'region' | 'neighbours') =>
          seriesOf(indicator, name).figures[period.key];
        const own = figure('council');
        const assessment = indicator.assessments[period.key];
        const place = own?.source;
        return {
          indicator: indicator.id,
          area_code: set.comparators.council.code,
          area_name: set.comparators.council.name,
          period: period.label,
          value: own?.value ?? null,
          symbol: own?.value == null ? (own?.symbol ?? 'x') : '',
          numerator: own?.numerator ?? null,
          denominator: own?.denominator ?? null,
          england: figure('england')?.value ?? null,
          region_name: set.comparators.region.name,
          region: figure('region')?.value ?? null,
          neighbours: figure('neighbours')?.value ?? null,
          rank: assessment?.rank?.position ?? null,
          out_of: assessment?.rank?.outOf ?? null,
          quartile: assessment?.rank?.quartile ?? '',
          judgement: assessment?.england ?? '',
          similar_within: indicator.similarWithin,
          change: assessment?.change?.difference ?? null,
          source: place
            ? [place.file, place.sheet, place.cell ?? (place.line === undefined ? undefined : `line ${place.line}`)]
                .filter(Boolean)
                .join(', ')
            : '',
        };
      }),
    ),
  );
}

/**
 * RFC 4180 csv with a header row; empty cells for missing numbers. Text that Excel would take for a
 * formula (starting =, +, -, @, a tab or a carriage return: a council or file name from the data) gets
 * a leading apostrophe, so it is shown as text and never evaluated. Numbers are written as numbers.
 */
export function rowsToCsv(rows: readonly IndicatorRow[]): string {
  const cell = (value: unknown) => {
    const text =
      value === null || value === undefined
        ? ''
        : typeof value === 'number'
          ? String(value)
          : String(value).replace(/^[=+\-@\t\r]/, "'$&");
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return (
    [ROW_COLUMNS.join(','), ...rows.map((row) => ROW_COLUMNS.map((column) => cell(row[column])).join(','))].join('\n') +
    '\n'
  );
}

/** A plain aligned table for the terminal, with the symbols explained under it. */
export function rowsToTable(rows: readonly IndicatorRow[]): string {
  const columns: (keyof IndicatorRow)[] = [
    'indicator',
    'area_name',
    'period',
    'value',
    'england',
    'region',
    'neighbours',
    'rank',
    'quartile',
    'judgement',
  ];
  const text = (row: IndicatorRow, column: keyof IndicatorRow) =>
    column === 'value' && row.value === null ? row.symbol : String(row[column] ?? '');
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => text(row, column).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 3 && i <= 7 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const legend = symbolLegend(rows.flatMap((row) => row.symbol ?? []));
  return (
    [
      line(columns),
      line(columns.map((_, i) => '-'.repeat(widths[i]!))),
      ...rows.map((row) => line(columns.map((c) => text(row, c)))),
      ...(legend.length ? ['', ...legend] : []),
    ].join('\n') + '\n'
  );
}
