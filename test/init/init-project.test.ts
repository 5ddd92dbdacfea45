/**
 * scrutiny init, for councils of different shapes and the three kinds of report: each new project is
 * read back with the tool's own reader and built (without a browser), and what it says about the
 * council is checked against the DfE files read here directly.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportDefinition } from '../../src/definition/read-report.js';
import type { ReportDefinition } from '../../src/definition/normalize.js';
import { nodeFileSystem } from '../../src/effects.js';
import { buildReport, type BuildResult } from '../../src/pipeline.js';
import type { InitResult } from '../../src/init/init-project.js';
import { ROOT, tempDir } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';
import {
  DFE,
  dfeCouncil,
  dfeRows,
  headers,
  init,
  neighbours2021,
  neighbours2025,
  openWorkbook,
  textOf,
} from './support.js';

interface Project {
  readonly result: InitResult;
  readonly file: string;
  readonly yaml: string;
  readonly definition: ReportDefinition;
  readonly built: BuildResult;
  readonly text: string;
}

async function project(area: string, kind: 'paper' | 'overview' | 'monthly'): Promise<Project> {
  const result = await init({ area, kind, folder: join(tempDir('scrutiny-init-'), 'report') });
  return read(result);
}

async function read(result: InitResult, file = join(result.folder, 'report.config.yaml')): Promise<Project> {
  const { definition } = await readReportDefinition(file, nodeFileSystem(ROOT), [DFE]);
  const built = await buildReport({ file, roots: [DFE] }, memoryEffects());
  return { result, file, yaml: readFileSync(file, 'utf8'), definition, built, text: textOf(built.html) };
}

/** A percentage from two counts at one decimal place, rounded half up as DfE rounds. */
const percent = (part: number, whole: number) => (Math.round((part / whole) * 1000 + 1e-9) / 10).toFixed(1);

/** The council's second or subsequent plans for a reporting year, from DfE's counts. */
function repeatPlans(code: string, year: string): string {
  const row = dfeRows('d3_cpps_subsequent_plan_2013_to_2025.csv').find(
    (r) => r.geographic_level === 'Local authority' && r.old_la_code === code && r.time_period === year,
  )!;
  return percent(Number(row.CPP_subsequent), Number(row.CPP_start));
}

/** The columns a definition's indicators read from a local source, as a sorted list. */
function columnsRead(definition: ReportDefinition, source: string): string[] {
  const keys = ['from', 'to', 'numerator', 'denominator', 'value', 'england', 'region', 'area'] as const;
  const columns = definition.indicators
    .flatMap((indicator) => (indicator.local?.source === source ? keys.map((key) => indicator.local![key]) : []))
    .filter((column): column is string => column !== undefined);
  return [...new Set(columns)].sort();
}

/** What every new project must be, whatever the council and kind. */
function checksEveryProject(get: () => Project, area: string) {
  it('names the council, its region and its statistical neighbours as the DfE files give them', () => {
    const { definition, built, yaml } = get();
    const dfe = dfeCouncil(area);
    expect(definition.area).toEqual({ code: area, name: dfe.name });
    expect(built.indicators.comparators.region.name).toBe(dfe.region);
    expect(yaml).toContain(`${dfe.name} (${area}), ${dfe.region}`);
    const expected = neighbours2025(area) ?? neighbours2021(area)!;
    expect(definition.data.neighbours.model).toBe(neighbours2025(area) ? '2025' : '2021');
    expect(built.indicators.comparators.neighbours.areas.map((a) => a.code)).toEqual(expected);
    // Listed in the definition, closest first.
    const listed = [...yaml.matchAll(/^# {3}(\d{3}) /gm)].map((m) => m[1]);
    expect(listed).toEqual(expected);
  });

  it("begins with the schema line, pointing at the tool's own schema file", () => {
    const { yaml, file } = get();
    const first = yaml.split('\n')[0]!;
    expect(first).toMatch(/^# yaml-language-server: \$schema=\S+$/);
    const target = resolve(dirname(file), first.slice(first.indexOf('=') + 1));
    expect(target).toBe(join(ROOT, 'schema/report.config.schema.json'));
    expect(existsSync(target)).toBe(true);
  });

  it('has a workbook whose sheets and header cells are exactly what the definition reads', async () => {
    const { definition } = get();
    expect(definition.data.local.length).toBeGreaterThan(0);
    for (const source of definition.data.local) {
      const workbook = await openWorkbook(source.path);
      const sheets = definition.data.local.filter((s) => s.path === source.path).map((s) => s.sheet);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Instructions', ...new Set(sheets)]);
      expect(headers(workbook.getWorksheet(source.sheet!)!).sort()).toEqual(columnsRead(definition, source.id));
    }
  });

  it('freezes the header row and validates every count and date cell, with a message saying what to type', async () => {
    const { definition } = get();
    for (const source of definition.data.local) {
      const sheet = (await openWorkbook(source.path)).getWorksheet(source.sheet!)!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const dates = definition.indicators.flatMap((i) =>
        i.local?.source === source.id ? [i.local.from, i.local.to] : [],
      );
      const counts = definition.indicators.flatMap((i) =>
        i.local?.source === source.id ? [i.local.numerator, i.local.denominator].filter(Boolean) : [],
      );
      headers(sheet).forEach((header, i) => {
        const letter = sheet.getColumn(i + 1).letter;
        for (const row of [2, 3, 400]) {
          const rule = sheet.getCell(`${letter}${row}`).dataValidation;
          const kind = dates.includes(header) ? 'date' : counts.includes(header) ? 'whole' : undefined;
          expect(kind).toBeDefined();
          expect(rule).toMatchObject({ type: kind, showErrorMessage: true, showInputMessage: true });
          expect(rule.error).toBeTruthy();
          expect(rule.prompt).toBeTruthy();
        }
      });
    }
  });

  it('explains every sheet and column on its Instructions sheet', async () => {
    const { definition } = get();
    for (const source of definition.data.local) {
      const workbook = await openWorkbook(source.path);
      const words = workbook
        .getWorksheet('Instructions')!
        .getSheetValues()
        .flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
      expect(words).toContain(`The sheet "${source.sheet}"`);
      for (const header of headers(workbook.getWorksheet(source.sheet!)!)) expect(words).toContain(header);
    }
  });

  it('builds', () => {
    expect(get().built.sections.length).toBeGreaterThan(2);
  });
}

describe('a scrutiny paper for Lancashire (888)', () => {
  let lancs: Project;
  beforeAll(async () => {
    lancs = await project('888', 'paper');
  });
  checksEveryProject(() => lancs, '888');

  it("starts with an empty row for the months since DfE's latest year, so the first build says the figure is not available", async () => {
    const { definition, text } = lancs;
    const source = definition.data.local[0]!;
    const sheet = (await openWorkbook(source.path)).getWorksheet(source.sheet!)!;
    const row = sheet.getRow(2).values as unknown[];
    // The year after the latest in DfE's file: its first six months.
    const latest = Math.max(...dfeRows('d3_cpps_subsequent_plan_2013_to_2025.csv').map((r) => Number(r.time_period)));
    expect(row.slice(1, 3)).toEqual([new Date(Date.UTC(latest, 3, 1)), new Date(Date.UTC(latest, 8, 30))]);
    expect(row.slice(3).filter((cell) => cell !== undefined && cell !== null)).toEqual([]);
    expect(text).toContain(`the figure for April to September ${latest} is not available`);
    expect(text).toContain(
      `In ${latest - 1}-${latest % 100} the percentage in Lancashire was ${repeatPlans('888', String(latest))}%`,
    );
  });

  it('states the counts once an officer types them into the workbook', async () => {
    const copy = join(tempDir('scrutiny-init-filled-'), 'report');
    cpSync(lancs.result.folder, copy, { recursive: true });
    const source = lancs.definition.data.local[0]!;
    const path = join(copy, 'data', source.file.split('/').pop()!);
    const workbook = await openWorkbook(path);
    const sheet = workbook.getWorksheet(source.sheet!)!;
    const column = (name: string) => headers(sheet).indexOf(name) + 1;
    const local = lancs.definition.indicators.find((i) => i.local)!.local!;
    sheet.getRow(2).getCell(column(local.denominator!)).value = 40;
    sheet.getRow(2).getCell(column(local.numerator!)).value = 9;
    await workbook.xlsx.writeFile(path);
    const { text } = await read({ ...lancs.result, folder: copy });
    expect(text).toContain(`to ${percent(9, 40)}% in April to September 2025`);
    expect(text).toContain(
      'Plans that started in April to September 2025: 40; of them, second or subsequent plans: 9.',
    );
    expect(text).not.toContain('is not available');
  });
});

describe('an indicators overview for Walsall (335)', () => {
  let walsall: Project;
  beforeAll(async () => {
    walsall = await project('335', 'overview');
  });
  checksEveryProject(() => walsall, '335');

  it("sums up each measure's latest figure as the DfE counts give it", () => {
    expect(walsall.text).toContain(`Second or subsequent plans: ${repeatPlans('335', '2025')}% in 2024-25`);
  });

  it('has a section and a trend for each built-in measure Walsall has figures for', () => {
    const ids = walsall.definition.indicators.map((i) => i.id);
    expect(ids).toContain('cla_rate');
    const trends = walsall.definition.diagrams.filter((d) => d.id.endsWith('-trend')).map((d) => d.indicator);
    expect(trends.sort()).toEqual(ids.filter((id) => !id.startsWith('assessment_')).sort());
  });
});

describe('a monthly update for Blackpool (890)', () => {
  let blackpool: Project;
  beforeAll(async () => {
    blackpool = await project('890', 'monthly');
  });
  checksEveryProject(() => blackpool, '890');

  it("starts its monthly series from DfE's count of children on a plan at 31 March", async () => {
    const dfe = dfeRows('d5_cpps_at31march_by_duration_2013_to_2025.csv').find(
      (r) => r.geographic_level === 'Local authority' && r.old_la_code === '890' && r.time_period === '2025',
    )!;
    const count = Number(dfe.CPP_At31);
    const source = blackpool.definition.data.local[0]!;
    const sheet = (await openWorkbook(source.path)).getWorksheet(source.sheet!)!;
    const row = sheet.getRow(2).values as unknown[];
    expect(row[headers(sheet).indexOf('Children on a plan') + 1]).toBe(count);
    expect(blackpool.text).toContain(
      `At the end of March 2025, the number of children on a child protection plan in Blackpool was ${count.toLocaleString('en-GB')}.`,
    );
  });
});

describe('councils that changed, and a very small one', () => {
  it('Bournemouth (837), abolished in 2019: the April 2021 model, and the years up to its last', async () => {
    expect(neighbours2025('837')).toBeUndefined();
    const years = dfeRows('d3_cpps_subsequent_plan_2013_to_2025.csv')
      .filter((r) => r.old_la_code === '837' && /^\d/.test(r.CPP_subsequent_percent!))
      .map((r) => Number(r.time_period));
    const last = Math.max(...years);
    const label = `${last - 1}-${String(last % 100).padStart(2, '0')}`;
    const bournemouth = await project('837', 'paper');
    expect(bournemouth.definition.data.neighbours.model).toBe('2021');
    const periods = bournemouth.built.indicators.indicators.repeat_plans!.periods.filter((p) => p.whole);
    expect(periods.at(-1)!.key).toBe(label);
    expect(bournemouth.text).toContain(`up to ${label}`);
  });

  it('City of London (201): its suppressed and zero figures read as DfE gives them', async () => {
    const city = await project('201', 'overview');
    expect(city.definition.area.name).toBe(dfeCouncil('201').name);
    expect(city.built.indicators.comparators.neighbours.areas.map((a) => a.code)).toEqual(neighbours2025('201'));
    expect(city.text).toContain('not published (suppressed)');
  });
});
