/**
 * `scrutiny diff OLD NEW`: what changed between any two builds, each named by its output folder or
 * its <slug>.manifest.json. Two folders holding several reports are compared report by report.
 */
import { basename, join } from 'node:path';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { readNamedText, type FileSystem } from '../files/project-files.js';
import { changesPage } from './changes-page.js';
import { compareBuilds, summaryOf, type Changes } from './compare.js';
import { MANIFEST_SUFFIX, parseManifest, type Manifest } from './manifest.js';
import { comparedWith } from './record-build.js';

export type DiffFormat = 'text' | 'html' | 'json';

export interface BuildPair {
  readonly before: Manifest;
  readonly after: Manifest;
  readonly changes: Changes;
}

export async function diffBuilds(
  beforePath: string,
  afterPath: string,
  fs: FileSystem,
  format: DiffFormat,
): Promise<string> {
  const [before, after] = await Promise.all([manifestsAt(beforePath, fs), manifestsAt(afterPath, fs)]);
  const single = before.size === 1 && after.size === 1;
  const pairs: BuildPair[] = [];
  const unmatched: string[] = [];
  for (const [slug, manifest] of after) {
    const earlier = single ? [...before.values()][0]! : before.get(slug);
    if (earlier) pairs.push({ before: earlier, after: manifest, changes: compareBuilds(earlier, manifest) });
    else unmatched.push(`${slug}: only in ${afterPath}`);
  }
  if (!single) for (const slug of before.keys()) if (!after.has(slug)) unmatched.push(`${slug}: only in ${beforePath}`);
  if (format === 'json') return `${JSON.stringify({ reports: pairs.map(asJson), unmatched }, null, 2)}\n`;
  if (format === 'html') {
    if (pairs.length !== 1) throw new ReportError(message.severalManifests(afterPath, [...after.keys()]));
    const [{ before: b, after: a, changes }] = pairs as [BuildPair];
    return changesPage({ title: a.report.title, comparedWith: comparedWith(b, a), changes });
  }
  return [...pairs.map(asText), ...unmatched.map((line) => `${line}\n`)].join('\n');
}

/** The manifests a path names, by report slug. */
async function manifestsAt(path: string, fs: FileSystem): Promise<Map<string, Manifest>> {
  const kind = fs.kindOf(path);
  const files =
    kind === 'folder'
      ? fs
          .listDir(path)
          .filter((name) => name.endsWith(MANIFEST_SUFFIX))
          .map((name) => join(path, name))
      : kind === 'file'
        ? [path]
        : [];
  if (files.length === 0) throw new ReportError(message.noManifest(path));
  const found = new Map<string, Manifest>();
  for (const file of files) {
    const parsed = parseManifest(await readNamedText(fs, file, file, 'manifest'));
    if ('problem' in parsed) throw new ReportError(message.manifestUnreadable(file, parsed.problem));
    found.set(parsed.report.slug || basename(file, MANIFEST_SUFFIX), parsed);
  }
  return found;
}

function asJson({ after, changes }: BuildPair) {
  return { slug: after.report.slug, title: after.report.title, summary: summaryOf(changes), ...changes };
}

function asText({ after, changes }: BuildPair): string {
  const lines = [`${after.report.slug}: ${summaryOf(changes)}.`];
  const heading = (title: string, items: readonly unknown[]) => {
    if (items.length > 0) lines.push('', title);
  };
  heading('Figures', changes.figures);
  for (const { old, new: now } of changes.figures) {
    const f = (now ?? old)!;
    const from = f.source ? ` (${f.source})` : '';
    lines.push(`  ${f.indicator}, ${f.area}, ${f.period}: ${old?.value ?? 'none'} -> ${now?.value ?? 'none'}${from}`);
  }
  heading('Paragraphs', changes.paragraphs);
  for (const { old, new: now } of changes.paragraphs) {
    lines.push(`  ${(now ?? old)!.place}`);
    if (old) lines.push(`    before: ${old.text}`);
    if (now) lines.push(`    now:    ${now.text}`);
  }
  heading('Diagrams whose data changed', changes.charts);
  for (const { old, new: now } of changes.charts) lines.push(`  ${(now ?? old)!.title}`);
  heading('Files read that changed', changes.inputs);
  for (const { old, new: now } of changes.inputs)
    lines.push(`  ${(now ?? old)!.file}${!old ? ' (new)' : !now ? ' (no longer read)' : ''}`);
  return `${lines.join('\n')}\n`;
}
