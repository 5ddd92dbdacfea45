/**
 * The data stage: read every national file the indicators need, and every local source, into tables.
 * Files are read in parallel; all missing files are reported together. Every file must lie inside the
 * project (links followed), be a regular file and be no larger than the data limit.
 */
import { join } from 'node:path';
import { ProblemList, ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { DEFAULT_DATA_FILE_LIMIT } from '../files/limits.js';
import type { ProjectFiles } from '../files/project-files.js';
import { readTable } from './read-table.js';
import type { Table } from './table.js';

export interface DataSet {
  /** National tables by file name. */
  readonly national: ReadonlyMap<string, Table>;
  /** Local tables by source id. */
  readonly local: ReadonlyMap<string, Table>;
  /** What the user should know about how the files were read (a csv read as Windows-1252). */
  readonly notes: readonly string[];
}

/** A council's own workbook or csv, as the definition names it. */
export interface LocalSource {
  readonly id: string;
  /** As shown to users and in the report: relative to the definition's folder. */
  readonly file: string;
  readonly path: string;
  readonly sheet?: string;
  readonly asAt?: string;
}

export interface DataSources {
  readonly nationalDir: string;
  /** File names within the national folder. */
  readonly nationalFiles: readonly string[];
  readonly local: readonly LocalSource[];
  /** The largest csv file, or workbook once unpacked, to read. */
  readonly maxDataBytes?: number;
}

/**
 * Tables already read from the same bytes: a batch's reports share one copy of each file
 * (files/shared-reads.ts), so 153 councils' reports parse the national files once. Tables are not changed
 * after they are read.
 */
const tablesOf = new WeakMap<Uint8Array, Map<string, Promise<Table>>>();

function readOnce(content: Uint8Array, file: string, sheet: string | undefined, maxBytes: number): Promise<Table> {
  const kept = tablesOf.get(content) ?? new Map<string, Promise<Table>>();
  tablesOf.set(content, kept);
  const key = JSON.stringify([file, sheet, maxBytes]);
  let table = kept.get(key);
  if (!table) {
    table = readTable({ file, content }, { sheet, maxBytes });
    kept.set(key, table);
    table.catch(() => kept.delete(key));
  }
  return table;
}

export async function readData(sources: DataSources, files: ProjectFiles): Promise<DataSet> {
  const problems = new ProblemList();
  const notes: string[] = [];
  const maxBytes = sources.maxDataBytes ?? DEFAULT_DATA_FILE_LIMIT;
  const read = async (path: string, sheet?: string): Promise<Table | undefined> => {
    if (files.kindOf(path) === undefined) {
      problems.add(message.dataFileMissing(files.shown(path)));
      return undefined;
    }
    try {
      const content = await files.readBytes(path, 'data file', maxBytes, '--max-data-mb');
      const table = await readOnce(content, files.shown(path), sheet, maxBytes);
      if (table.encoding === 'windows-1252') notes.push(message.readAsWindows1252(table.file));
      return table;
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      for (const problem of error.problems) problems.add(problem);
      return undefined;
    }
  };

  const [national, local] = await Promise.all([
    Promise.all(
      sources.nationalFiles.map(async (name) => [name, await read(join(sources.nationalDir, name))] as const),
    ),
    Promise.all(sources.local.map(async (source) => [source.id, await read(source.path, source.sheet)] as const)),
  ]);
  problems.throwIfAny();
  return { national: new Map(national as [string, Table][]), local: new Map(local as [string, Table][]), notes };
}
