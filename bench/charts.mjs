// Rendering each chart preset of the example report to SVG, warm (the same process, after one
// untimed round): the median time per chart. Usage: node bench/charts.mjs [RUNS]  (after npm run build)
import { readFileSync } from 'node:fs';
import { nodeEffects } from '../dist/effects.js';
import { readReportDefinition } from '../dist/pipeline.js';
import { readData } from '../dist/tables/read-data.js';
import { computeIndicators, nationalFilesNeeded } from '../dist/indicators/compute.js';
import { parseChartTheme } from '../dist/charts/theme.js';
import { renderCharts } from '../dist/charts/render-charts.js';

const runs = Number(process.argv[2] ?? 20);
const effects = nodeEffects({
  cwd: process.cwd(),
  printer: () => Promise.reject(new Error('no printing')),
  log: () => undefined,
});
const definition = await readReportDefinition('report.config.yaml', effects);
const data = await readData(
  {
    nationalDir: definition.data.nationalDir,
    nationalFiles: nationalFilesNeeded(definition.indicators, definition.data.neighbours.model),
    local: definition.data.local,
  },
  effects,
);
const set = computeIndicators({
  council: definition.area,
  ...definition.data,
  indicators: definition.indicators,
  national: data.national,
  local: data.local,
});
const theme = parseChartTheme('templates/chart-theme.json', readFileSync('templates/chart-theme.json', 'utf8'));

const presets = [
  { chart: 'trend', diagram: definition.diagrams[0] },
  { chart: 'neighbours', diagram: definition.diagrams[1] },
  { chart: 'benchmark', diagram: definition.diagrams[2] },
  {
    chart: 'breakdown',
    diagram: { ...definition.diagrams[1], id: 'breakdown', chart: 'breakdown', series: ['council', 'england'] },
  },
  { chart: 'monthly', diagram: { ...definition.diagrams[0], id: 'monthly', chart: 'monthly', target: 10 } },
];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const { chart, diagram } of presets) {
  await renderCharts([diagram], set, theme, 'report.config.yaml'); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await renderCharts([diagram], set, theme, 'report.config.yaml');
    times.push(Number(process.hrtime.bigint() - started) / 1e6 / 2); // each diagram renders twice: in the document and standalone
  }
  console.log(
    `${chart.padEnd(10)} median ${median(times).toFixed(1)} ms per chart (of ${runs}; min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})   target: under 50 ms`,
  );
}
