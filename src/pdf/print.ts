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
  /** An SVG as a PNG at twice its size, for slides; `css` supplies its fonts. */
  rasterize(svg: string, css: string): Promise<Uint8Array>;
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
      rasterize: (svg, css) => rasterize(browser, svg, css),
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

async function rasterize(browser: Browser, svg: string, css: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await lockDown(page);
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 2 });
    await page.setContent(`<!DOCTYPE html><html><head><style>${css} body { margin: 0; background: #fff; }</style></head><body>${svg}</body></html>`, { waitUntil: 'load' });
    await page.evaluateHandle('document.fonts.ready');
    const element = await page.$('svg');
    if (!element) throw new Error('no chart to draw');
    return await element.screenshot({ type: 'png' });
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
