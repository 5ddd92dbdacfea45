/**
 * The data stage: read every national file the indicators need, and every local source, into tables.
 * Files are read in parallel; all missing files are reported together.
 */
import { join, relative } from 'node:path';
import { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { ReportDefinition } from '../definition/normalize.js';
import { POPULATION_FILE } from '../indicators/compute.js';
import { NEIGHBOUR_FILES } from '../indicators/neighbours.js';
import { readTable } from './read-table.js';
import type { Table } from './table.js';

export interface DataSet {
  /** National tables by file name. */
  readonly national: ReadonlyMap<string, Table>;
  /** Local tables by source id. */
  readonly local: ReadonlyMap<string, Table>;
}

export interface FileReader {
  readonly cwd: string;
  readonly exists: (path: string) => boolean;
  readonly readFile: (path: string) => Promise<Uint8Array>;
}

export async function readData(definition: ReportDefinition, files: FileReader): Promise<DataSet> {
  const nationalFiles = new Set([NEIGHBOUR_FILES[definition.data.neighbours.model]]);
  for (const indicator of definition.indicators) {
    nationalFiles.add(indicator.source.file);
    if (indicator.source.denominator === 'population') nationalFiles.add(POPULATION_FILE);
  }

  const problems = new ProblemList();
  const shown = (path: string) => relative(files.cwd, path) || path;
  const read = async (path: string, sheet?: string): Promise<Table | undefined> => {
    if (!files.exists(path)) {
      problems.add(message.dataFileMissing(shown(path)));
      return undefined;
    }
    return readTable({ file: shown(path), content: await files.readFile(path) }, sheet);
  };

  const [national, local] = await Promise.all([
    Promise.all([...nationalFiles].map(async (name) => [name, await read(join(definition.data.nationalDir, name))] as const)),
    Promise.all(definition.data.local.map(async (source) => [source.id, await read(source.path, source.sheet)] as const)),
  ]);
  problems.throwIfAny();
  return { national: new Map(national as [string, Table][]), local: new Map(local as [string, Table][]) };
}
