// Prints, as JSON, the codes `--area all` builds a definition for. Usage: node bench/batch-councils.mjs DEFINITION
import { planBatch } from '../dist/batch/plan.js';
import { nodeFileSystem } from '../dist/effects.js';

const plan = await planBatch({ files: [process.argv[2]], areas: 'all', roots: ['.'] }, nodeFileSystem(process.cwd()));
console.log(JSON.stringify(plan.jobs.map((job) => job.area.code)));
