/**
 * HTML -> tagged PDF in headless Chromium. The only module that imports puppeteer. The page has
 * JavaScript turned off and every request refused except inline data: URLs (fonts), so nothing in a
 * report can reach the network or the disk.
 */
import type { Browser, Page } from 'puppeteer';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { startChromium } from './start-chromium.js';

export interface Printer {
  print(html: string): Promise<Uint8Array>;
  /** SVGs as PNGs at twice their size, for slides, all on one page; `css` supplies their fonts. */
  rasterize(svgs: readonly string[], css: string): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

/** Starts the browser at once; puppeteer loads meanwhile and connects when both are ready. */
export async function launchPrinter(executablePath: string): Promise<Printer> {
  const started = startChromium(executablePath);
  started.catch(() => undefined); // reported by the await below
  const { connect } = await import('puppeteer');
  const chromium = await started.catch((error: unknown) => {
    throw new ReportError(message.browserDidNotStart(executablePath, error instanceof Error ? error.message : String(error)));
  });
  try {
    const browser = await connect({ browserWSEndpoint: chromium.endpoint, defaultViewport: null });
    return {
      print: (html) => printPage(browser, html),
      rasterize: (svgs, css) => rasterize(browser, svgs, css),
      close: async () => {
        await browser.close().catch(() => undefined);
        await chromium.stop();
      },
    };
  } catch (error) {
    await chromium.stop();
    throw error;
  }
}

async function rasterize(browser: Browser, svgs: readonly string[], css: string): Promise<Uint8Array[]> {
  if (svgs.length === 0) return [];
  const page = await browser.newPage();
  try {
    await lockDown(page);
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 2 });
    const body = svgs.map((svg) => `<div class="chart">${svg}</div>`).join('');
    await page.setContent(`<!DOCTYPE html><html><head><style>${css} body { margin: 0; background: #fff; } .chart { width: max-content; }</style></head><body>${body}</body></html>`, { waitUntil: 'load' });
    await page.evaluateHandle('document.fonts.ready');
    const elements = await page.$$('.chart > svg');
    const pngs: Uint8Array[] = [];
    for (const element of elements) pngs.push(await element.screenshot({ type: 'png' }));
    return pngs;
  } finally {
    await page.close();
  }
}

/** No JavaScript in the page, and nothing loaded but inline data: URLs. */
async function lockDown(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
}

/** One fresh page per document: reusing a page makes tagged PDFs differ between builds. */
async function printPage(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await lockDown(page);
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      outline: true,
      tagged: true,
    });
  } finally {
    await page.close();
  }
}
