/**
 * Where a batch's events go. On a terminal, a progress bar with counts and time left (cli-progress),
 * with problems printed above it; in a log file or a pipe, a line per report; with --log json, one JSON
 * object per event on stdout (pino), for schedulers and log collectors. A run of one report reads as a
 * single build always has: what it wrote, and "Built ... in N s."
 */
import * as message from '../diagnostics/messages.js';
import type { BatchEvent } from './events.js';

export interface Reporter {
  readonly emit: (event: BatchEvent) => void;
  /** Ends the bar, if there is one, before the command's last words. */
  readonly close: () => void;
}

export interface ReporterOptions {
  readonly format: 'text' | 'json';
  readonly quiet?: boolean;
  /** Whether stderr is a terminal that a bar may redraw. */
  readonly terminal: boolean;
  /** How many reports the run builds: one, or many. */
  readonly single: boolean;
}

export async function makeReporter(options: ReporterOptions): Promise<Reporter> {
  if (options.format === 'json') return jsonReporter();
  if (!options.single && options.terminal && !options.quiet) return progressReporter();
  return lineReporter(options);
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Plain lines: every problem and warning on stderr, and unless --quiet, what was built. */
function lineReporter({ quiet, single }: ReporterOptions): Reporter {
  const say = quiet ? () => undefined : out;
  return {
    emit(event) {
      switch (event.event) {
        case 'report-failed':
          for (const problem of event.problems) err(single ? problem : named(event.report, problem));
          return;
        case 'report-warning':
          return err(single ? event.text : named(event.report, event.text));
        case 'report-note':
          if (single) say(event.text);
          return;
        case 'report-skipped':
          return say(`${single ? event.file : event.report}: ${event.reason}.`);
        case 'report-built':
          if (single) {
            for (const path of event.written) say(`Wrote ${path}`);
            return say(`Built "${event.title}" in ${event.seconds.toFixed(1)} s.`);
          }
          return say(`Built ${event.report} in ${event.seconds.toFixed(1)} s.`);
        case 'run-finished':
          if (!single) say(message.batchSummary(event));
          return;
        case 'run-stopped':
          return err(message.stoppedBySignal(event.signal, event.built));
        default:
          return;
      }
    },
    close: () => undefined,
  };
}

/** One JSON object per event, each with its time, on stdout; problems stay in their event. */
async function jsonReporter(): Promise<Reporter> {
  // pino is CommonJS: its exports are its default (the names Node reads out of a CommonJS module are
  // not there when it is a chunk of the bundle).
  const pino = (await import('pino')).default;
  const logger = pino(
    { timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    pino.destination({ dest: 1, sync: true }),
  );
  return {
    emit(event) {
      const level = event.event === 'report-failed' ? 'error' : event.event === 'report-warning' ? 'warn' : 'info';
      logger[level](event, summaryOf(event));
    },
    close: () => logger.flush(),
  };
}

/** A bar on stderr: reports done of all, built, skipped and failed, and time left; problems above it. */
async function progressReporter(): Promise<Reporter> {
  const { MultiBar, Presets } = (await import('cli-progress')).default; // CommonJS, as pino is
  const bars = new MultiBar(
    {
      format:
        ' {bar} {value}/{total} reports | {built} built, {skipped} unchanged, {failed} failed | {eta_formatted} left',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  const counts = { built: 0, skipped: 0, failed: 0 };
  let bar: ReturnType<typeof bars.create> | undefined;
  const above = (line: string) => (bar ? bars.log(`${line}\n`) : err(line));
  return {
    emit(event) {
      switch (event.event) {
        case 'run-started':
          bar = bars.create(event.reports, 0, counts);
          return;
        case 'report-failed':
          counts.failed += 1;
          for (const problem of event.problems) above(named(event.report, problem));
          return bar?.increment(1, counts);
        case 'report-warning':
          return above(named(event.report, event.text));
        case 'report-skipped':
          counts.skipped += 1;
          return bar?.increment(1, counts);
        case 'report-built':
          counts.built += 1;
          return bar?.increment(1, counts);
        case 'run-stopped':
          bars.stop();
          bar = undefined;
          return err(message.stoppedBySignal(event.signal, event.built));
        case 'run-finished':
          bars.stop();
          bar = undefined;
          return out(message.batchSummary(event));
        default:
          return;
      }
    },
    close: () => bars.stop(),
  };
}

/** A problem under its report's name, unless it names the report's file already (a definition that cannot be read). */
function named(report: string, text: string): string {
  return text.startsWith(report) ? text : `${report}: ${text}`;
}

/** The "msg" of a JSON line: the event in words. */
function summaryOf(event: BatchEvent): string {
  switch (event.event) {
    case 'run-started':
      return `Building ${event.reports} ${event.reports === 1 ? 'report' : 'reports'}${event.shard ? ` (part ${event.shard} of ${event.total})` : ''}`;
    case 'report-started':
      return `Building ${event.report}`;
    case 'report-built':
      return `Built ${event.report} in ${event.seconds.toFixed(1)} s`;
    case 'report-skipped':
      return `Skipped ${event.report}: ${event.reason}`;
    case 'report-failed':
      return `${event.report} failed: ${event.problems[0] ?? ''}`;
    case 'report-note':
    case 'report-warning':
      return event.text;
    case 'run-stopped':
      return message.stoppedBySignal(event.signal, event.built);
    case 'run-finished':
      return message.batchSummary(event);
  }
}
