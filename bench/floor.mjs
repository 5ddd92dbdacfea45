// The floor a build cannot beat: start Node, launch the same browser the same way, print the same
// HTML to PDF, exit. Usage: node bench/floor.mjs <report.html> <out.pdf>
import { readFileSync, writeFileSync } from 'node:fs';
import { launchFloorBrowser, printFloor } from './floor-browser.mjs';

const [html, out] = process.argv.slice(2);
const browser = await launchFloorBrowser();
writeFileSync(out, await printFloor(browser, readFileSync(html, 'utf8')));
await browser.close();
