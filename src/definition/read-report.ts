/**
 * A report definition file -> the normalised definition, and the files it may read (its folder and any
 * --root); with `area`, the definition as built for that council (a batch's --area).
 */
import { dirname, resolve } from 'node:path';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { projectFiles, readNamedText, type FileSystem, type ProjectFiles } from '../files/project-files.js';
import { builtInLibrary } from '../indicators/library.js';
import { BUILT_IN_TEMPLATES } from '../version.js';
import { normalizeDefinition, type ReportDefinition } from './normalize.js';
import { readDefinition } from './read-definition.js';
import type { AreaChoice } from './area-placeholders.js';

export async function readReportDefinition(
  file: string,
  fs: FileSystem,
  roots?: readonly string[],
  area?: AreaChoice,
): Promise<{ definition: ReportDefinition; files: ProjectFiles }> {
  const path = resolve(fs.cwd, file);
  const kind = fs.kindOf(path);
  if (kind === 'folder') throw new ReportError(message.definitionIsFolder(file));
  if (kind === 'other') throw new ReportError(message.definitionNotAFile(file));
  if (kind === undefined) throw new ReportError(message.definitionNotFound(file));
  const files = projectFiles(fs, { baseDir: dirname(path), roots, builtIn: BUILT_IN_TEMPLATES });
  const { spec, locate } = readDefinition(
    { file, text: await readNamedText(fs, file, path, 'report definition') },
    area,
  );
  const context = { file, locate, library: builtInLibrary(), files, builtInTemplates: BUILT_IN_TEMPLATES };
  const definition = normalizeDefinition(spec, context);
  // A council's own workbook is that council's: built for another, its figures would be printed as theirs.
  if (area && definition.data.local.length > 0)
    throw new ReportError(message.localDataForOtherArea(locate(['data', 'local', 0, 'file']), area.code));
  return { definition, files };
}
