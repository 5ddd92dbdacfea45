// Writes src/charts/font-metrics.json: the advance width of every character of the bundled font's
// Latin subsets, regular and bold, so charts measure text at run time without decoding a font.
// Run after changing the font package: node scripts/write-font-metrics.mjs (a test checks it is current).
import { writeFileSync } from 'node:fs';
import { fontMetricsTable } from '../dist/charts/font-metrics-table.js';

writeFileSync(new URL('../src/charts/font-metrics.json', import.meta.url), `${JSON.stringify(fontMetricsTable())}\n`);
console.log('Wrote src/charts/font-metrics.json');
