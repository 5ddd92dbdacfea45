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
  return {
    ...nodeFileSystem(options.cwd),
    sourceDate: sourceDateOf(options.env?.SOURCE_DATE_EPOCH),
    printer: options.printer,
    writeFiles,
    log: options.log,
    warn: (line) => console.error(line),
  };
}

/**
 * SOURCE_DATE_EPOCH as a date; one that is set but is not a whole number of seconds a PDF's dates can
 * hold (years 1970 to 9999) is refused, as reproducible-builds.org asks, rather than ignored.
 */
function sourceDateOf(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,12}$/.test(value.trim()) || Number(value) > LAST_SECOND_OF_9999)
    throw new ReportError(message.badSourceDateEpoch(value));
  return new Date(Number(value) * 1000);
}

const LAST_SECOND_OF_9999 = 253_402_300_799;

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
