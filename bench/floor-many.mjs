// The floor for a batch: start Node, launch the browser as bench/floor.mjs does, print each HTML file
// in turn in a fresh page, exit. Usage: node bench/floor-many.mjs OUT_DIR file.html ...
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launch } from 'puppeteer';

const [out, ...files] = process.argv.slice(2);
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
for (const file of files) {
  const page = await browser.newPage();
  await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  writeFileSync(join(out, `${basename(file, '.html')}.pdf`), pdf);
  await page.close();
}
await browser.close();
