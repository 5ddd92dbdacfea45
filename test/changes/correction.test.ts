/**
 * An officer corrects one cell of the example workbook and rebuilds: the change report must name
 * exactly the figure that moved, the sentences that quote it and the diagram that draws it, and
 * nothing else. The expected figure is worked out here from the two counts; the expected sentences
 * are those of the first build that quote the old figure or the old count.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument, PDFHexString, PDFName, PDFDict } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareBuilds } from '../../src/changes/compare.js';
import { parseManifest, type Manifest } from '../../src/changes/manifest.js';
import { buildReport, type OutputFile } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects, type MemoryEffects } from '../support/memory-effects.js';

const DEFINITION = join(ROOT, 'report.config.yaml');
const WORKBOOK = join(ROOT, 'data/walsall-local.xlsx');
const SLUG = 'walsall-repeat-child-protection-plans';
const OUTPUT = join(ROOT, 'output');

function fileOf(effects: MemoryEffects, name: string): OutputFile {
  const file = effects.written.flatMap((group) => group.files).find((f) => f.name === name);
  if (!file) throw new Error(`${name} was not written`);
  return file;
}

function manifestOf(effects: MemoryEffects): Manifest {
  const parsed = parseManifest(String(fileOf(effects, `${SLUG}.manifest.json`).content));
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}

/** The example workbook with one cell changed, as Excel would save it. */
async function corrected(cell: string, value: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(WORKBOOK);
  book.getWorksheet('Repeat plans')!.getCell(cell).value = value;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Builds the report over an earlier build's manifest (as if it were in the output folder). */
async function rebuild(previous: Manifest | undefined, workbook?: Uint8Array, definition?: string) {
  const effects = memoryEffects();
  if (previous) effects.overrides.set(join(OUTPUT, `${SLUG}.manifest.json`), JSON.stringify(previous));
  if (workbook) effects.overrides.set(WORKBOOK, workbook);
  if (definition) effects.overrides.set(DEFINITION, definition);
  const lines: string[] = [];
  const logged = { ...effects, log: (line: string) => lines.push(line) };
  await buildReport({ file: DEFINITION }, logged);
  return { effects, manifest: manifestOf(effects), lines };
}

describe('the manifest', () => {
  let first: Awaited<ReturnType<typeof rebuild>>;
  beforeAll(async () => {
    first = await rebuild(undefined);
  });

  it('lists every file read with the sha256 of its bytes, and the as-at date of the council’s own data', () => {
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    const inputs = new Map(first.manifest.inputs.map((input) => [input.file, input]));
    expect(inputs.get('data/walsall-local.xlsx')).toEqual({
      file: 'data/walsall-local.xlsx',
      sha256: sha(WORKBOOK),
      asAt: '2016-09-05',
    });
    expect(inputs.get('report.config.yaml')?.sha256).toBe(sha(DEFINITION));
    expect(inputs.get('data/dfe/d3_cpps_subsequent_plan_2013_to_2025.csv')?.sha256).toBe(
      sha(join(ROOT, 'data/dfe/d3_cpps_subsequent_plan_2013_to_2025.csv')),
    );
    expect([...inputs.keys()]).toContain('templates/layout.hbs');
    expect([...inputs.keys()].some((file) => file.startsWith('/'))).toBe(false);
  });

  it('lists every other output with its sha256, and no earlier build means no change page', () => {
    const files = first.effects.written.flatMap((group) => group.files);
    const others = files.filter((file) => !file.name.endsWith('.manifest.json'));
    expect(first.manifest.outputs.map((o) => o.file)).toEqual(others.map((file) => file.name));
    for (const file of others) {
      const listed = first.manifest.outputs.find((o) => o.file === file.name)!;
      expect(listed.sha256).toBe(createHash('sha256').update(file.content).digest('hex'));
    }
    expect(files.some((file) => file.name.endsWith('.changes.html'))).toBe(false);
  });

  it('is the same for the same inputs, and a rebuild of them changes nothing', async () => {
    const again = await rebuild(first.manifest);
    expect(again.manifest).toEqual(first.manifest);
    expect(again.lines).toContain(
      'Since the previous build: 0 figures changed, 0 paragraphs changed, 0 diagrams with changed data, pages 1 -> 1.',
    );
  });

  describe('after correcting the count of second plans in April to August 2016 (cell D2) from 22 to 25', () => {
    let second: Awaited<ReturnType<typeof rebuild>>;
    const before = (22 / 259) * 100;
    const after = (25 / 259) * 100;
    const shown = (value: number) => `${(Math.round(value * 10) / 10).toFixed(1)}%`;
    beforeAll(async () => {
      second = await rebuild(first.manifest, await corrected('D2', 25));
    });

    it('finds that one figure changed, with the cell it comes from', () => {
      const changes = compareBuilds(first.manifest, second.manifest);
      expect(changes.figures).toHaveLength(1);
      const [figure] = changes.figures;
      expect(figure!.old?.value).toBe(shown(before));
      expect(figure!.new).toMatchObject({
        area: 'Walsall',
        period: 'April to August 2016',
        value: shown(after),
        source: "data/walsall-local.xlsx, sheet 'Repeat plans', cell D2",
      });
    });

    it('finds exactly the paragraphs that quote the old figure or count, and the diagram that draws it', () => {
      const quoting = first.manifest.content.paragraphs.filter(
        (p) => p.text.includes(shown(before)) || /\b22 of the 259\b/.test(p.text),
      );
      expect(quoting.length).toBeGreaterThan(0);
      const changes = compareBuilds(first.manifest, second.manifest);
      expect(changes.paragraphs.map((c) => c.old?.place)).toEqual(quoting.map((p) => p.place));
      for (const change of changes.paragraphs) {
        expect(change.new!.text).toBe(
          change.old!.text.replaceAll(shown(before), shown(after)).replace('22 of the 259', '25 of the 259'),
        );
      }
      // Only the trend diagram draws the part year; the other two show 2015-16.
      expect(changes.charts.map((c) => c.new?.id)).toEqual(['repeat-plans']);
      expect(changes.inputs.map((c) => c.new?.file)).toEqual(['data/walsall-local.xlsx']);
    });

    it('writes a change page a clerk can read, and says so in one line', () => {
      const page = String(fileOf(second.effects, `${SLUG}.changes.html`).content);
      expect(page).toContain('<html lang="en-GB">');
      expect(page).toContain('data/walsall-local.xlsx, sheet &#x27;Repeat plans&#x27;, cell D2');
      expect(page).toContain(`<del>${shown(before)}</del>`);
      expect(page).toContain(`<ins>${shown(after)}</ins>`);
      expect(page).toContain('Content-Security-Policy');
      expect(page).not.toMatch(/<script/i);
      expect(second.lines).toContain(
        `Since the previous build: 1 figure changed, 2 paragraphs changed, 1 diagram with changed data, pages 1 -> 1.`,
      );
    });

    it('drafts a revision note from the changes when the definition asks for one without text', async () => {
      const yaml = readFileSync(DEFINITION, 'utf8').replace(
        /^report:\n/m,
        'report:\n  revision:\n    date: 2016-10-05\n',
      );
      const revised = await rebuild(first.manifest, await corrected('D2', 25), yaml);
      const html = String(fileOf(revised.effects, `${SLUG}.html`).content);
      const note = /<p class="revision-note">([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
      expect(note).toContain('Revised on 5 October 2016:');
      expect(note).toContain(`is now ${shown(after)} (was ${shown(before)})`);
      expect(note).toContain('paragraph 1.4');
      // The note itself is not a change: the comparison is of what the report says.
      expect(compareBuilds(second.manifest, revised.manifest).paragraphs).toEqual([]);
      expect(revised.manifest.revision?.date).toBe('2016-10-05');
      const pdf = await PDFDocument.load(fileOf(revised.effects, `${SLUG}.pdf`).content as Uint8Array);
      const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
      const stored = info.lookup(PDFName.of('Revision'), PDFHexString).decodeText();
      expect(stored).toBe(`Revised on 5 October 2016: ${revised.manifest.revision!.text}`);
      expect(pdf.getSubject()).toContain('(revised 5 October 2016)');
    });

    it("prints the officer's own revision text as written, escaped", async () => {
      const yaml = readFileSync(DEFINITION, 'utf8').replace(
        /^report:\n/m,
        'report:\n  revision:\n    date: 2016-10-05\n    text: "Paragraph 1.4 <b>corrected</b>."\n',
      );
      const revised = await rebuild(first.manifest, await corrected('D2', 25), yaml);
      const html = String(fileOf(revised.effects, `${SLUG}.html`).content);
      expect(html).toContain('Paragraph 1.4 &lt;b&gt;corrected&lt;/b&gt;.');
    });
  });

  it('warns when the layout does not show the revision note', async () => {
    const effects = memoryEffects();
    const layout = join(ROOT, 'templates/layout.hbs');
    effects.overrides.set(layout, readFileSync(layout, 'utf8').replace(/^.*revision-note.*\n/m, ''));
    effects.overrides.set(
      DEFINITION,
      readFileSync(DEFINITION, 'utf8').replace(
        /^report:\n/m,
        'report:\n  revision:\n    date: 2016-10-05\n    text: Corrected.\n',
      ),
    );
    const warnings: string[] = [];
    await buildReport({ file: DEFINITION }, { ...effects, warn: (line) => warnings.push(line) });
    expect(warnings.filter((line) => line.includes('does not show the revision note'))).toHaveLength(1);
  });

  it('replaces a change page left from an older build when there is no manifest to compare with', async () => {
    const effects = memoryEffects();
    effects.overrides.set(join(OUTPUT, `${SLUG}.changes.html`), '<p>1 figure changed</p>');
    await buildReport({ file: DEFINITION }, effects);
    const page = String(fileOf(effects, `${SLUG}.changes.html`).content);
    expect(page).toContain('This build was not compared with an earlier one');
    expect(page).not.toContain('figure changed');
  });
});
