/**
 * What a new report needs to know about its council, found in the national data the way a build finds
 * it: the council's name and region from DfE's files, its statistical neighbours from DfE's model, the
 * years it has figures for and which built-in indicators have any. Nothing here parses a file: the
 * tables are read by readData and the figures computed by computeForCouncils, as `scrutiny indicators`
 * does for the whole library.
 */
import { resolve } from 'node:path';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { namedFolderFiles, type FileSystem } from '../files/project-files.js';
import { computeForCouncils, nationalFilesNeeded } from '../indicators/compute.js';
import { builtInLibrary } from '../indicators/library.js';
import { hasNeighbours, NEIGHBOUR_FILES, readNeighbours, type NeighbourModel } from '../indicators/neighbours.js';
import type { IndicatorDefinition, IndicatorSet } from '../indicators/types.js';
import { readData } from '../tables/read-data.js';
import type { Table } from '../tables/table.js';
import { findCouncil } from './find-council.js';

export interface CouncilFacts {
  readonly code: string;
  /** As DfE's files name it. */
  readonly dfeName: string;
  readonly region: string;
  /** The newest model that lists the council, or undefined when neither does. */
  readonly model?: NeighbourModel;
  /** Closest first, named as DfE's files name them. */
  readonly neighbours: readonly { readonly code: string; readonly name: string }[];
  /** The end years (2025 for 2024-25) of the first and last years the council has any figure for. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** The same across every council and indicator: the years the national files cover. */
  readonly nationalFirstYear: number;
  readonly nationalLastYear: number;
  /** The built-in indicators the council has at least one figure for within its years. */
  readonly available: readonly string[];
  /** The council's figures by indicator and year key ("2024-25"), for counts a new workbook starts from. */
  readonly figures: IndicatorSet['indicators'];
}

/** The national data a council's facts come from, read once. */
export async function councilFacts(area: string, dataDir: string, fs: FileSystem): Promise<CouncilFacts> {
  const nationalDir = resolve(fs.cwd, dataDir);
  if (fs.kindOf(nationalDir) !== 'folder') throw new ReportError(message.dataFolderMissing(dataDir));
  const models = (Object.keys(NEIGHBOUR_FILES) as NeighbourModel[]).filter(
    (model) => fs.kindOf(resolve(nationalDir, NEIGHBOUR_FILES[model])) === 'file',
  );
  if (models.length === 0) throw new ReportError(message.noNeighbourModel(dataDir, Object.values(NEIGHBOUR_FILES)));
  // Only the built-in indicators whose files the folder holds: a folder with fewer files still starts a report.
  const indicators: IndicatorDefinition[] = Object.entries(builtInLibrary())
    .filter(([, entry]) => fs.kindOf(resolve(nationalDir, entry.source.file)) === 'file')
    .map(([id, entry]) => ({ ...entry, id, base: id }));
  const files = namedFolderFiles(fs, nationalDir);
  const data = await readData(
    {
      nationalDir,
      nationalFiles: [...new Set(models.flatMap((model) => nationalFilesNeeded(indicators, model)))],
      local: [],
    },
    files,
  );
  const table = (model: NeighbourModel) => data.national.get(NEIGHBOUR_FILES[model]) as Table;
  // Every council's figures, as the indicator table computes them; the neighbours are read below, by the model that lists the council.
  const sets = computeForCouncils(
    {
      neighbours: { model: models[models.length - 1]!, average: 'mean' },
      populationYearOffset: 1,
      indicators,
      national: data.national,
      local: new Map(),
    },
    'all',
  );
  const council = findCouncil(
    area,
    sets.map((s) => s.comparators.council),
    dataDir,
  );
  const own = sets.find((s) => s.comparators.council.code === council.code)!;
  // The newest model first: a council made since 2021 (Cumberland) is only in the 2025 one, one abolished before 2025 only in 2021's.
  const model = [...models].reverse().find((m) => hasNeighbours(table(m), m, council.code));
  const names = new Map(sets.map((s) => [s.comparators.council.code, s.comparators.council.name] as const));
  const neighbours = model
    ? readNeighbours(table(model), model, council.code).map((code) => ({ code, name: names.get(code) ?? code }))
    : [];
  return {
    ...yearsOf(own),
    code: council.code,
    dfeName: council.name,
    region: own.comparators.region.name,
    model,
    neighbours,
  };
}

type Years = Pick<
  CouncilFacts,
  'firstYear' | 'lastYear' | 'nationalFirstYear' | 'nationalLastYear' | 'available' | 'figures'
>;

/** The years the council has figures for (a council abolished or created since 2013 has fewer), and the indicators with any. */
function yearsOf(set: IndicatorSet): Years {
  const results = Object.values(set.indicators);
  const endYear = (end: string) => Number(end.slice(0, 4));
  const all = results.flatMap((r) => r.periods.filter((p) => p.whole).map((p) => endYear(p.end)));
  const own = results.flatMap((r) =>
    r.periods.filter((p) => p.whole && r.series.council.figures[p.key]?.value != null).map((p) => endYear(p.end)),
  );
  // A council with no figure at all still gets a report (saying so); its years are then the files' years.
  const [firstYear, lastYear] =
    own.length > 0 ? [Math.min(...own), Math.max(...own)] : [Math.min(...all), Math.max(...all)];
  const available = results
    .filter((r) =>
      r.periods.some(
        (p) =>
          p.whole &&
          endYear(p.end) >= firstYear &&
          endYear(p.end) <= lastYear &&
          r.series.council.figures[p.key]?.value != null,
      ),
    )
    .map((r) => r.id);
  return {
    firstYear,
    lastYear,
    nationalFirstYear: Math.min(...all),
    nationalLastYear: Math.max(...all),
    available,
    figures: set.indicators,
  };
}
