// The floor a build cannot beat: start Node, launch the same browser the same way, print the same
// HTML to PDF, exit. Usage: node bench/floor.mjs <report.html> <out.pdf>
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from 'puppeteer';

const [html, out] = process.argv.slice(2);
const browser = await launch({
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
const page = await browser.newPage();
await page.setContent(readFileSync(html, 'utf8'), { waitUntil: 'load' });
writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }));
await browser.close();
