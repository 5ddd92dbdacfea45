/**
 * Every council's figure, recomputed from its counts, against the figure DfE published beside them,
 * for every council and year in the national files. Suppressed values aside, all must match exactly
 * (including 0% where the numerator is 0 and the denominator is suppressed: "c" is never 0).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/diagnostics/report-error.js';
import { builtInLibrary } from '../../src/indicators/library.js';
import { computeNationalFigures } from '../../src/indicators/national-figures.js';
import { indexNational } from '../../src/indicators/national.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { requireColumn } from '../../src/tables/read-table.js';
import { textOf } from '../../src/tables/values.js';

const library = builtInLibrary();
const tables = new Map<string, ReturnType<typeof readCsv>>();
const table = (file: string) => {
  if (!tables.has(file)) tables.set(file, readCsv(`data/dfe/${file}`, readFileSync(`data/dfe/${file}`, 'utf8')));
  return tables.get(file)!;
};

describe.each(['rereferrals_percent', 'cpp_subsequent_percent', 'cpp_2yrs_percent', 'cla_rate'])('%s', (id) => {
  it('matches every published council figure exactly', () => {
    const indicator = library[id]!;
    const figures = computeNationalFigures(indicator, { table, populationYearOffset: 1, problems: new ProblemList() });
    const source = table(indicator.source.file);
    const index = indexNational(source, indicator.source.where);
    const published = requireColumn(source, indicator.source.published!);

    let checked = 0;
    const mismatches: string[] = [];
    for (const code of figures.councils.keys()) {
      for (const year of figures.years) {
        const row = index.find('Local authority', code, year);
        const text = row ? textOf(row.values[published] ?? null).trim() : '';
        if (!row || !/^\d+(\.\d+)?$/.test(text)) continue; // suppressed or absent
        checked += 1;
        const mine = figures.council(code, year).value;
        if (mine !== Number(text)) mismatches.push(`${code} ${year}: published ${text}, computed ${mine}`);
      }
    }
    console.log(`${id}: ${checked} published council figures checked, ${checked - mismatches.length} matched`);
    expect(checked).toBeGreaterThan(700);
    expect(mismatches).toEqual([]);
  });
});
