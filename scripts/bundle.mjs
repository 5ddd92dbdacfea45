// Bundles the compiled CLI (dist/cli.js) and its libraries into dist/scrutiny.mjs, which the `scrutiny`
// command runs, and the chunks beside it that only some commands load (each import() in the code is
// a chunk's start: the preview server, init, Vega in the main thread, pdf-lib for a PDF not as
// Chromium writes it...). A cold start then parses a few files instead of about 1,500 small modules
// (about a tenth of a cold build), and not the code it does not run (a build: 4% less again).
// puppeteer-core, which only printing needs, is bundled apart into dist/puppeteer-core.mjs and loaded
// when the browser starts: a third of the time of loading its 600 modules, and no cost to a command
// that prints nothing.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// The last build's bundles and chunks go first: a chunk left behind would count in the tool's fingerprint.
for (const file of readdirSync('dist')) if (/\.mjs(\.map)?$/.test(file)) rmSync(`dist/${file}`);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS libraries (exceljs, ws) call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __scrutinyRequire } from 'node:module'; const require = __scrutinyRequire(import.meta.url);",
  },
};

/** Imports of puppeteer-core stay imports, of the file bundled beside the CLI. */
const printingApart = {
  name: 'puppeteer-core apart',
  setup(build) {
    build.onResolve({ filter: /^puppeteer-core$/ }, () => ({ path: './puppeteer-core.mjs', external: true }));
  },
};

await build({
  ...common,
  entryPoints: { scrutiny: 'dist/cli.js' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  // Beside the entry, so that a path made from import.meta.url (the templates, the chart thread) is the same.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  plugins: [printingApart],
});
// Charts are drawn in a thread of their own (src/charts/draw-svg.ts), which runs this bundle.
await build({ ...common, entryPoints: ['dist/charts/chart-worker.js'], outfile: 'dist/chart-worker.mjs' });
await build({
  ...common,
  stdin: { contents: "export { connect } from 'puppeteer-core';", resolveDir: '.', sourcefile: 'puppeteer-core.js' },
  outfile: 'dist/puppeteer-core.mjs',
  // Only the Chrome DevTools protocol is spoken (src/pdf/pipe-transport.ts): WebDriver BiDi stays out.
  external: ['chromium-bidi', 'chromium-bidi/*'],
});
