/**
 * `scrutiny indicators`: the indicator table, for officers to check figures in Excel.
 *
 *   with a report definition: its indicators for its council (and any --area given), from its data;
 *   with --data or no definition: the whole built-in library over a folder of DfE files, for every
 *   council or those named with --area, compared with the April 2021 statistical neighbours' mean.
 */
import { ReportError } from './diagnostics/report-error.js';
import * as message from './diagnostics/messages.js';
import { computeForCouncils, nationalFilesNeeded, type CouncilChoice } from './indicators/compute.js';
import type { IndicatorDefinition, IndicatorSet } from './indicators/types.js';
import { builtInLibrary } from './indicators/library.js';
import { indicatorRows, rowsToCsv, rowsToTable } from './indicators/rows.js';
import { readReportDefinition } from './definition/read-report.js';
import { indicatorsJson } from './outputs/indicators-json.js';
import { namedFolderFiles, type FileSystem } from './files/project-files.js';
import { readData } from './tables/read-data.js';
import { resolve } from 'node:path';

export type IndicatorFormat = 'csv' | 'json' | 'table';

export interface ListOptions {
  /** A report definition; when absent (or with --data), the built-in library is listed. */
  readonly file?: string;
  readonly data?: string;
  readonly areas: readonly string[];
  readonly format: IndicatorFormat;
  /** More folders a definition may read from (--root). */
  readonly roots?: readonly string[];
  readonly maxDataBytes?: number;
}

type ListEffects = FileSystem;

export async function listIndicators(options: ListOptions, effects: ListEffects): Promise<string> {
  const sets =
    options.file && !options.data
      ? await forDefinition(options, options.file, effects)
      : await forLibrary(options, effects);
  if (options.format === 'json')
    return sets.length === 1
      ? indicatorsJson(sets[0]!)
      : `${JSON.stringify(
          sets.map((set) => JSON.parse(indicatorsJson(set))),
          null,
          2,
        )}\n`;
  const rows = indicatorRows(sets);
  return options.format === 'csv' ? rowsToCsv(rows) : rowsToTable(rows);
}

async function forDefinition(options: ListOptions, file: string, effects: ListEffects): Promise<IndicatorSet[]> {
  const { definition, files } = await readReportDefinition(file, effects, options.roots);
  const data = await readData(
    {
      nationalDir: definition.data.nationalDir,
      nationalFiles: nationalFilesNeeded(definition.indicators, definition.data.neighbours.model),
      local: definition.data.local,
      maxDataBytes: options.maxDataBytes,
    },
    files,
  );
  const councils: CouncilChoice[] = [
    definition.area,
    ...options.areas.filter((code) => code !== definition.area.code).map((code) => ({ code })),
  ];
  return computeForCouncils(
    {
      ...definition.data,
      indicators: definition.indicators,
      national: data.national,
      local: data.local,
      localCouncil: definition.area.code,
      suppression: definition.disclosure.public ? { threshold: definition.disclosure.threshold } : undefined,
    },
    councils,
  );
}

async function forLibrary(options: ListOptions, effects: ListEffects): Promise<IndicatorSet[]> {
  const nationalDir = resolve(effects.cwd, options.data ?? 'data/dfe');
  if (effects.kindOf(nationalDir) !== 'folder')
    throw new ReportError(message.dataFolderMissing(options.data ?? 'data/dfe'));
  const indicators: IndicatorDefinition[] = Object.entries(builtInLibrary()).map(([id, entry]) => ({
    ...entry,
    id,
    base: id,
  }));
  const neighbours = { model: '2021', average: 'mean' } as const;
  const files = namedFolderFiles(effects, nationalDir);
  const data = await readData(
    {
      nationalDir,
      nationalFiles: nationalFilesNeeded(indicators, neighbours.model),
      local: [],
      maxDataBytes: options.maxDataBytes,
    },
    files,
  );
  const choice = options.areas.length > 0 ? options.areas.map((code) => ({ code })) : 'all';
  return computeForCouncils(
    { neighbours, populationYearOffset: 1, indicators, national: data.national, local: data.local },
    choice,
  );
}
