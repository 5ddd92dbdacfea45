/**
 * The preview in a real browser: the page shows the report; saving the definition, or a cell of the
 * workbook, changes what the page shows; a broken save shows the problem at its place with the last
 * good version still beneath it. And the server answers nothing but its own page.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { launch, type Browser, type Frame, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeEffects } from '../../src/effects.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { startPreview, type Preview } from '../../src/preview/server.js';
import { ROOT, tempDir } from '../support/cli.js';

let dir: string;
let preview: Preview;
let browser: Browser;
let page: Page;
let lastBuild = Date.now();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** No build for a while: an editor's (or exceljs's) several writes of one save have all been built. */
async function settled(): Promise<void> {
  while (Date.now() - lastBuild < 400) await pause(50);
}

/** What the page's report frame shows, once it shows what the test waits for. */
async function reportShows(
  test: (seen: { h1: string; main: string }) => boolean,
): Promise<{ h1: string; main: string }> {
  for (;;) {
    const version = await currentVersion();
    const frame = page.frames().find((f) => f.url().endsWith(`/report?v=${version}`));
    try {
      const seen = frame && {
        h1: await frame.$eval('h1', (h) => h.textContent ?? ''),
        main: await frame.$eval('main', (m) => m.textContent ?? ''),
      };
      if (seen && test(seen)) return seen;
    } catch {
      // the frame moved on to a newer build meanwhile
    }
    await pause(20);
  }
}

beforeAll(async () => {
  dir = tempDir();
  for (const part of ['report.config.yaml', 'templates', 'data'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  const effects = nodeEffects({
    cwd: dir,
    printer: () => Promise.reject(new Error('no printing')),
    log: () => undefined,
  });
  preview = await startPreview({ file: 'report.config.yaml' }, effects);
  preview.onBuild(() => (lastBuild = Date.now()));
  browser = await launch({
    executablePath: findBrowser({ env: process.env, platform: process.platform }),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
  await page.goto(preview.url, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

/** The report's frame, once it has loaded the given build. */
async function reportFrame(version: number): Promise<Frame> {
  await page.waitForFunction((v) => document.getElementById('status')?.dataset.version === String(v), {}, version);
  // The status says a build is in; the frame then navigates to it.
  for (;;) {
    const frame = page.frames().find((f) => f.url().endsWith(`/report?v=${version}`));
    if (frame && (await frame.$('h1').catch(() => null))) return frame;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const currentVersion = () => page.$eval('#status', (status) => Number((status as HTMLElement).dataset.version));

describe('scrutiny preview', () => {
  it('shows the report as built', async () => {
    const frame = await reportFrame(await currentVersion());
    expect(await frame.$eval('h1', (h) => h.textContent)).toBe(
      'Children who become subject to a Child Protection Plan for a second or subsequent time',
    );
  });

  it('shows a saved change to the definition', async () => {
    await settled();
    const yaml = join(dir, 'report.config.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^  title: .*$/m, '  title: Repeat plans, as corrected'));
    const seen = await reportShows(
      ({ h1 }) => h1 !== 'Children who become subject to a Child Protection Plan for a second or subsequent time',
    );
    expect(seen.h1).toBe('Repeat plans, as corrected');
  });

  it('shows a saved change to a data cell', async () => {
    await settled();
    const book = new ExcelJS.Workbook();
    const workbook = join(dir, 'data/walsall-local.xlsx');
    await book.xlsx.readFile(workbook);
    book.getWorksheet('Repeat plans')!.getCell('D2').value = 25; // 22 -> 25 second plans of 259
    await book.xlsx.writeFile(workbook);
    const expected = `${(Math.round((25 / 259) * 1000) / 10).toFixed(1)}%`;
    const seen = await reportShows(({ main }) => main.includes(`to ${expected} in`));
    expect(seen.main).not.toContain('to 8.5% in');
  });

  it('shows a broken save at its place, with the last good version beneath', async () => {
    await settled();
    const version = await currentVersion();
    const yaml = join(dir, 'report.config.yaml');
    const text = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, text.replace(/^report:\n/m, 'report:\n  colour: red\n')); // no such key
    await page.waitForFunction(() => (document.getElementById('problems')?.children.length ?? 0) > 0);
    const problems = await page.$$eval('#problems li', (items) => items.map((item) => item.textContent ?? ''));
    expect(problems.some((problem) => /^report\.config\.yaml, line \d+, column \d+: /.test(problem))).toBe(true);
    // The last good build is still shown.
    expect(await currentVersion()).toBe(version);
    const frame = await reportFrame(version);
    expect(await frame.$eval('h1', (h) => h.textContent)).toBe('Repeat plans, as corrected');
    // Put right, it builds again and the problems go.
    writeFileSync(yaml, text);
    await reportFrame(version + 1);
    await settled();
    expect(await page.$$eval('#problems li', (items) => items.length)).toBe(0);
  });

  it('runs no script in the report, and answers only its own address', async () => {
    const frame = await reportFrame(await currentVersion());
    // A sandboxed frame without allow-scripts: the report's document has an opaque origin.
    expect(await page.$eval('#report', (f) => f.getAttribute('sandbox'))).toBe('');
    expect(frame.url()).toMatch(/\/report\?v=\d+$/);
    const port = new URL(preview.url).port;
    const status = (path: string, host: string, method = 'GET') =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('/', `127.0.0.1:${port}`)).toBe(200);
    expect(await status('/', `attacker.example:${port}`)).toBe(421);
    expect(await status('/report', 'localhost')).toBe(421);
    expect(await status('/data/walsall-local.xlsx', `127.0.0.1:${port}`)).toBe(404);
    expect(await status('/../report.config.yaml', `127.0.0.1:${port}`)).toBe(404);
    expect(await status('/', `127.0.0.1:${port}`, 'POST')).toBe(405);
  });
});

describe('scrutiny preview from the command line', () => {
  it('prints its address, serves there, and stops cleanly on Ctrl-C', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('node', [join(ROOT, 'dist/scrutiny.mjs'), 'preview', 'report.config.yaml', '--root', '.'], {
      cwd: ROOT,
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C to stop\)/.exec(out);
        if (found) resolve(found[1]!);
      });
      child.on('exit', () => reject(new Error(`preview ended: ${out}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<iframe id="report"');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    await expect(fetch(url)).rejects.toThrow();
  });
});
