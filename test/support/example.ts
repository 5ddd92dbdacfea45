/** The shipped example's definition, normalised, for tests of later stages. */
import { readFileSync } from 'node:fs';
import { nodeFileSystem } from '../../src/effects.js';
import { projectFiles } from '../../src/files/project-files.js';
import { BUILT_IN_TEMPLATES } from '../../src/version.js';
import { join } from 'node:path';
import { normalizeDefinition, type ReportDefinition } from '../../src/definition/normalize.js';
import { readDefinition } from '../../src/definition/read-definition.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import { ROOT } from './cli.js';

export function exampleDefinition(edit: (yaml: string) => string = (yaml) => yaml): ReportDefinition {
  const file = 'report.config.yaml';
  const { spec, locate } = readDefinition({ file, text: edit(readFileSync(join(ROOT, file), 'utf8')) });
  const files = projectFiles(nodeFileSystem(ROOT), { baseDir: ROOT, builtIn: BUILT_IN_TEMPLATES });
  return normalizeDefinition(spec, {
    file,
    locate,
    library: builtInLibrary(),
    files,
    builtInTemplates: BUILT_IN_TEMPLATES,
  });
}
