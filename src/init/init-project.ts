/**
 * `scrutiny init`: a new report project for a council, ready to build with the national data.
 *
 *   national data ─► the council's facts (council-facts.ts) ─► templates/init/<kind> filled in
 *     ─► report.config.yaml, section templates, a data-entry workbook planned from the definition
 *     ─► built once in memory (dry-build.ts) ─► written all together, never over a file (write-new-files.ts)
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readDefinition } from '../definition/read-definition.js';
import type { FileSystem } from '../files/project-files.js';
import { PACKAGE_ROOT } from '../version.js';
import { councilFacts, type CouncilFacts } from './council-facts.js';
import { dryBuild, withFiles } from './dry-build.js';
import { kindTemplates, renderProject, type Kind } from './render-project.js';
import { templateFacts, slugOf, readableName } from './template-facts.js';
import { planWorkbooks } from './workbook-plan.js';
import { writeWorkbook } from './write-workbook.js';
import { refuseExisting, writeNewFiles, type NewFile } from './write-new-files.js';

export interface InitOptions {
  /** A three-digit DfE code, or a council's name. */
  readonly area: string;
  readonly kind: Kind;
  /** The folder of DfE open-data files (default data/dfe). */
  readonly data?: string;
  /** Where to write (default: a new folder named after the council and the kind). */
  readonly folder?: string;
}

export interface InitResult {
  readonly facts: CouncilFacts;
  readonly folder: string;
  readonly written: readonly string[];
  /** What to run next, exactly. */
  readonly buildCommand: string;
  readonly workbooks: readonly string[];
  /** What to do with the workbook, as the kind's workbook text says it. */
  readonly workbookStep: string;
  readonly warnings: readonly string[];
}

const SCHEMA = join(PACKAGE_ROOT, 'schema/report.config.schema.json');

export async function initProject(options: InitOptions, fs: FileSystem): Promise<InitResult> {
  const dataDir = options.data ?? 'data/dfe';
  const facts = await councilFacts(options.area, dataDir, fs);
  const folder = resolve(fs.cwd, options.folder ?? `${slugOf(readableName(facts.dfeName))}-${options.kind}`);
  const nationalDir = resolve(fs.cwd, dataDir);
  const definitionPath = join(folder, 'report.config.yaml');

  const templates = await kindTemplates(options.kind, fs);
  const fields = templateFacts(facts, pathsFrom(folder, nationalDir, fs), (id) => templates.sections.has(`${id}.hbs`));
  const rendered = renderProject(templates, fields);
  // The definition, read by the tool's own reader: its schema first, so the workbook is planned from what it says.
  const { spec } = readDefinition({ file: definitionPath, text: rendered.definition });
  const sectionFiles = spec.sections.flatMap((section) =>
    section.template !== undefined && templates.sections.has(section.template)
      ? [
          {
            path: join(folder, spec.templates ?? 'templates', section.template),
            content: templates.sections.get(section.template)!,
          },
        ]
      : [],
  );
  const plans = planWorkbooks(spec, rendered.workbook, join(templates.folder, 'workbook.yaml.hbs'));
  const workbooks = await Promise.all(
    plans.map(async (plan) => ({ path: resolve(folder, plan.file), content: await writeWorkbook(plan) })),
  );
  const files: NewFile[] = [{ path: definitionPath, content: rendered.definition }, ...sectionFiles, ...workbooks];
  const shown = shownFrom(fs.cwd);

  // Refused before building, so a second init into a folder says so at once.
  refuseExisting(files, shown);
  const roots = insideOf(fs.realPath(folder), fs.realPath(nationalDir)) ? [] : [nationalDir];
  const warnings: string[] = [];
  await dryBuild(
    definitionPath,
    roots,
    withFiles(fs, new Map(files.map((file) => [file.path, file.content]))),
    (line) => warnings.push(line),
  );
  writeNewFiles(files, shown, folder);

  const command = [
    'npx scrutiny build',
    quoted(shown(definitionPath)),
    ...roots.map((root) => `--root ${quoted(shown(root))}`),
  ];
  return {
    facts,
    folder,
    written: files.map((file) => file.path),
    buildCommand: command.join(' '),
    workbooks: workbooks.map((w) => w.path),
    workbookStep: rendered.workbook.next.replace(/\s+/g, ' ').trim(),
    warnings,
  };
}

/** Paths the definition writes from its own folder; the schema only when the tool's file is there to point at. */
function pathsFrom(folder: string, nationalDir: string, fs: FileSystem) {
  const from = (path: string) => {
    const written = relative(folder, path);
    // On another drive there is no relative path (Windows): the national folder is then written in full.
    return isAbsolute(written) ? written : written.split(sep).join('/') || '.';
  };
  const schema = fs.kindOf(SCHEMA) === 'file' && !isAbsolute(relative(folder, SCHEMA)) ? from(SCHEMA) : undefined;
  return { schema, national: from(nationalDir) };
}

/** A path as the user is told it: from where the command runs when it lies below, otherwise in full. */
export function shownFrom(cwd: string): (path: string) => string {
  return (path) => (insideOf(cwd, path) ? relative(cwd, path) || '.' : path);
}

function insideOf(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A path as a shell takes it: quoted when it holds anything but plain characters. */
function quoted(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
