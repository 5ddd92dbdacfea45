/** Sentences about the browser and writing the report. */
import { firstLine } from './words.js';

export const noBrowser = () =>
  'No Chrome, Chromium or Edge browser was found to print the PDF; install one (on Debian: apt-get install chromium) ' +
  'or give its path with --browser or the SCRUTINY_BROWSER environment variable.';

export const browserDidNotStart = (path: string, detail: string) =>
  `The browser "${path}" did not start (${firstLine(detail)}); check that it runs, or name another with --browser or SCRUTINY_BROWSER.`;

export const browserTimedOut = (seconds: number) =>
  `The browser did not finish within ${seconds} s, so it was stopped and nothing was written; if the report is very long, allow more time with --timeout SECONDS.`;

export const badSourceDateEpoch = (value: string) =>
  `SOURCE_DATE_EPOCH is "${value}", not a whole number of seconds since 1 January 1970 (at most 253402300799, the end of 9999); set it to one, or unset it to date the report from its data.`;

export const browserCrashed = () =>
  'The browser stopped while printing, twice (the second time in a fresh browser), so nothing was written; check that the machine has memory to spare, or name another browser with --browser.';

export const stoppedBySignal = (signal: string, finished = 0) =>
  finished === 0
    ? `Stopped by ${signal}: nothing was written, and any previous report is as it was.`
    : `Stopped by ${signal}: the ${finished === 1 ? 'report' : `${finished} reports`} finished before it ${finished === 1 ? 'is' : 'are'} written in full; nothing of those still being built was written, and their previous reports are as they were.`;

export const outputFolderBusy = (dir: string, holder: { pid: number; host: string; started: string } | undefined) =>
  `${dir}: another scrutiny run is building into this folder${holder ? ` (process ${holder.pid} on ${holder.host}, started ${holder.started})` : ''}, so this run stops before building anything there; run again when it has finished. A lock left by a run that died is taken over by the next run (at once on the same machine, otherwise after 30 s).`;

export const batchSummary = (run: { built: number; skipped: number; failed: number; seconds: number }) => {
  const all = run.built + run.skipped + run.failed;
  return `${all} ${all === 1 ? 'report' : 'reports'} in ${run.seconds.toFixed(1)} s: ${run.built} built, ${run.skipped} unchanged, ${run.failed} failed.`;
};

export const unchangedReport = () =>
  'unchanged since its last build (the same definition, templates, data and tool, and its files as written), so left as it is; --force builds it again';

export const duplicateReport = (slug: string, dir: string, first: string) =>
  `${first} also writes "${slug}" into ${dir}; give each report its own slug (for a batch, put {{area.slug}} in report.slug).`;

export const cannotWriteOutput = (dir: string, detail: string) =>
  `${dir}: the report cannot be written there (${firstLine(detail)}); choose another folder with --out.`;

export const browserNotExecutable = (path: string, from: string) =>
  `The browser "${path}" given in ${from} does not exist or cannot be run.`;

export const previousManifestUnreadable = (path: string, detail: string) =>
  `Warning: ${path} was not read (${firstLine(detail)}), so this build is not compared with the previous one; it is replaced by this build's manifest.`;

export const revisionDrafted = (date: string, text: string) =>
  `Revision note drafted from the changes (keep it by copying it into revision.text, or write your own): "Revised on ${date}: ${text}"`;

export const noManifest = (path: string) =>
  `${path}: there is no build here to compare; name a build's output folder or its <slug>.manifest.json.`;

export const severalManifests = (path: string, slugs: readonly string[]) =>
  `${path} holds the builds of several reports (${slugs.join(', ')}); name one report's <slug>.manifest.json.`;

export const manifestUnreadable = (path: string, detail: string) => `${path}: ${firstLine(detail)}.`;

export const validated = (file: string, errors: number, warnings: number, seconds: string) =>
  errors === 0
    ? `${file}: no problems found${warnings > 0 ? ` (${warnings} ${warnings === 1 ? 'warning' : 'warnings'})` : ''}, checked in ${seconds} s.`
    : `${file}: ${errors} ${errors === 1 ? 'problem' : 'problems'} to fix${warnings > 0 ? ` and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}, checked in ${seconds} s.`;

export const notCompared = () =>
  'This build was not compared with an earlier one: the output folder held no manifest of an earlier build that could be read. Use scrutiny diff with a copy of the earlier build to see what changed.';
