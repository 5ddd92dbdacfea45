/** The real file system and printer, for the CLI. Tests pass their own effects to buildReport. */
import { readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ReportError } from './diagnostics/report-error.js';
import * as message from './diagnostics/messages.js';
import { kindOf } from './file-kind.js';
import type { BuildEffects, OutputFile } from './pipeline.js';
import type { Printer } from './pdf/print.js';

export function nodeEffects(options: {
  cwd: string;
  printer: (configured: string | undefined) => Promise<Printer>;
  log: (line: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}): BuildEffects {
  const epoch = Number(options.env?.SOURCE_DATE_EPOCH);
  return {
    sourceDate: Number.isFinite(epoch) && options.env?.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : undefined,
    cwd: options.cwd,
    kindOf,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    readText: (path) => readFile(path, 'utf8'),
    listDir: (path) => readdirSync(path).sort(),
    printer: options.printer,
    writeFiles,
    log: options.log,
  };
}

/**
 * Every file is written beside its destination under a temporary name, then all are renamed into
 * place. Renaming within a folder is atomic, so readers see the old report or the new one, never half.
 */
export async function writeFiles(dir: string, files: readonly OutputFile[]): Promise<void> {
  const temporary = files.map((file) => ({ ...file, temp: join(dir, dirname(file.name), `.${basename(file.name)}.${process.pid}.tmp`) }));
  try {
    await mkdir(dir, { recursive: true });
    await Promise.all(files.map((file) => mkdir(dirname(join(dir, file.name)), { recursive: true })));
    await Promise.all(temporary.map((file) => writeFile(file.temp, file.content)));
    for (const file of temporary) await rename(file.temp, join(dir, file.name));
  } catch (error) {
    await Promise.all(temporary.map((file) => rm(file.temp, { force: true }).catch(() => undefined)));
    throw new ReportError(message.cannotWriteOutput(dir, error instanceof Error ? error.message : String(error)));
  }
}
