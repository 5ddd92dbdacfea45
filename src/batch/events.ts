/**
 * What a batch says as it goes: one event per report started, built, skipped or failed, and one for the
 * run. The terminal (progress.ts), JSON lines for schedulers and log collectors (json-log.ts) and plain
 * lines all write these, and nothing else.
 */
export type BatchEvent =
  | { readonly event: 'run-started'; readonly reports: number; readonly total: number; readonly shard?: string }
  | { readonly event: 'report-started'; readonly report: string; readonly file: string; readonly area?: string }
  | {
      readonly event: 'report-built';
      readonly report: string;
      readonly file: string;
      readonly title: string;
      readonly seconds: number;
      readonly written: readonly string[];
    }
  | { readonly event: 'report-skipped'; readonly report: string; readonly file: string; readonly reason: string }
  | {
      readonly event: 'report-failed';
      readonly report: string;
      readonly file: string;
      readonly seconds: number;
      readonly problems: readonly string[];
    }
  /** A line a build logs (what changed since the previous build, a drafted revision note). */
  | { readonly event: 'report-note'; readonly report: string; readonly text: string }
  /** What a build says but does not refuse. */
  | { readonly event: 'report-warning'; readonly report: string; readonly text: string }
  /** A signal stopped the run: reports being built were not written. */
  | { readonly event: 'run-stopped'; readonly signal: string; readonly built: number; readonly skipped: number }
  | {
      readonly event: 'run-finished';
      readonly built: number;
      readonly skipped: number;
      readonly failed: number;
      readonly seconds: number;
    };

export type Emit = (event: BatchEvent) => void;
