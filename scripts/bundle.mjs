// Bundles the compiled CLI (dist/cli.js) and its libraries into one file, dist/scrutiny.mjs, which the
// `scrutiny` command runs. A cold start then parses one file instead of about 1,500 small modules,
// which saves about a tenth of a cold build. puppeteer-core, which only printing needs, is bundled
// apart into dist/puppeteer-core.mjs and loaded when the browser starts: a third of the time of
// loading its 600 modules, and no cost to a command that prints nothing.
import { build } from 'esbuild';

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

await build({ ...common, entryPoints: ['dist/cli.js'], outfile: 'dist/scrutiny.mjs', plugins: [printingApart] });
// Charts are drawn in a thread of their own (src/charts/draw-svg.ts), which runs this bundle.
await build({ ...common, entryPoints: ['dist/charts/chart-worker.js'], outfile: 'dist/chart-worker.mjs' });
await build({
  ...common,
  stdin: { contents: "export { connect } from 'puppeteer-core';", resolveDir: '.', sourcefile: 'puppeteer-core.js' },
  outfile: 'dist/puppeteer-core.mjs',
  // Only the Chrome DevTools protocol is spoken (src/pdf/pipe-transport.ts): WebDriver BiDi stays out.
  external: ['chromium-bidi', 'chromium-bidi/*'],
});
