import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCsv } from '../../src/tables/read-csv.js';
import { computeIndicators, POPULATION_FILE } from '../../src/indicators/compute.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import { NEIGHBOUR_FILES } from '../../src/indicators/neighbours.js';

const library = builtInLibrary();
const files = [NEIGHBOUR_FILES['2021'], NEIGHBOUR_FILES['2025'], POPULATION_FILE, library.cpp_subsequent_percent!.source.file, library.cpp_rate!.source.file];
const national = new Map(files.map((f) => [f, readCsv(`data/dfe/${f}`, readFileSync(`data/dfe/${f}`, 'utf8'))]));

describe('Walsall', () => {
  it('x', () => {
    const set = computeIndicators({
      council: { code: '335', name: 'Walsall' },
      neighbours: { model: '2021', average: 'mean' },
      populationYearOffset: 1,
      indicators: [{ id: 'r', base: 'cpp_subsequent_percent', ...library.cpp_subsequent_percent! , from: 2013, to: 2016}, { id: 'c', base: 'cpp_rate', ...library.cpp_rate! }],
      national,
      local: new Map(),
    });
    console.log(JSON.stringify(set.comparators), JSON.stringify(set.indicators.r!.series, null, 0));
    console.log(JSON.stringify(set.indicators.c!.series.england.figures['2024-25']));
  });
});
