/**
 * `scrutiny build`: a batch of one or many reports, its events written as the user asked (lines, a
 * progress bar, or JSON). A run of one report keeps a single build's words, and its unexpected errors
 * are the command's own (with their stack under --debug).
 */
import type { BuildEffects } from '../pipeline.js';
import type { Emit } from './events.js';
import type { Shard } from './plan.js';
import { makeReporter } from './reporters.js';
import { runBatch, type BatchSummary } from './run-batch.js';

export interface BuildCommand {
  readonly files: readonly string[];
  /** As given: codes, or "all" among them. */
  readonly areas?: readonly string[];
  readonly shard?: Shard;
  readonly force?: boolean;
  readonly jobs: number;
  readonly roots?: readonly string[];
  readonly maxDataBytes: number;
  readonly outDir?: string;
  readonly format: 'text' | 'json';
  readonly quiet?: boolean;
}

/** `onStop` receives what a signal handler calls to say, in the run's own format, that the run stopped. */
export async function buildCommand(
  command: BuildCommand,
  effects: BuildEffects,
  onStop: (stop: (signal: string) => void) => void,
): Promise<BatchSummary> {
  const areas: readonly string[] | 'all' | undefined = command.areas?.some((code) => code.toLowerCase() === 'all')
    ? 'all'
    : command.areas;
  const single = command.files.length === 1 && areas === undefined;
  const reporter = await makeReporter({
    format: command.format,
    quiet: command.quiet,
    terminal: process.stderr.isTTY === true,
    single,
  });
  const done = { built: 0, skipped: 0 };
  const emit: Emit = (event) => {
    if (event.event === 'report-built') done.built += 1;
    if (event.event === 'report-skipped') done.skipped += 1;
    reporter.emit(event);
  };
  onStop((signal) => {
    emit({ event: 'run-stopped', signal, ...done });
    reporter.close();
  });
  const batch = {
    files: command.files,
    areas,
    shard: command.shard,
    roots: command.roots,
    maxDataBytes: command.maxDataBytes,
    outDir: command.outDir,
    force: command.force,
    concurrency: command.jobs,
    exclusive: !single,
    unexpected: single ? ('throw' as const) : ('report' as const),
  };
  const summary = await runBatch(batch, effects, emit);
  reporter.close();
  return summary;
}
