// The floors' browser, launched the plain puppeteer way (what a build cannot beat), and one print.
import { launch } from 'puppeteer';

export function launchFloorBrowser() {
  return launch({
    executablePath: process.env.SCRUTINY_BROWSER ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--font-render-hinting=none',
      '--no-sandbox',
    ],
  });
}

/** HTML -> PDF bytes in a fresh page, as a build prints. */
export async function printFloor(browser, html) {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  await page.close();
  return pdf;
}
