/**
 * What a batch builds: each definition named, for its own council or for each council --area names
 * ("all": every council with figures in the national files' latest year), then the K-th of N equal parts of that
 * list (--shard), so that a CI matrix or an indexed job can share a run between machines.
 *
 * For a definition built for many councils, the national files are read and every council's figures
 * computed once; each council's report is then given its own figures (pipeline.ts, `indicators`).
 */
import { relative } from 'node:path';
import type { AreaChoice } from '../definition/area-placeholders.js';
import { readReportDefinition } from '../definition/read-report.js';
import { isReportError } from '../diagnostics/report-error.js';
import type { FileSystem } from '../files/project-files.js';
import * as message from '../diagnostics/messages.js';
import { councilName } from '../format.js';
import { everyCouncilsFigures, nationalFilesNeeded, type EveryCouncilsFigures } from '../indicators/compute.js';
import type { IndicatorSet } from '../indicators/types.js';
import { readData } from '../tables/read-data.js';

export interface BatchRequest {
  /** Report definitions, as the user named them. */
  readonly files: readonly string[];
  /** Councils' three-digit codes, or every council; left out, each definition's own council. */
  readonly areas?: readonly string[] | 'all';
  readonly shard?: Shard;
  readonly roots?: readonly string[];
  readonly maxDataBytes?: number;
}

/** The K-th (from 1) of N parts. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface BatchJob {
  readonly file: string;
  readonly area?: AreaChoice;
  /** The council's figures, when computed with the other councils' (a definition built for many). */
  readonly indicators?: () => IndicatorSet;
}

/** A definition that could not be planned: nothing of it is built. */
export interface PlanFailure {
  readonly file: string;
  readonly problems: readonly string[];
}

export interface BatchPlan {
  readonly jobs: readonly BatchJob[];
  readonly failures: readonly PlanFailure[];
  /** All the jobs of every part, before --shard took its own. */
  readonly total: number;
}

export async function planBatch(request: BatchRequest, fs: FileSystem): Promise<BatchPlan> {
  const jobs: BatchJob[] = [];
  const failures: PlanFailure[] = [];
  for (const file of new Set(request.files)) {
    if (request.areas === undefined) {
      jobs.push({ file });
      continue;
    }
    try {
      const planned = await councilJobs(file, request.areas, request, fs);
      jobs.push(...planned.jobs);
      failures.push(...planned.unknown);
    } catch (error) {
      if (!isReportError(error)) throw error;
      failures.push({ file, problems: error.problems });
    }
  }
  return { jobs: request.shard ? shardOf(jobs, request.shard) : jobs, failures, total: jobs.length };
}

/** The part of a list a shard builds: contiguous, and the parts' sizes differ by at most one. */
export function shardOf<T>(items: readonly T[], { index, count }: Shard): T[] {
  const start = Math.floor(((index - 1) * items.length) / count);
  const end = Math.floor((index * items.length) / count);
  return items.slice(start, end);
}

/** One job for each council, in order of code, each given its figures from one computation of all. */
async function councilJobs(
  file: string,
  areas: readonly string[] | 'all',
  request: BatchRequest,
  fs: FileSystem,
): Promise<{ jobs: BatchJob[]; unknown: PlanFailure[] }> {
  // Read as if for another council, so that a definition with a council's own data is refused here, once.
  const own = await readReportDefinition(file, fs, request.roots);
  const { definition, files } = await readReportDefinition(file, fs, request.roots, own.definition.area);
  const { nationalDir, neighbours, populationYearOffset } = definition.data;
  const nationalFiles = nationalFilesNeeded(definition.indicators, neighbours.model);
  const tables = await readData({ nationalDir, nationalFiles, local: [], maxDataBytes: request.maxDataBytes }, files);
  const figures = everyCouncilsFigures({
    neighbours,
    populationYearOffset,
    comparators: definition.comparators,
    indicators: definition.indicators,
    national: tables.national,
    local: new Map(),
  });
  const known = new Map(figures.councils.map((council) => [council.code, council.name]));
  const codes = areas === 'all' ? figures.current.map((council) => council.code) : [...new Set(areas)].sort();
  // A code the data does not know is named as given on the command line, and nothing is built for it.
  const unknown = codes
    .filter((code) => !known.has(code))
    .map((code) => ({
      file: `--area ${code}`,
      problems: [message.councilNotInData(relative(fs.cwd, nationalDir) || '.', code)],
    }));
  const jobs = codes
    .filter((code) => known.has(code))
    .map((code) => {
      const area = { code, name: councilName(known.get(code)!) };
      return { file, area, indicators: () => setOf(figures, area, areas !== 'all') };
    });
  return { jobs, unknown };
}

/** A council named with --area must have rows in every file; one listed by "all" may have gaps, shown as such. */
function setOf(figures: EveryCouncilsFigures, area: AreaChoice, named: boolean): IndicatorSet {
  return figures.setsFor([area], { requireRows: named })[0]!;
}
