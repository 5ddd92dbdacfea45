/**
 * HTML -> tagged PDF in headless Chromium. The only module, with pages.ts, that speaks to puppeteer.
 *
 * Each document is printed in a page under one content policy, whatever its layout says (the policy is
 * its first element): no script, nothing loaded but the data: URLs it carries (fonts, logo), no frames,
 * no forms; every request but data: is refused, and a page that navigates away is not printed. The browser itself can reach no host (start-chromium.ts). Every call is bounded in time:
 * a browser that hangs is stopped, one that dies is reported as such.
 */
import type { Browser } from 'puppeteer-core';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { BrowserGoneError } from './browser-gone.js';
import { renumberNodeIds } from './node-ids.js';
import { pagesOf, showDocument, stayingPut, type Pages } from './pages.js';
import { pipeTransport } from './pipe-transport.js';
import { startChromium } from './start-chromium.js';

export interface Printer {
  print(html: string): Promise<Uint8Array>;
  /**
   * SVGs as PNGs at twice their size, for slides and the Word twin, all on one page; `css` supplies their
   * fonts. Undefined for an SVG that cannot be drawn.
   */
  rasterize(svgs: readonly string[], css: string): Promise<(Uint8Array | undefined)[]>;
  close(): Promise<void>;
}

export interface PrinterOptions {
  /** How long one print (or one start) may take before the browser is stopped. */
  readonly timeoutMs: number;
}

export async function launchPrinter(executablePath: string, options: PrinterOptions): Promise<Printer> {
  const chromium = startChromium(executablePath);
  let gone = false;
  void chromium.exited.then(() => (gone = true));
  const failedStart = (detail: string) => new ReportError(message.browserDidNotStart(executablePath, detail));
  const { connect } = await import('puppeteer-core');
  let browser: Browser;
  try {
    browser = await within(
      options.timeoutMs,
      Promise.race([
        connect({
          transport: pipeTransport(chromium.input, chromium.output),
          defaultViewport: null,
          protocolTimeout: options.timeoutMs,
        }),
        chromium.exited.then(() =>
          Promise.reject(failedStart(`it stopped at once${chromium.lastWords() ? `: ${chromium.lastWords()}` : ''}`)),
        ),
      ]),
    );
  } catch (error) {
    await chromium.kill();
    if (error instanceof ReportError) throw error;
    throw failedStart(
      error instanceof TimedOutError
        ? `no answer within ${options.timeoutMs / 1000} s`
        : error instanceof Error
          ? error.message
          : String(error),
    );
  }

  browser.on('disconnected', () => (gone = true));
  // Set when the browser stopped answering and was ended for it: the other calls it was doing report the
  // same, rather than being tried again in a fresh browser as after a crash.
  let timedOut = false;
  const stoppedAnswering = () => new ReportError(message.browserTimedOut(options.timeoutMs / 1000));

  /** One use of the browser, bounded in time; a browser that ends meanwhile is a BrowserGoneError. */
  const use = async <T>(work: () => Promise<T>): Promise<T> => {
    if (timedOut) throw stoppedAnswering();
    if (gone) throw new BrowserGoneError();
    try {
      return await within(
        options.timeoutMs,
        Promise.race([work(), chromium.exited.then(() => Promise.reject(new BrowserGoneError()))]),
      );
    } catch (error) {
      if (error instanceof TimedOutError || timedOut) {
        timedOut = gone = true; // it no longer answers: end it now rather than ask it to close
        await chromium.kill();
        throw stoppedAnswering();
      }
      if (error instanceof ReportError) throw error;
      // The pipe can close (and puppeteer say "Target closed") a moment before the process is seen to exit.
      if (!gone) await within(1_000, chromium.exited).catch(() => undefined);
      if (timedOut) throw stoppedAnswering();
      if (gone) throw new BrowserGoneError();
      throw error;
    }
  };

  const pages = pagesOf(browser);
  return {
    print: (html) => use(() => printPage(pages, html, options.timeoutMs)),
    rasterize: (svgs, css) => use(() => rasterize(pages, svgs, css, options.timeoutMs)),
    close: async () => {
      if (!gone) await within(2_000, browser.close()).catch(() => undefined);
      await chromium.stop();
    },
  };
}

/**
 * Nothing of the last document a page showed outlives it (no script ever runs, nothing is loaded but the
 * document's own data: URLs); the ids Chromium numbers its tags with run on from it, and are renumbered
 * here (node-ids.ts), so the print is the same bytes whatever the page or its renderer process printed
 * before or beside it.
 */
async function printPage(pages: Pages, html: string, timeoutMs: number): Promise<Uint8Array> {
  const page = await pages.take();
  let ok = false;
  try {
    await showDocument(page, html, timeoutMs);
    const pdf = await stayingPut(page, () =>
      page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: false,
        outline: true,
        tagged: true,
        timeout: timeoutMs,
      }),
    );
    ok = true;
    return renumberNodeIds(pdf);
  } finally {
    await pages.give(page, { ok, html });
  }
}

/**
 * Each SVG drawn as an image onto a canvas at twice its size, with the fonts inside it: an SVG shown as
 * an image loads nothing and runs nothing, and drawing it costs no screenshot (a compositor round trip).
 */
async function rasterize(
  pages: Pages,
  svgs: readonly string[],
  css: string,
  timeoutMs: number,
): Promise<(Uint8Array | undefined)[]> {
  if (svgs.length === 0) return [];
  const page = await pages.take();
  let ok = false;
  try {
    await showDocument(page, CANVAS, timeoutMs);
    // Each SVG cut after its opening tag, where the page puts the fonts: sent once, not once a chart.
    const parts = svgs.map((svg) => {
      const at = /<svg\b[^>]*>/.exec(svg);
      const cut = at ? at.index + at[0].length : 0;
      return [svg.slice(0, cut), svg.slice(cut)] as const;
    });
    const encoded = await stayingPut(page, () => page.evaluate(drawAll, parts, `<style>${css}</style>`));
    ok = true;
    return encoded.map((png) => (png ? Buffer.from(png, 'base64') : undefined));
  } finally {
    await pages.give(page, { ok, html: CANVAS });
  }
}

const CANVAS = '<!DOCTYPE html><html><body></body></html>';

/**
 * Runs in the page: each SVG, with the fonts put after its opening tag, as a base64 PNG at twice its size
 * (less for a drawing too big for a canvas: at most 16 million pixels); '' for one that cannot be drawn.
 */
async function drawAll(svgs: (readonly [string, string])[], fonts: string): Promise<string[]> {
  const style = encodeURIComponent(fonts);
  const pngs: string[] = [];
  for (const [open, rest] of svgs) {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(open)}${style}${encodeURIComponent(rest)}`;
    const drawn = await image.decode().then(
      () => true,
      () => false,
    );
    const [width, height] = drawn ? [image.naturalWidth, image.naturalHeight] : [0, 0];
    const scale = Math.min(2, Math.sqrt(16e6 / (width * height)), 8192 / Math.max(width, height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) {
      pngs.push('');
      continue;
    }
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    pngs.push(canvas.toDataURL('image/png').slice('data:image/png;base64,'.length));
  }
  return pngs;
}

class TimedOutError extends Error {}

/** The promise, or a TimedOutError once `ms` have passed. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOutError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
