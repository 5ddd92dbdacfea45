/**
 * The browser that prints connects nowhere. A listener on 127.0.0.1 counts TCP connections (not HTTP
 * requests: a preconnect opens a socket and sends nothing) while documents that try every way of
 * reaching it are printed, directly through the printer (markup the HTML policy would refuse first)
 * and through the CLI (markup a layout may hold, which the content policy and the browser stop).
 */
import { createServer, type Server } from 'node:net';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { launchPrinter, type Printer } from '../../src/pdf/print.js';
import { isReportError } from '../../src/diagnostics/report-error.js';
import * as message from '../../src/diagnostics/messages.js';
import { pdfText, ROOT, runCli, tempDir } from '../support/cli.js';

let server: Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every way a document can reach a host: each names the listener by address and by name. */
const reaching = (host: string) => [
  `<link rel="preconnect" href="http://${host}:${port}">`,
  `<link rel="dns-prefetch" href="http://${host}:${port}">`,
  `<link rel="prefetch" href="http://${host}:${port}/prefetch">`,
  `<link rel="stylesheet" href="http://${host}:${port}/s.css">`,
  `<style>@import url(http://${host}:${port}/i.css); body { background: url(http://${host}:${port}/b.png); } @font-face { font-family: x; src: url(http://${host}:${port}/f.woff2); } p { font-family: x; }</style>`,
  `<iframe src="http://${host}:${port}/frame"></iframe>`,
  `<iframe srcdoc="<img src=http://${host}:${port}/srcdoc>"></iframe>`,
  `<img src="http://${host}:${port}/img" srcset="http://${host}:${port}/2x.png 2x">`,
  `<video poster="http://${host}:${port}/poster"></video><audio src="http://${host}:${port}/a.mp3"></audio>`,
  `<svg><image href="http://${host}:${port}/svg.png"/></svg>`,
  `<object data="http://${host}:${port}/object"></object><embed src="http://${host}:${port}/embed">`,
  `<a href="http://${host}:${port}/link" ping="http://${host}:${port}/ping">a link</a>`,
  `<form action="http://${host}:${port}/form"><input type="image" src="http://${host}:${port}/input"></form>`,
];

describe('the printing browser', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await launchPrinter(findBrowser({ env: process.env, platform: process.platform }), { timeoutMs: 30_000 });
  });
  afterAll(() => printer.close());

  it('opens no TCP connection for any of a document’s ways of loading, by address or by name', async () => {
    const before = connections;
    const html = `<!DOCTYPE html><html><head>${reaching('127.0.0.1').join('')}${reaching('localhost').join('')}</head><body><p>Printed.</p></body></html>`;
    const pdf = await printer.print(html);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a late preconnect would land by now
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(connections - before).toBe(0);
  });

  it('opens no TCP connection while drawing SVGs that point outside to PNG', async () => {
    const before = connections;
    const inside = ['127.0.0.1', 'localhost']
      .map(
        (host) =>
          `<style>@import url(http://${host}:${port}/i.css); @font-face { font-family: x; src: url(http://${host}:${port}/f.woff2); } text { font-family: x; }</style>` +
          `<image href="http://${host}:${port}/svg.png" width="10" height="10"/><text y="20">x</text>`,
      )
      .join('');
    const [png] = await printer.rasterize(
      [`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">${inside}</svg>`],
      `@font-face { font-family: y; src: url(http://127.0.0.1:${port}/css.woff2); }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(Buffer.from(png!).subarray(1, 4).toString()).toBe('PNG');
    expect(connections - before).toBe(0);
  });

  it('never prints the page a redirect leads to, and connects nowhere', async () => {
    const before = connections;
    const html = `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/refresh"></head><body><p>The original page</p></body></html>`;
    const outcome = await printer.print(html).then(
      (pdf) => pdf,
      (e: unknown) => e,
    );
    // Refused once the page has gone elsewhere, or printed before the redirect fired: never the other page.
    if (outcome instanceof Uint8Array) {
      const file = join(tempDir(), 'redirect.pdf');
      writeFileSync(file, outcome);
      expect(await pdfText(file)).toContain('The original page');
    } else {
      expect(isReportError(outcome) && outcome.problems).toEqual([message.documentNavigated()]);
    }
    expect(connections - before).toBe(0);
    // The printer is still good for the next document.
    expect((await printer.print('<p>next</p>')).length).toBeGreaterThan(0);
  });
});

describe('a build whose templates try to reach the network', () => {
  const build = async (tags: readonly string[]) => {
    const dir = tempDir();
    for (const part of ['data', 'templates', 'report.config.yaml'])
      cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    const layout = readFileSync(join(ROOT, 'templates/layout.hbs'), 'utf8').replace(
      '</head>',
      `${tags.join('')}</head>`,
    );
    writeFileSync(join(dir, 'templates/layout.hbs'), layout);
    const before = connections;
    const result = await runCli(['build', '--quiet'], { cwd: dir });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return { dir, result, connections: connections - before };
  };

  it('is refused for each way it would load a file, naming the layout, and connects nowhere', async () => {
    // Pictures, styles, media and an image button that load: the content policy would stop them, and the
    // paper would be printed without them, unsaid. (Frames, objects and links are refused as elements.)
    const loading = reaching('127.0.0.1').filter((tag) => /^<(style|img|video|svg|form)\b/.test(tag));
    expect(loading).toHaveLength(5);
    for (const tag of loading) {
      const { dir, result, connections: made } = await build([tag]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^templates\/layout\.hbs, line \d+: the report may not hold a (file|style that) load/,
      );
      expect(existsSync(join(dir, 'output'))).toBe(false);
      expect(made).toBe(0);
    }
  });

  it('builds with a link that would ping, and no connection reaches the listener', async () => {
    const kept = reaching('127.0.0.1').filter((tag) => /^<a\b/.test(tag));
    expect(kept).toHaveLength(1);
    const { dir, result, connections: made } = await build(kept);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'output/walsall-repeat-child-protection-plans.html'), 'utf8');
    // The twin keeps the council's markup, under a policy that comes first in its head.
    expect(html).toContain(`http://127.0.0.1:${port}/ping`);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf(`127.0.0.1:${port}`));
    expect(made).toBe(0);
  });
});
