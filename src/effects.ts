/** The real file system and printer, for the CLI. Tests pass their own effects to buildReport. */
import { readdirSync } from 'node:fs';
import { ReportError } from './diagnostics/report-error.js';
import * as message from './diagnostics/messages.js';
import { kindOf } from './files/file-kind.js';
import { TEXT_FILE_LIMIT } from './files/limits.js';
import { decodeUtf8, readBytesBounded } from './files/read-file.js';
import { realPath } from './files/real-path.js';
import { writeOutput, type OutputGroup } from './files/write-output.js';
import type { FileSystem } from './files/project-files.js';
import type { BuildEffects } from './pipeline.js';
import type { Printer } from './pdf/print.js';

export function nodeEffects(options: {
  cwd: string;
  printer: () => Promise<Printer>;
  log: (line: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}): BuildEffects {
  const epoch = Number(options.env?.SOURCE_DATE_EPOCH);
  return {
    ...nodeFileSystem(options.cwd),
    sourceDate: Number.isFinite(epoch) && options.env?.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : undefined,
    printer: options.printer,
    writeFiles,
    log: options.log,
    warn: (line) => console.error(line),
  };
}

/** The disk, read with the limits a definition's files are held to. */
export function nodeFileSystem(cwd: string): FileSystem {
  return {
    cwd,
    kindOf,
    realPath,
    readFile: readBytesBounded,
    readText: async (path) => decodeUtf8(await readBytesBounded(path, TEXT_FILE_LIMIT)),
    listDir: (path) => readdirSync(path).sort(),
  };
}

/** Every file of every group, or none; see files/write-output.ts. */
export async function writeFiles(groups: readonly OutputGroup[]): Promise<void> {
  try {
    await writeOutput(groups);
  } catch (error) {
    const dirs = [...new Set(groups.map((group) => group.dir))].join(', ');
    throw new ReportError(message.cannotWriteOutput(dirs, error instanceof Error ? error.message : String(error)));
  }
}
