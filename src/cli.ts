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
import * as message from './diagnostics/messages.js';
import { DEFAULT_DATA_FILE_LIMIT } from './files/limits.js';
import { abandonStaged } from './files/write-output.js';
import { printerPool } from './pdf/printer-pool.js';
import { availableParallelism } from 'node:os';
import { TOOL_VERSION } from './version.js';
import type { BuildEffects } from './pipeline.js';
import type { Shard } from './batch/plan.js';
import { portNumber, positiveInteger, positiveNumber, shardArgument } from './cli-arguments.js';

// The command runs from a bundle; with --debug, show stacks in the TypeScript sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

const program = new Command()
  .name('scrutiny')
  .description("Build committee reports on children's social care as accessible PDF and HTML.")
  .version(TOOL_VERSION)
  .showHelpAfterError('Run scrutiny --help, or scrutiny <command> --help, for the options.')
  .exitOverride();

const MB = 1024 * 1024;
const DEFAULT_TIMEOUT_S = 120;

/** Options every command that reads a definition shares. */
function withReading(command: Command): Command {
  return command
    .option(
      '--root <dir>',
      'another folder the definition may read from, as often as needed (default: only its own folder and below)',
      (dir: string, dirs: string[] = []) => [...dirs, dir],
    )
    .addOption(
      new Option('--max-data-mb <mb>', 'the largest csv file, or workbook once unpacked, to read')
        .argParser(positiveNumber)
        .default(DEFAULT_DATA_FILE_LIMIT / MB),
    );
}

/** Options every command that prints shares. */
function withPrinting(command: Command): Command {
  return withReading(command)
    .option('--out <dir>', "the output folder (default: the definition's output.folder, normally output/)")
    .option(
      '--browser <path>',
      'the Chrome, Chromium or Edge to print with (default: SCRUTINY_BROWSER, then the usual places)',
    )
    .addOption(
      new Option('--timeout <seconds>', 'how long the browser may take over one print before it is stopped')
        .argParser(positiveNumber)
        .default(DEFAULT_TIMEOUT_S),
    )
    .option('--quiet', 'print nothing but problems')
    .option('--debug', 'print the stack of an unexpected error');
}

withPrinting(
  program
    .command('build')
    .description(
      "Build reports: each definition's <slug>.pdf and HTML twin <slug>.html. Several definitions, or one for many councils (--area), build in one run; a report whose inputs have not changed since its last build is left as it is.",
    )
    .argument('[definitions...]', 'report definitions', ['report.config.yaml'])
    .option(
      '--area <code...>',
      'build each definition for these councils (three-digit DfE codes) instead of its own, or for every council: --area all',
    )
    .option('--force', 'build even the reports whose inputs have not changed since their last build')
    .addOption(
      // Twice the cores: while one report waits for its print, another's figures and charts are worked out.
      new Option('--jobs <n>', 'how many reports to build at once')
        .argParser(positiveInteger)
        .default(2 * availableParallelism(), 'twice the number of cores'),
    )
    .addOption(
      new Option(
        '--shard <k/n>',
        'build only the k-th of n equal parts of the reports (for a CI matrix or indexed job)',
      ).argParser(shardArgument),
    )
    .addOption(
      new Option('--log <format>', 'text, or json: one JSON object per event on stdout, for schedulers')
        .choices(['text', 'json'])
        .default('text'),
    ),
).action(async (files: string[], options: BuildCommandOptions) => {
  await withPrinter(options, async (effects) => {
    const { buildCommand } = await import('./batch/build-command.js');
    const request = { files, areas: options.area, shard: options.shard, force: options.force, jobs: options.jobs };
    const reading = { roots: options.root, maxDataBytes: options.maxDataMb * MB, outDir: options.out };
    const logging = { format: options.log, quiet: options.quiet };
    const summary = await buildCommand({ ...request, ...reading, ...logging }, effects, (stop) => (stopReport = stop));
    if (summary.failed > 0) process.exitCode = summary.unexpected > 0 ? 1 : 2;
  });
});

withPrinting(
  program
    .command('pack')
    .description(
      "Build a meeting's agenda reports pack (public) and members' pack from an agenda file, and each report's own PDF and HTML.",
    )
    .argument('[agenda]', 'the agenda', 'agenda.yaml'),
).action(async (file: string, options: PrintingOptions) => {
  await withPrinter(options, async (effects, log, seconds) => {
    const { buildPack } = await import('./pack/build-pack.js');
    const result = await buildPack(
      { file, outDir: options.out, roots: options.root, maxDataBytes: options.maxDataMb * MB },
      effects,
    );
    for (const path of result.written) log(`Wrote ${relative(process.cwd(), path) || path}`);
    log(
      `Built the public pack (${result.pages.public} pages) and the members' pack (${result.pages.members} pages) in ${seconds()} s.`,
    );
  });
});

withReading(
  program
    .command('indicators')
    .description('Print the indicator table: every figure with its comparators, rank, quartile and judgement.')
    .argument(
      '[definition]',
      'a report definition: its indicators for its council (default: the built-in library over --data)',
    )
    .option(
      '--data <folder>',
      'a folder of DfE open-data files: list the whole built-in library from it (default data/dfe)',
    )
    .option('--area <code...>', "councils' three-digit DfE codes (default: the report's council, or every council)")
    .addOption(
      new Option('--format <format>', 'csv for Excel, json, or a table for the terminal')
        .choices(['csv', 'json', 'table'])
        .default('table'),
    ),
).action(
  async (
    file: string | undefined,
    options: ReadingOptions & { data?: string; area?: string[]; format: 'csv' | 'json' | 'table' },
  ) => {
    const [{ listIndicators }, { nodeEffects }] = await Promise.all([
      import('./list-indicators.js'),
      import('./effects.js'),
    ]);
    const effects = nodeEffects({
      cwd: process.cwd(),
      printer: () => Promise.reject(new Error('no printing here')),
      log: () => undefined,
    });
    const listing = {
      file,
      data: options.data,
      areas: options.area ?? [],
      format: options.format,
      roots: options.root,
      maxDataBytes: options.maxDataMb * MB,
    };
    process.stdout.write(await listIndicators(listing, effects));
  },
);

withReading(
  program
    .command('validate')
    .description(
      'Check a report definition or an agenda, its data, templates and charts, as a build would, without printing or writing anything.',
    )
    .argument('[definition]', 'a report definition or an agenda', 'report.config.yaml')
    .addOption(
      new Option('--format <format>', 'text for people, json for editors and CI')
        .choices(['text', 'json'])
        .default('text'),
    ),
).action(async (file: string, options: ReadingOptions & { format: 'text' | 'json' }) => {
  const started = performance.now();
  const [{ validate }, { nodeEffects }] = await Promise.all([import('./validate.js'), import('./effects.js')]);
  const effects = nodeEffects({
    cwd: process.cwd(),
    printer: () => Promise.reject(new Error('no printing here')),
    log: () => undefined,
  });
  const result = await validate({ file, roots: options.root, maxDataBytes: options.maxDataMb * MB }, effects);
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (options.format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ file, kind: result.kind, ok: errors.length === 0, problems: result.problems }, null, 2)}\n`,
    );
  } else {
    for (const problem of result.problems) console.log(problem.message);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(message.validated(file, errors.length, result.problems.length - errors.length, seconds));
  }
  if (errors.length > 0) process.exitCode = 2;
});

program
  .command('diff')
  .description('Say what changed between two builds of a report: each an output folder or a <slug>.manifest.json.')
  .argument('<old>', 'the earlier build')
  .argument('<new>', 'the later build')
  .addOption(
    new Option('--format <format>', 'text, an html page like <slug>.changes.html, or json')
      .choices(['text', 'html', 'json'])
      .default('text'),
  )
  .action(async (before: string, after: string, options: { format: 'text' | 'html' | 'json' }) => {
    const [{ diffBuilds }, { nodeFileSystem }] = await Promise.all([
      import('./changes/diff-builds.js'),
      import('./effects.js'),
    ]);
    const fs = nodeFileSystem(process.cwd());
    const { resolve } = await import('node:path');
    process.stdout.write(await diffBuilds(resolve(before), resolve(after), fs, options.format));
  });

withReading(
  program
    .command('preview')
    .description(
      'Show the report on a page at 127.0.0.1, rebuilt each time the definition, a template or a data file is saved.',
    )
    .argument('[definition]', 'the report definition', 'report.config.yaml')
    .addOption(new Option('--port <port>', 'the port to serve on (default: a free one)').argParser(portNumber)),
).action(async (file: string, options: ReadingOptions & { port?: number }) => {
  const [{ startPreview }, { nodeEffects }] = await Promise.all([
    import('./preview/server.js'),
    import('./effects.js'),
  ]);
  const effects = nodeEffects({
    cwd: process.cwd(),
    printer: () => Promise.reject(new Error('no printing here')),
    log: () => undefined,
  });
  const preview = await startPreview(
    { file, roots: options.root, maxDataBytes: options.maxDataMb * MB, port: options.port },
    effects,
  );
  running = preview;
  preview.onBuild((outcome) =>
    console.log(
      outcome.ok
        ? `Rebuilt in ${Math.round(outcome.ms)} ms.`
        : `${outcome.problems.length} ${outcome.problems.length === 1 ? 'problem' : 'problems'}; the page shows the last good version:\n${outcome.problems.map((p) => `  ${p.message}`).join('\n')}`,
    ),
  );
  console.log(`Preview of ${file} at ${preview.url} (Ctrl-C to stop).`);
  await new Promise(() => undefined); // until a signal stops it
});

program
  .command('init')
  .description(
    "Start a new report for a council: a report definition with its name, region and statistical neighbours from DfE's data, section templates and a data-entry workbook, ready to build.",
  )
  .argument('[folder]', 'the folder to write into (default: a new folder named after the council and the kind)')
  .requiredOption('--area <code>', "the council's three-digit DfE code, for example 888 (or its name)")
  .addOption(
    new Option('--kind <kind>', 'a scrutiny paper, an indicators overview or a monthly update')
      .choices(['paper', 'overview', 'monthly'])
      .default('paper'),
  )
  .option('--data <folder>', 'the folder of DfE open-data files (default data/dfe)')
  .action(
    async (
      folder: string | undefined,
      options: { area: string; kind: 'paper' | 'overview' | 'monthly'; data?: string },
    ) => {
      const [{ initProject }, { nextSteps }, { nodeFileSystem }] = await Promise.all([
        import('./init/init-project.js'),
        import('./init/next-steps.js'),
        import('./effects.js'),
      ]);
      const cwd = process.cwd();
      const result = await initProject(
        { area: options.area, kind: options.kind, data: options.data, folder },
        nodeFileSystem(cwd),
      );
      for (const line of nextSteps(result, options.kind, cwd)) console.log(line);
    },
  );

interface ReadingOptions {
  readonly root?: string[];
  readonly maxDataMb: number;
}

interface PrintingOptions extends ReadingOptions {
  readonly out?: string;
  readonly browser?: string;
  readonly timeout: number;
  readonly quiet?: boolean;
}

interface BuildCommandOptions extends PrintingOptions {
  readonly area?: string[];
  readonly force?: boolean;
  readonly jobs: number;
  readonly shard?: Shard;
  readonly log: 'text' | 'json';
}

/** What the running command must close when a signal stops it: its browser, or a preview's server. */
let running: { close(): Promise<unknown> } | undefined;
/** How a batch says it was stopped (in its own log format, counting the reports it finished). */
let stopReport: ((signal: string) => void) | undefined;

/**
 * Runs a command that prints: the browser starts first, before the pipeline's libraries load (the two
 * take about as long), and is closed however the command ends.
 */
async function withPrinter(
  options: PrintingOptions,
  run: (effects: BuildEffects, log: (line: string) => void, seconds: () => string) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const printers = printerPool(
    { configured: options.browser, env: process.env, platform: process.platform },
    { timeoutMs: options.timeout * 1000 },
  );
  running = printers;
  printers.warm();
  try {
    const { nodeEffects } = await import('./effects.js');
    const log = options.quiet ? () => undefined : (line: string) => console.log(line);
    const effects = nodeEffects({ cwd: process.cwd(), printer: printers.get, log, env: process.env });
    await run(effects, log, () => ((performance.now() - started) / 1000).toFixed(1));
  } finally {
    running = undefined;
    await printers.close();
  }
}

/**
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP stop the build: the browser and its helpers end, staged files are
 * removed, and the exit code says which signal (128 + its number), with one line on stderr.
 */
const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
for (const [signal, code] of Object.entries(SIGNALS)) {
  process.on(signal, () => {
    if (stopping) process.exit(code); // a second signal: leave at once
    stopping = true;
    if (stopReport) stopReport(signal);
    else console.error(message.stoppedBySignal(signal));
    abandonStaged();
    const closing = running?.close() ?? Promise.resolve();
    void Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 3_000))]).finally(() =>
      process.exit(code),
    );
  });
}
let stopping = false;

// A reader that stops early (scrutiny indicators | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
  // Done: leave once what was written has reached stdout, rather than wait on a library's timer (a
  // browser that never started leaves the protocol client's timeouts running for --timeout seconds).
  process.stdout.write('', () => process.exit(process.exitCode ?? 0));
} catch (error) {
  if (stopping) await new Promise(() => undefined); // a signal handler is ending the command, with its own code
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
