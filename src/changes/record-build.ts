/**
 * A build's record, written with its outputs: the manifest, and, when an earlier build of the same
 * report is in the output folder, the page of what changed since (and a one-line summary in the log).
 */
import { basename, join } from 'node:path';
import { formatDate } from '../dates.js';
import * as message from '../diagnostics/messages.js';
import type { ReportDefinition } from '../definition/normalize.js';
import { isWithin, type FileSystem, type ProjectFiles } from '../files/project-files.js';
import type { OutputFile } from '../files/write-output.js';
import { pageCount } from '../pdf/read-pdf.js';
import { changesPage } from './changes-page.js';
import { compareBuilds, summaryOf, type Changes, type Comparable } from './compare.js';
import type { ReportContent } from './content.js';
import { makeManifest, MANIFEST_SUFFIX, manifestJson, parseManifest, type Manifest } from './manifest.js';
import type { Revision } from './revision.js';

export const CHANGES_SUFFIX = '.changes.html';

/** The manifest an earlier build left in the folder, if there is one the tool can read. */
export async function previousBuild(
  dir: string,
  slug: string,
  fs: FileSystem,
  warn: (line: string) => void,
): Promise<Manifest | undefined> {
  const path = join(dir, `${slug}${MANIFEST_SUFFIX}`);
  if (fs.kindOf(path) !== 'file') return undefined;
  let text: string;
  try {
    text = await fs.readText(path);
  } catch (error) {
    warn(message.previousManifestUnreadable(path, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const parsed = parseManifest(text);
  if ('problem' in parsed) {
    warn(message.previousManifestUnreadable(path, parsed.problem));
    return undefined;
  }
  return parsed;
}

/** The new build's content and inputs beside the previous build's: what the change page reports. */
export function changesSince(previous: Manifest | undefined, now: Comparable): Changes | undefined {
  return previous && compareBuilds(previous, now);
}

export interface BuildRecord {
  readonly definition: ReportDefinition;
  readonly files: ProjectFiles;
  /** Absolute path -> sha256 of every file the build read. */
  readonly reads: ReadonlyMap<string, string>;
  /** Absolute path -> what the build found there without reading it. */
  readonly lookups: ReadonlyMap<string, string>;
  readonly content: ReportContent;
  readonly previous?: Manifest;
  readonly revision?: Revision;
  readonly outputs: readonly OutputFile[];
  /** The folder holds a change page but no readable manifest: the page must not go on describing an older build. */
  readonly staleChangesPage?: boolean;
  /** The folder the build writes into. */
  readonly outputDir: string;
  /** SOURCE_DATE_EPOCH, when set: it changes the PDF's dates. */
  readonly sourceDate?: Date;
}

/** The manifest and, over an earlier build, the change page; the summary line is logged. */
export async function recordBuild(record: BuildRecord, log: (line: string) => void): Promise<OutputFile[]> {
  const { definition, previous } = record;
  const slug = definition.report.slug;
  const pdf = record.outputs.find((file) => file.name === `${slug}.pdf`);
  const manifest = makeManifest({
    // The definition sits in the folder every other path is shown from.
    report: { title: definition.report.title, slug, definition: basename(definition.file) },
    settings: buildSettings(definition, record.sourceDate),
    inputs: new Map([...record.reads].map(([path, hash]) => [record.files.shown(path), hash])),
    // Where the build writes is not an input: the output folder exists after the first build.
    lookups: new Map(
      [...record.lookups]
        .filter(([path]) => !isWithin(record.outputDir, path))
        .map(([path, found]) => [record.files.shown(path), found]),
    ),
    asAt: new Map(definition.data.local.flatMap((s) => (s.asAt ? [[s.file, s.asAt] as const] : []))),
    outputs: record.outputs,
    pages: pdf && typeof pdf.content !== 'string' ? await pageCount(pdf.content) : undefined,
    revision: record.revision && { date: record.revision.date, text: record.revision.text },
    content: record.content,
  });
  const files: OutputFile[] = [{ name: `${slug}${MANIFEST_SUFFIX}`, content: manifestJson(manifest) }];
  const changes = changesSince(previous, manifest);
  if (changes) {
    log(`Since the previous build: ${summaryOf(changes)}.`);
    files.push({
      name: `${slug}${CHANGES_SUFFIX}`,
      content: changesPage({
        title: definition.report.title,
        comparedWith: comparedWith(previous!, manifest),
        changes,
        revision: record.revision?.drafted ? record.revision.text : undefined,
      }),
    });
  } else if (record.staleChangesPage) {
    files.push({
      name: `${slug}${CHANGES_SUFFIX}`,
      content: changesPage({ title: definition.report.title, comparedWith: message.notCompared() }),
    });
  }
  if (record.revision?.drafted) log(message.revisionDrafted(formatDate(record.revision.date), record.revision.text));
  return files;
}

/** Which two builds a change page compares, in words a clerk can check against the files. */
export function comparedWith(before: Manifest, after: Manifest): string {
  const pdf = (m: Manifest) => m.outputs.find((file) => file.file.endsWith('.pdf'));
  const shortHash = (m: Manifest) => pdf(m)?.sha256.slice(0, 12);
  const describe = (m: Manifest) =>
    shortHash(m) ? `the PDF whose sha256 begins ${shortHash(m)}` : `the build by ${m.generator}`;
  return `This page compares ${describe(before)} (before) with ${describe(after)} (now), both of "${after.report.title}".`;
}

/** The choices a build was made with that its files do not show: the council, and a fixed date. */
export function buildSettings(definition: ReportDefinition, sourceDate: Date | undefined): BuildSettings {
  return { area: definition.area.code, ...(sourceDate && { sourceDate: sourceDate.toISOString() }) };
}

export type BuildSettings = NonNullable<Manifest['settings']>;
