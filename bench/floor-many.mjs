// The floor for a batch: start Node, launch the browser as bench/floor.mjs does, print each HTML file
// in turn in a fresh page, exit. Usage: node bench/floor-many.mjs OUT_DIR file.html ...
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launchFloorBrowser, printFloor } from './floor-browser.mjs';

const [out, ...files] = process.argv.slice(2);
const browser = await launchFloorBrowser();
for (const file of files)
  writeFileSync(join(out, `${basename(file, '.html')}.pdf`), await printFloor(browser, readFileSync(file, 'utf8')));
await browser.close();
