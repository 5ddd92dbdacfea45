#!/usr/bin/env node
/**
 * The command line: the only file that calls process.exit.
 *
 * Exit codes: 0 built; 2 a problem the user can fix (the definition, the data, a template, no browser),
 * each reported as one sentence naming the file and place; 1 anything else (a bug: run with --debug).
 */
import { Command, CommanderError, Option } from 'commander';
import { relative } from 'node:path';
import { isReportError } from './diagnostics/report-error.js';
import { TOOL_VERSION } from './version.js';
import { findBrowser } from './pdf/find-browser.js';
import type { Printer } from './pdf/print.js';
import type { BuildEffects } from './pipeline.js';

// The command runs from a bundle; with --debug, show stacks in the TypeScript sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

const program = new Command()
  .name('scrutiny')
  .description("Build committee reports on children's social care as accessible PDF and HTML.")
  .version(TOOL_VERSION)
  .showHelpAfterError()
  .exitOverride();

program
  .command('build')
  .description('Build a report: writes <slug>.pdf and its HTML twin <slug>.html.')
  .argument('[definition]', 'the report definition', 'report.config.yaml')
  .option('--out <dir>', "the output folder (default: the definition's output.folder, normally output/)")
  .option('--quiet', 'print nothing but problems')
  .option('--debug', 'print the stack of an unexpected error')
  .action(async (file: string, options: PrintingOptions) => {
    await withPrinter(options, async (effects, log, seconds) => {
      const { buildReport } = await import('./pipeline.js');
      const result = await buildReport({ file, outDir: options.out }, effects);
      for (const path of result.written) log(`Wrote ${relative(process.cwd(), path) || path}`);
      log(`Built "${result.definition.report.title}" in ${seconds()} s.`);
    });
  });

program
  .command('pack')
  .description("Build a meeting's agenda reports pack (public) and members' pack from an agenda file, and each report's own PDF and HTML.")
  .argument('[agenda]', 'the agenda', 'agenda.yaml')
  .option('--out <dir>', "the output folder for the packs (default: the agenda's output.folder)")
  .option('--quiet', 'print nothing but problems')
  .option('--debug', 'print the stack of an unexpected error')
  .action(async (file: string, options: PrintingOptions) => {
    await withPrinter(options, async (effects, log, seconds) => {
      const { buildPack } = await import('./pack/build-pack.js');
      const result = await buildPack({ file, outDir: options.out }, effects);
      for (const path of result.written) log(`Wrote ${relative(process.cwd(), path) || path}`);
      log(`Built the public pack (${result.pages.public} pages) and the members' pack (${result.pages.members} pages) in ${seconds()} s.`);
    });
  });

program
  .command('indicators')
  .description('Print the indicator table: every figure with its comparators, rank, quartile and judgement.')
  .argument('[definition]', "a report definition: its indicators for its council (default: the built-in library over --data)")
  .option('--data <folder>', 'a folder of DfE open-data files: list the whole built-in library from it (default data/dfe)')
  .option('--area <code...>', "councils' three-digit DfE codes (default: the report's council, or every council)")
  .addOption(new Option('--format <format>', 'csv for Excel, json, or a table for the terminal').choices(['csv', 'json', 'table']).default('table'))
  .action(async (file: string | undefined, options: { data?: string; area?: string[]; format: 'csv' | 'json' | 'table' }) => {
    const [{ listIndicators }, { nodeEffects }] = await Promise.all([import('./list-indicators.js'), import('./effects.js')]);
    const effects = nodeEffects({ cwd: process.cwd(), printer: () => Promise.reject(new Error('no printing here')), log: () => undefined });
    process.stdout.write(await listIndicators({ file, data: options.data, areas: options.area ?? [], format: options.format }, effects));
  });

interface PrintingOptions {
  readonly out?: string;
  readonly quiet?: boolean;
}

/**
 * Runs a command that prints: the browser starts first, before the pipeline's libraries load (the two
 * take about as long), and is closed however the command ends.
 */
async function withPrinter(
  options: PrintingOptions,
  run: (effects: BuildEffects, log: (line: string) => void, seconds: () => string) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const printers = printerPool();
  printers.warm();
  try {
    const { nodeEffects } = await import('./effects.js');
    const log = options.quiet ? () => undefined : (line: string) => console.log(line);
    const effects = nodeEffects({ cwd: process.cwd(), printer: printers.get, log, env: process.env });
    await run(effects, log, () => ((performance.now() - started) / 1000).toFixed(1));
  } finally {
    await printers.close();
  }
}

/** One browser for the command, launched early from the environment's setting and reused if it fits. */
function printerPool() {
  let launched: { path: string; printer: Promise<Printer> } | undefined;
  const launch = (path: string) => {
    const printer = import('./pdf/print.js').then(({ launchPrinter }) => launchPrinter(path));
    printer.catch(() => undefined); // a failed early launch is reported when the printer is used
    launched = { path, printer };
    return printer;
  };
  const settings = { env: process.env, platform: process.platform };
  return {
    warm() {
      try {
        launch(findBrowser(settings));
      } catch {
        // No browser found yet: the report's own setting may name one; the build reports it if not.
      }
    },
    async get(configured: string | undefined): Promise<Printer> {
      const path = findBrowser({ ...settings, configured });
      if (launched?.path === path) return launched.printer;
      await launched?.printer.then((p) => p.close()).catch(() => undefined);
      return launch(path);
    },
    async close() {
      await launched?.printer.then((p) => p.close()).catch(() => undefined);
    },
  };
}

// A reader that stops early (scrutiny indicators | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // commander has already printed its help, version or usage message.
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  if (isReportError(error)) {
    for (const problem of error.problems) console.error(problem);
    process.exit(error.exitCode);
  }
  console.error(error instanceof Error ? `Unexpected error: ${error.message}` : error);
  if (process.argv.includes('--debug') && error instanceof Error) console.error(error.stack);
  else console.error('Run again with --debug to see where it happened.');
  process.exit(1);
}
