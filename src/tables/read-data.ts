/**
 * The data stage: read every national file the indicators need, and every local source, into tables.
 * Files are read in parallel; all missing files are reported together.
 */
import { join, relative } from 'node:path';
import { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { LocalSource } from '../definition/normalize.js';
import type { FileKind } from '../file-kind.js';
import { ReportError } from '../diagnostics/report-error.js';
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
  readonly kindOf: (path: string) => FileKind;
  readonly readFile: (path: string) => Promise<Uint8Array>;
}

export interface DataSources {
  readonly nationalDir: string;
  /** File names within the national folder. */
  readonly nationalFiles: readonly string[];
  readonly local: readonly LocalSource[];
}

export async function readData(sources: DataSources, files: FileReader): Promise<DataSet> {
  const problems = new ProblemList();
  const shown = (path: string) => relative(files.cwd, path) || path;
  const read = async (path: string, sheet?: string): Promise<Table | undefined> => {
    if (files.kindOf(path) !== 'file') {
      problems.add(message.dataFileMissing(shown(path)));
      return undefined;
    }
    try {
      return await readTable({ file: shown(path), content: await files.readFile(path) }, sheet);
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      for (const problem of error.problems) problems.add(problem);
      return undefined;
    }
  };

  const [national, local] = await Promise.all([
    Promise.all(sources.nationalFiles.map(async (name) => [name, await read(join(sources.nationalDir, name))] as const)),
    Promise.all(sources.local.map(async (source) => [source.id, await read(source.path, source.sheet)] as const)),
  ]);
  problems.throwIfAny();
  return { national: new Map(national as [string, Table][]), local: new Map(local as [string, Table][]) };
}
