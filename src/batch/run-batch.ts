/**
 * runBatch(): many reports from one command, for a scheduler with nobody watching.
 *
 *   definitions x councils ─► plan (shard) ─► each report, several at once on one browser:
 *     read definition ─► hold its output folder ─► unchanged since its manifest? skip : buildReport()
 *
 * Every report reads the same copy of each file (national data once for all), is written all or
 * nothing as a single build is, and fails alone: its problems are an event, and the others go on.
 */
import pLimit from 'p-limit';
import { relative } from 'node:path';
import { readReportDefinition } from '../definition/read-report.js';
import * as message from '../diagnostics/messages.js';
import { isReportError, ReportError } from '../diagnostics/report-error.js';
import { outputFolder } from '../files/output-folder.js';
import { sharedReads } from '../files/shared-reads.js';
import { buildReport, type BuildEffects } from '../pipeline.js';
import { buildSettings, previousBuild } from '../changes/record-build.js';
import { unchangedSince } from '../changes/unchanged.js';
import type { Emit } from './events.js';
import { planBatch, type BatchJob, type BatchRequest } from './plan.js';
import { holdOutputFolder } from './run-lock.js';

export interface BatchOptions extends BatchRequest {
  readonly outDir?: string;
  /** Build even the reports whose inputs are unchanged. */
  readonly force?: boolean;
  /** How many reports are built at once, each printing in its own page of the one browser. */
  readonly concurrency: number;
  /**
   * Hold each output folder for the whole run, refusing a second run into it (a batch). A single build
   * does not: builds of different reports into one folder take turns as their files are committed.
   */
  readonly exclusive?: boolean;
  /** An error that is not a problem with a report: reported as its failure, or thrown (a run of one report). */
  readonly unexpected?: 'report' | 'throw';
}

export interface BatchSummary {
  readonly built: number;
  readonly skipped: number;
  readonly failed: number;
  /** Failures that were not problems with a report's input: a bug, reported as such. */
  readonly unexpected: number;
}

export async function runBatch(options: BatchOptions, effects: BuildEffects, emit: Emit): Promise<BatchSummary> {
  const started = performance.now();
  const shared = sharedReads(effects);
  const count = { built: 0, skipped: 0, failed: 0, unexpected: 0 };
  const folders = new Map<string, Promise<() => Promise<void>>>();
  const claimed = new Map<string, string>();
  const since = (from: number) => Math.round(performance.now() - from) / 1000;
  const shown = (path: string) => relative(effects.cwd, path) || path;

  const fail = (report: string, file: string, from: number, error: unknown) => {
    if (!isReportError(error) && options.unexpected === 'throw') throw error;
    count.failed += 1;
    if (!isReportError(error)) count.unexpected += 1;
    const problems = isReportError(error)
      ? error.problems
      : [`Unexpected error: ${error instanceof Error ? error.message : String(error)}`];
    emit({ event: 'report-failed', report, file, seconds: since(from), problems });
  };

  const plan = await planBatch(options, shared);
  const shard = options.shard && `${options.shard.index}/${options.shard.count}`;
  emit({
    event: 'run-started',
    reports: plan.jobs.length + plan.failures.length,
    total: plan.total,
    ...(shard && { shard }),
  });
  for (const failure of plan.failures) fail(failure.file, failure.file, started, new ReportError(failure.problems));

  const runJob = async (job: BatchJob) => {
    const from = performance.now();
    let report = job.area ? `${job.file} (${job.area.code})` : job.file;
    try {
      const { definition, files } = await readReportDefinition(job.file, shared, options.roots, job.area);
      const dir = outputFolder(options.outDir, definition.output.dir, effects.cwd);
      const slug = definition.report.slug;
      report = slug;
      const key = `${dir}\0${slug}`;
      const first = claimed.get(key);
      if (first !== undefined) throw new ReportError(message.duplicateReport(slug, shown(dir), first));
      claimed.set(key, job.area ? `${job.file} for ${job.area.code}` : job.file);
      emit({ event: 'report-started', report, file: job.file, ...(job.area && { area: job.area.code }) });
      if (options.exclusive) {
        if (!folders.has(dir)) folders.set(dir, holdOutputFolder(dir));
        await folders.get(dir);
      }

      const warn = (text: string) => emit({ event: 'report-warning', report, text });
      if (!options.force) {
        const previous = await previousBuild(dir, slug, shared, warn);
        const check = {
          previous,
          settings: buildSettings(definition, effects.sourceDate),
          baseDir: files.baseDir,
          dir,
        };
        if (await unchangedSince(check, shared, effects)) {
          count.skipped += 1;
          emit({ event: 'report-skipped', report, file: job.file, reason: message.unchangedReport() });
          return;
        }
      }
      const build = {
        file: job.file,
        outDir: options.outDir,
        roots: options.roots,
        maxDataBytes: options.maxDataBytes,
        area: job.area,
        indicators: job.indicators?.(),
      };
      const log = (text: string) => emit({ event: 'report-note', report, text });
      const result = await buildReport(build, { ...shared, log, warn });
      count.built += 1;
      emit({
        event: 'report-built',
        report,
        file: job.file,
        title: result.definition.report.title,
        seconds: since(from),
        written: result.written.map(shown),
      });
    } catch (error) {
      fail(report, job.file, from, error);
    }
  };

  const limit = pLimit(Math.max(1, options.concurrency));
  try {
    await Promise.all(plan.jobs.map((job) => limit(() => runJob(job))));
  } finally {
    for (const held of folders.values()) await (await held.catch(() => undefined))?.();
  }
  emit({ event: 'run-finished', ...count, seconds: since(started) });
  return count;
}
