/**
 * `scrutiny indicators`, run as users run it (the compiled CLI, dist/scrutiny.mjs, built by
 * `npm run build`): the indicator table for a council, as csv for Excel, json or a terminal table.
 *
 * The example: `npx scrutiny indicators --data data/dfe --area 890 --format csv` (Blackpool)
 * gives 2012-13 re-referrals 27.9% against England 24.7% and North West 26.4%, judged worse (low is
 * good), and second or subsequent plans 17.2%.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { parseCsv, REQUIRED_COLUMNS as REQUIRED } from '../support/csv-text.js';

/** The csv's records as objects keyed by the header, each checked to have as many fields as the header. */
function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  expect(header, 'a header row').toBeDefined();
  for (const record of records) expect(record, `fields of ${record.join('|')}`).toHaveLength(header!.length);
  return {
    header: header!,
    rows: records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i]!]))),
  };
}

function rowOf(rows: readonly Record<string, string>[], indicator: string, period: string): Record<string, string> {
  const found = rows.filter((row) => row.indicator === indicator && row.period === period);
  expect(found, `${indicator} ${period}`).toHaveLength(1);
  return found[0]!;
}

const BLACKPOOL = ['indicators', '--data', 'data/dfe', '--area', '890'];
let blackpoolCsv: ReturnType<typeof runCli> | undefined;
/** Blackpool's csv, run once for the tests that read it. */
const runBlackpoolCsv = () => (blackpoolCsv ??= runCli([...BLACKPOOL, '--format', 'csv']));

describe('scrutiny indicators --data data/dfe --area 890 (Blackpool)', () => {
  it("csv: the issue's figures for 2012-13, every required column, exit 0", async () => {
    const result = await runBlackpoolCsv();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { header, rows } = csvObjects(result.stdout);
    expect(header).toEqual(expect.arrayContaining(REQUIRED));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => `${row.area_code} ${row.area_name}`))).toEqual(new Set(['890 Blackpool']));

    expect(rowOf(rows, 'rereferrals_percent', '2012-13')).toMatchObject({
      area_code: '890',
      area_name: 'Blackpool',
      value: '27.9',
      england: '24.7',
      region_name: 'North West',
      region: '26.4',
      judgement: 'worse',
    });
    expect(rowOf(rows, 'cpp_subsequent_percent', '2012-13')).toMatchObject({ area_code: '890', value: '17.2' });
  });

  it('csv: a ranked low-is-good figure has a rank within its count and a quartile A-D; no polarity, no rank', async () => {
    const { rows } = csvObjects((await runBlackpoolCsv()).stdout);
    const rereferrals = rowOf(rows, 'rereferrals_percent', '2012-13');
    const rank = Number(rereferrals.rank);
    expect(Number.isInteger(rank) && rank >= 1).toBe(true);
    expect(rank).toBeLessThanOrEqual(Number(rereferrals.out_of));
    expect(['A', 'B', 'C', 'D']).toContain(rereferrals.quartile);
    for (const row of rows.filter((r) => r.indicator === 'referrals_rate')) {
      expect(row.rank).toBe('');
      expect(row.quartile).toBe('');
      if (row.judgement !== '') expect(['higher', 'lower', 'similar']).toContain(row.judgement);
    }
  });

  it('json: parses, for Blackpool', async () => {
    const result = await runCli([...BLACKPOOL, '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      comparators: { council: { code: string; name: string }; region: { name: string } };
    };
    expect(json.comparators.council.code).toBe('890');
    expect(json.comparators.council.name).toBe('Blackpool');
    expect(json.comparators.region.name).toBe('North West');
  });

  it("table: a header line with the columns, a rule, and Blackpool's rows", async () => {
    const result = await runCli([...BLACKPOOL, '--format', 'table']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual([
      'indicator',
      'area_name',
      'period',
      'value',
      'england',
      'region',
      'neighbours',
      'rank',
      'quartile',
      'judgement',
    ]);
    expect(lines[1]).toMatch(/^-+( +-+){9}$/);
    expect(lines.find((line) => line.startsWith('rereferrals_percent') && line.includes('2012-13'))).toMatch(
      /Blackpool\s+2012-13\s+27\.9\s+24\.7\s+26\.4\s.*worse$/,
    );
  });

  it('table is the default format', async () => {
    const result = await runCli(BLACKPOOL);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^indicator\s+area_name\s+period\s+value/);
  });
});

describe('scrutiny indicators: problems the user can fix', () => {
  it('an unknown area code: exit 2, nothing on stdout, one sentence naming the code', async () => {
    const result = await runCli(['indicators', '--data', 'data/dfe', '--area', '999', '--format', 'csv']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const problems = result.stderr.trim().split('\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('999');
    expect(problems[0]).toMatch(/\.$/);
    expect(problems[0]).not.toMatch(/Unexpected error|at .*\.(m?js|ts):\d+/);
  });

  it('an unknown --area code does not send the user to a report definition they did not give', async () => {
    const result = await runCli(['indicators', '--data', 'data/dfe', '--area', '999', '--format', 'csv']);
    expect(result.stderr).not.toContain('report definition');
    expect(result.stderr).toContain('three-digit DfE code');
  });

  it('a data folder that does not exist: exit 2, one sentence naming the folder', async () => {
    const result = await runCli(['indicators', '--data', 'nowhere', '--area', '890', '--format', 'csv']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const problems = result.stderr.trim().split('\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('nowhere');
    expect(problems[0]).toMatch(/\.$/);
  });

  it('piped into a reader that stops early (| head -2) exits quietly', async () => {
    const { execFile } = await import('node:child_process');
    const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      const child = execFile(
        'bash',
        [
          '-c',
          `set -o pipefail; node ${JSON.stringify(join(ROOT, 'dist/scrutiny.mjs'))} indicators --data data/dfe --format csv | head -2`,
        ],
        { cwd: ROOT },
        (error, stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('an unknown format: exit 2', async () => {
    const result = await runCli([...BLACKPOOL, '--format', 'xlsx']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('xlsx');
  });
});

describe('scrutiny indicators report.config.yaml (the shipped example, no --data)', () => {
  it("lists repeat_plans for Walsall, with the council's own April to August 2016 figure of 8.5%", async () => {
    const result = await runCli(['indicators', 'report.config.yaml', '--format', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { header, rows } = csvObjects(result.stdout);
    expect(header).toEqual(expect.arrayContaining(REQUIRED));
    expect(new Set(rows.map((row) => row.indicator))).toEqual(new Set(['repeat_plans']));
    expect(new Set(rows.map((row) => `${row.area_code} ${row.area_name}`))).toEqual(new Set(['335 Walsall']));
    expect(rows.map((row) => row.period)).toEqual(['2012-13', '2013-14', '2014-15', '2015-16', 'April to August 2016']);
    expect(rowOf(rows, 'repeat_plans', 'April to August 2016')).toMatchObject({
      value: '8.5',
      numerator: '22',
      denominator: '259',
    });
    // Walsall's published figures (seeds/003, data/dfe/README.md)
    expect(rows.map((row) => row.value)).toEqual(['10.4', '13.8', '13.3', '17.2', '8.5']);
    expect(rowOf(rows, 'repeat_plans', '2015-16')).toMatchObject({ england: '17.9', region_name: 'West Midlands' });
  });
});
