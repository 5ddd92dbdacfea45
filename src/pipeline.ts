/**
 * buildReport(): one report definition -> PDF, HTML twin, indicator JSON and standalone charts.
 *
 *   report.config.yaml ─► definition ─► tables ─► indicators ─► charts ─┐
 *   data/*.xlsx|csv ──────────────────────┘                    narrative ─┴─► document (HTML) ─► pdf
 *
 * Stages take what they work on as arguments; the report's files, the printer and the log arrive as
 * effects, so tests can run a build without a browser or the disk (the tool's own fonts and indicator
 * library are read from the package). Nothing is written until everything has succeeded; each file is
 * then written in full and renamed into place, so the previous good report is never lost.
 */
import { dirname, join, resolve } from 'node:path';
import { renderCharts, type RenderedDiagram } from './charts/render-charts.js';
import { parseChartTheme } from './charts/theme.js';
import { normalizeDefinition, type ReportDefinition } from './definition/normalize.js';
import { readDefinition } from './definition/read-definition.js';
import { ReportError } from './diagnostics/report-error.js';
import { describeRefusal, FileRefusedError } from './files/read-file.js';
import * as message from './diagnostics/messages.js';
import { assembleDocument, headingText, numberSections } from './document/assemble.js';
import { fontFaceCss } from './document/fonts.js';
import { computeIndicators, nationalFilesNeeded, type IndicatorSet } from './indicators/compute.js';
import { builtInLibrary } from './indicators/library.js';
import { neighbourModelLabel } from './indicators/neighbours.js';
import { formatDate } from './dates.js';
import { plainText, renderNarrative, type RenderedSection, type TemplateSource } from './narrative/render-narrative.js';
import { setPdfMetadata, type PdfMetadata } from './pdf/metadata.js';
import { readBookmarks, type Bookmark } from './pdf/outline.js';
import type { Printer } from './pdf/print.js';
import { systemFolderProblem } from './files/output-folder.js';
import { projectFiles, type FileSystem, type ProjectFiles } from './files/project-files.js';
import { TEXT_FILE_LIMIT } from './files/limits.js';
import type { OutputGroup } from './files/write-output.js';
import { readData } from './tables/read-data.js';
import { TOOL_VERSION, BUILT_IN_TEMPLATES } from './version.js';

export interface BuildEffects extends FileSystem {
  /** The printer, launched on first call, with the browser the machine has (never one a definition names). */
  readonly printer: () => Promise<Printer>;
  /** Writes every file of every group, or none. */
  readonly writeFiles: (groups: readonly OutputGroup[]) => Promise<void>;
  readonly log: (line: string) => void;
  /** SOURCE_DATE_EPOCH, for reproducible builds; otherwise the report's own date is used. */
  readonly sourceDate?: Date;
}

export type { OutputFile, OutputGroup } from './files/write-output.js';
import type { OutputFile } from './files/write-output.js';

export interface BuildOptions {
  /** The report definition, as the user named it. */
  readonly file: string;
  /** Overrides the definition's output folder (--out). */
  readonly outDir?: string;
  /** More folders the definition may read from (--root). */
  readonly roots?: readonly string[];
  /** Leave the files unwritten, for a meeting pack to write with its own, all together. */
  readonly deferWrite?: boolean;
  /** The largest csv file, or workbook unpacked, to read (--max-data-mb). */
  readonly maxDataBytes?: number;
}

export interface BuildResult {
  readonly definition: ReportDefinition;
  readonly indicators: IndicatorSet;
  /** The report's sections as rendered, for a meeting pack to lay out again. */
  readonly sections: readonly RenderedSection[];
  readonly html: string;
  readonly pdf?: Uint8Array;
  /** The report's files and their folder: written, unless deferWrite asked to leave that to the caller. */
  readonly output: OutputGroup;
  readonly written: readonly string[];
}

export async function buildReport(options: BuildOptions, effects: BuildEffects): Promise<BuildResult> {
  // 1. Definition: YAML -> validated, normalised, every reference checked, every path inside the project.
  const { definition, files: project } = await readReportDefinition(options.file, effects, options.roots);
  const dir = outputDir(options.outDir, definition, effects.cwd);
  // The browser starts now and launches while the data is read.
  const printer = definition.output.pdf ? effects.printer() : undefined;
  printer?.catch(() => undefined); // awaited below; a launch failure must not go unhandled meanwhile

  // 2. Tables: every national and local file the indicators need.
  const data = await readData(
    {
      nationalDir: definition.data.nationalDir,
      nationalFiles: nationalFilesNeeded(definition.indicators, definition.data.neighbours.model),
      local: definition.data.local,
      maxDataBytes: options.maxDataBytes,
    },
    project,
  );
  for (const note of data.notes) effects.log(note);

  // 3. Indicators: council, England, region and statistical neighbours for every period.
  const indicators = computeIndicators({
    council: definition.area,
    neighbours: definition.data.neighbours,
    populationYearOffset: definition.data.populationYearOffset,
    indicators: definition.indicators,
    national: data.national,
    local: data.local,
    suppression: definition.disclosure.public ? { threshold: definition.disclosure.threshold } : undefined,
  });

  // 4. Charts: Vega-Lite -> SVG with text alternatives.
  const templates = templateFinder(definition, project);
  const themeFile = await templates.source('chart-theme.json');
  const theme = parseChartTheme(themeFile.name, themeFile.text, definition.theme);
  const charts = await renderCharts(definition.diagrams, indicators, theme, definition.file);

  // 5. Narrative: each section's template with figures filled in.
  const partials = await templates.partials();
  const sectionSources = await Promise.all(definition.sections.map((_, i) => sectionTemplate(definition, i, project)));
  const sections = renderNarrative(definition, indicators, charts, { sections: sectionSources, partials });

  // 6. Document: one self-contained HTML file. A contents page takes a first print to find its page numbers.
  const fontFaces = await fontFaceCss();
  const parts = {
    layout: await templates.source('layout.hbs'),
    css: await templates.read('print.css'),
    fontFaces,
    templates: [...partials.values(), ...sectionSources],
    logo:
      definition.logo && dataUrl(definition.logo, await project.readBytes(definition.logo, 'logo', TEXT_FILE_LIMIT)),
  };
  const provenance = { tool: `scrutiny ${TOOL_VERSION}`, sources: sourcesOf(definition, indicators) };
  let html = assembleDocument(
    definition,
    sections,
    parts,
    provenance,
    definition.output.contents ? 'placeholder' : undefined,
  );
  if (definition.output.contents && printer) {
    const pages = sectionPages(sections, await readBookmarks(await (await printer).print(html)));
    html = assembleDocument(definition, sections, parts, provenance, pages);
  }

  // 7. PDF, then write everything at once.
  // The browser prints while the standalone charts are drawn here; their PNGs then follow on pages of their own.
  if (printer) effects.log(`Printing ${definition.report.slug}.pdf`);
  const printing = printer?.then((p) => p.print(html));
  printing?.catch(() => undefined); // awaited below
  const chartFiles = definition.output.charts ? await standaloneCharts(definition, charts, printer, fontFaces) : [];
  const printed = await printing;
  const pdf = printed && (await setPdfMetadata(printed, pdfMetadataOf(definition, effects.sourceDate)));
  const files: OutputFile[] = [];
  if (pdf) files.push({ name: `${definition.report.slug}.pdf`, content: pdf });
  if (definition.output.html) files.push({ name: `${definition.report.slug}.html`, content: html });
  files.push({ name: `${definition.report.slug}.indicators.json`, content: indicatorsJson(indicators) }, ...chartFiles);
  const output = { dir, files };
  if (!options.deferWrite) await effects.writeFiles([output]);
  return { definition, indicators, sections, html, pdf, output, written: files.map((file) => join(dir, file.name)) };
}

/** A logo file as a data: URL. */
function dataUrl(path: string, content: Uint8Array): string {
  const type = path.toLowerCase().endsWith('.svg')
    ? 'image/svg+xml'
    : /\.jpe?g$/i.test(path)
      ? 'image/jpeg'
      : 'image/png';
  return `data:${type};base64,${Buffer.from(content).toString('base64')}`;
}

/** Each section's first page, by matching its heading to the bookmark Chromium made from it. */
function sectionPages(sections: readonly RenderedSection[], bookmarks: readonly Bookmark[]): Map<string, number> {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const pages = new Map<string, number>();
  let from = 0;
  for (const section of numberSections(sections)) {
    const found = bookmarks.findIndex(
      (bookmark, i) => i >= from && squash(bookmark.title) === squash(headingText(section)),
    );
    if (found < 0) continue;
    pages.set(section.id, bookmarks[found]!.page);
    from = found + 1;
  }
  return pages;
}

/**
 * The PDF's information. Its dates are the build's SOURCE_DATE_EPOCH if given, else the latest "as at"
 * date of the report's data, else the meeting date: never the clock, so rebuilding gives the same file.
 */
function pdfMetadataOf(definition: ReportDefinition, sourceDate: Date | undefined): PdfMetadata {
  const r = definition.report;
  const asAt = definition.data.local
    .map((source) => source.asAt)
    .filter((date): date is string => Boolean(date))
    .sort()
    .pop();
  return {
    title: r.title,
    author: r.author,
    subject: r.subject ?? `${r.committee}, ${formatDate(r.meetingDate)}`,
    keywords: r.keywords,
    creator: `scrutiny ${TOOL_VERSION}`,
    date: sourceDate ?? new Date(`${asAt ?? r.meetingDate}T00:00:00Z`),
  };
}

/** Each chart on its own for slides: <slug>/charts/<id>.svg, and .png where there is a browser to draw it. */
async function standaloneCharts(
  definition: ReportDefinition,
  charts: ReadonlyMap<string, RenderedDiagram>,
  printer: Promise<Printer> | undefined,
  fontFaces: string,
): Promise<OutputFile[]> {
  const svgs: { name: string; svg: string }[] = [];
  for (const chart of charts.values()) {
    if (chart.standalone)
      svgs.push({ name: `${definition.report.slug}/charts/${chart.id}`, svg: await chart.standalone() });
  }
  const pngs = printer
    ? await (
        await printer
      ).rasterize(
        svgs.map((chart) => chart.svg),
        fontFaces,
      )
    : [];
  return svgs.flatMap(({ name, svg }, i) => [
    { name: `${name}.svg`, content: svg },
    ...(pngs[i] ? [{ name: `${name}.png`, content: pngs[i] }] : []),
  ]);
}

/** Every figure behind the report, for checking and reuse: its shape is described in the README. */
export function indicatorsJson(set: IndicatorSet): string {
  return `${JSON.stringify({ generator: `scrutiny ${TOOL_VERSION}`, ...set }, null, 2)}\n`;
}

/** The definition, and the files it may read: its own folder's, and those under any --root. */
export async function readReportDefinition(
  file: string,
  effects: FileSystem,
  roots?: readonly string[],
): Promise<{ definition: ReportDefinition; files: ProjectFiles }> {
  const path = resolve(effects.cwd, file);
  const kind = effects.kindOf(path);
  if (kind !== 'file')
    throw new ReportError(
      kind === 'folder'
        ? message.definitionIsFolder(file)
        : kind === 'other'
          ? message.definitionNotAFile(file)
          : message.definitionNotFound(file),
    );
  const files = projectFiles(effects, { baseDir: dirname(path), roots, builtIn: BUILT_IN_TEMPLATES });
  const text = await readTextAs(file, path, 'report definition', effects);
  const { spec, locate } = readDefinition({ file, text });
  return {
    definition: normalizeDefinition(spec, {
      file,
      locate,
      library: builtInLibrary(),
      files,
      builtInTemplates: BUILT_IN_TEMPLATES,
    }),
    files,
  };
}

/** A file named on the command line: any regular UTF-8 file of a sane size, wherever it is. */
export async function readTextAs(shown: string, path: string, what: string, effects: FileSystem): Promise<string> {
  try {
    return await effects.readText(path);
  } catch (error) {
    if (error instanceof FileRefusedError) throw new ReportError(describeRefusal(shown, what, error.refusal));
    throw error;
  }
}

/** --out, checked here (a definition's own output folder is checked with the definition), or the definition's. */
function outputDir(out: string | undefined, definition: ReportDefinition, cwd: string): string {
  if (out === undefined) return definition.output.dir;
  const dir = resolve(cwd, out);
  const problem = systemFolderProblem(dir, '--out');
  if (problem) throw new ReportError(problem);
  return dir;
}

/**
 * Templates come from the report's templates folder, falling back file by file to the built-in
 * templates, so a council replaces only what it wants to change. A council's file must lie inside the
 * project, links followed, like every file the definition names.
 */
function templateFinder(definition: ReportDefinition, files: ProjectFiles) {
  const pathOf = (name: string) => {
    const own = join(definition.templatesDir, name);
    return files.kindOf(own) === undefined ? join(BUILT_IN_TEMPLATES, name) : own;
  };
  const source = async (name: string): Promise<TemplateSource> => {
    const path = pathOf(name);
    return { name: files.shown(path), text: await files.readText(path, 'template') };
  };
  return {
    source,
    read: async (name: string) => (await source(name)).text,
    partials: async () => {
      const names = new Set(
        [join(BUILT_IN_TEMPLATES, 'partials'), join(definition.templatesDir, 'partials')]
          .flatMap((dir) => files.list(dir))
          .filter((name) => name.endsWith('.hbs')),
      );
      const entries = await Promise.all(
        [...names].map(async (name) => [name.replace(/\.hbs$/, ''), await source(`partials/${name}`)] as const),
      );
      return new Map(entries);
    },
  };
}

/** A section's template file, or its inline prose from the definition (escaped, one <p> per paragraph). */
async function sectionTemplate(
  definition: ReportDefinition,
  index: number,
  files: ProjectFiles,
): Promise<TemplateSource> {
  const section = definition.sections[index]!;
  if (section.templatePath)
    return { name: section.templateName, text: await files.readText(section.templatePath, 'template') };
  return plainText(section.templateName, section.text ?? '', true);
}

/** The data sources named at the end of the report. */
function sourcesOf(definition: ReportDefinition, set: IndicatorSet): string[] {
  const national = [...new Set(Object.values(set.indicators).map((indicator) => indicator.sourceName))];
  const model = neighbourModelLabel(set.comparators.neighbours.model);
  const local = definition.data.local.map(
    (source) => `${source.file}${source.asAt ? `, as at ${formatDate(source.asAt)}` : ''}`,
  );
  return [...national, `DfE statistical neighbour model (${model})`, ...local];
}
