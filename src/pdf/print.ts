/**
 * HTML -> tagged PDF in headless Chromium. The only module that imports puppeteer. The page has
 * JavaScript turned off and every request refused except inline data: URLs (fonts), so nothing in a
 * report can reach the network or the disk.
 */
import type { Browser } from 'puppeteer';

export interface Printer {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--font-render-hinting=none',
];

export async function launchPrinter(executablePath: string): Promise<Printer> {
  const { launch } = await import('puppeteer');
  // Chromium refuses to run its sandbox as root (as in CI containers).
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await launch({
    executablePath,
    headless: true,
    args: asRoot ? [...CHROMIUM_ARGS, '--no-sandbox'] : CHROMIUM_ARGS,
  });
  return { print: (html) => printPage(browser, html), close: () => browser.close() };
}

/** One fresh page per document: reusing a page makes tagged PDFs differ between builds. */
async function printPage(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
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
