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
import { join } from 'node:path';
import { renderCharts, type RenderedDiagram } from './charts/render-charts.js';
import { parseChartTheme } from './charts/theme.js';
import { normalizeDefinition, type ReportDefinition } from './definition/normalize.js';
import { readDefinition } from './definition/read-definition.js';
import { ReportError } from './diagnostics/report-error.js';
import * as message from './diagnostics/messages.js';
import { assembleDocument, headingText, numberSections } from './document/assemble.js';
import { fontFaceCss } from './document/fonts.js';
import { computeIndicators, nationalFilesNeeded, type IndicatorSet } from './indicators/compute.js';
import { builtInLibrary } from './indicators/library.js';
import { neighbourModelLabel } from './indicators/neighbours.js';
import { formatDate } from './narrative/phrases.js';
import { plainText, renderNarrative, type RenderedSection, type TemplateSource } from './narrative/render-narrative.js';
import { setPdfMetadata, type PdfMetadata } from './pdf/metadata.js';
import { readBookmarks, type Bookmark } from './pdf/outline.js';
import type { Printer } from './pdf/print.js';
import { readData, type FileReader } from './tables/read-data.js';
import { TOOL_VERSION, BUILT_IN_TEMPLATES } from './version.js';

export interface BuildEffects extends FileReader {
  readonly readText: (path: string) => Promise<string>;
  readonly listDir: (path: string) => string[];
  /** The printer, launched on first call; `configured` is the report's output.browser. */
  readonly printer: (configured: string | undefined) => Promise<Printer>;
  /** Writes every file or none. */
  readonly writeFiles: (dir: string, files: readonly OutputFile[]) => Promise<void>;
  readonly log: (line: string) => void;
  /** SOURCE_DATE_EPOCH, for reproducible builds; otherwise the report's own date is used. */
  readonly sourceDate?: Date;
}

export interface OutputFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

export interface BuildOptions {
  /** The report definition, as the user named it. */
  readonly file: string;
  /** Overrides the definition's output folder. */
  readonly outDir?: string;
}

export interface BuildResult {
  readonly definition: ReportDefinition;
  readonly indicators: IndicatorSet;
  /** The report's sections as rendered, for a meeting pack to lay out again. */
  readonly sections: readonly RenderedSection[];
  readonly html: string;
  readonly pdf?: Uint8Array;
  readonly written: readonly string[];
}

export async function buildReport(options: BuildOptions, effects: BuildEffects): Promise<BuildResult> {
  // 1. Definition: YAML -> validated, normalised, every reference checked.
  const definition = await readReportDefinition(options.file, effects);
  // The browser starts now and launches while the data is read.
  const printer = definition.output.pdf ? effects.printer(definition.output.browser) : undefined;
  printer?.catch(() => undefined); // awaited below; a launch failure must not go unhandled meanwhile

  // 2. Tables: every national and local file the indicators need.
  const data = await readData(
    {
      nationalDir: definition.data.nationalDir,
      nationalFiles: nationalFilesNeeded(definition.indicators, definition.data.neighbours.model),
      local: definition.data.local,
    },
    effects,
  );

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
  const templates = templateFinder(definition, effects);
  const themeFile = await templates.source('chart-theme.json');
  const theme = parseChartTheme(themeFile.name, themeFile.text, definition.theme);
  const charts = await renderCharts(definition.diagrams, indicators, theme, definition.file);

  // 5. Narrative: each section's template with figures filled in.
  const sections = renderNarrative(definition, indicators, charts, {
    sections: await Promise.all(definition.sections.map((section, i) => sectionTemplate(definition, i, effects))),
    partials: await templates.partials(),
  });

  // 6. Document: one self-contained HTML file. A contents page takes a first print to find its page numbers.
  const fontFaces = await fontFaceCss();
  const parts = { layout: await templates.source('layout.hbs'), css: await templates.read('print.css'), fontFaces, logo: definition.logo && dataUrl(definition.logo, await effects.readFile(definition.logo)) };
  const provenance = { tool: `scrutiny ${TOOL_VERSION}`, sources: sourcesOf(definition, indicators) };
  let html = assembleDocument(definition, sections, parts, provenance, definition.output.contents ? 'placeholder' : undefined);
  if (definition.output.contents && printer) {
    const pages = sectionPages(sections, await readBookmarks(await (await printer).print(html)));
    html = assembleDocument(definition, sections, parts, provenance, pages);
  }

  // 7. PDF, then write everything at once.
  // The browser prints while the standalone charts are drawn here; their PNGs then follow on pages of their own.
  const printing = printer?.then((p) => p.print(html));
  printing?.catch(() => undefined); // awaited below
  const chartFiles = definition.output.charts ? await standaloneCharts(definition, charts, printer, fontFaces) : [];
  const printed = await printing;
  const pdf = printed && (await setPdfMetadata(printed, pdfMetadataOf(definition, effects.sourceDate)));
  const files: OutputFile[] = [];
  if (pdf) files.push({ name: `${definition.report.slug}.pdf`, content: pdf });
  if (definition.output.html) files.push({ name: `${definition.report.slug}.html`, content: html });
  files.push({ name: `${definition.report.slug}.indicators.json`, content: indicatorsJson(indicators) }, ...chartFiles);
  const dir = options.outDir ?? definition.output.dir;
  await effects.writeFiles(dir, files);
  return { definition, indicators, sections, html, pdf, written: files.map((file) => join(dir, file.name)) };
}

/** A logo file as a data: URL. */
function dataUrl(path: string, content: Uint8Array): string {
  const type = path.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : /\.jpe?g$/i.test(path) ? 'image/jpeg' : 'image/png';
  return `data:${type};base64,${Buffer.from(content).toString('base64')}`;
}

/** Each section's first page, by matching its heading to the bookmark Chromium made from it. */
function sectionPages(sections: readonly RenderedSection[], bookmarks: readonly Bookmark[]): Map<string, number> {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const pages = new Map<string, number>();
  let from = 0;
  for (const section of numberSections(sections)) {
    const found = bookmarks.findIndex((bookmark, i) => i >= from && squash(bookmark.title) === squash(headingText(section)));
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
  const asAt = definition.data.local.map((source) => source.asAt).filter((date): date is string => Boolean(date)).sort().pop();
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
    if (chart.standalone) svgs.push({ name: `${definition.report.slug}/charts/${chart.id}`, svg: await chart.standalone() });
  }
  const pngs = printer ? await (await printer).rasterize(svgs.map((chart) => chart.svg), fontFaces) : [];
  return svgs.flatMap(({ name, svg }, i) => [{ name: `${name}.svg`, content: svg }, ...(pngs[i] ? [{ name: `${name}.png`, content: pngs[i] }] : [])]);
}

/** Every figure behind the report, for checking and reuse: its shape is described in the README. */
export function indicatorsJson(set: IndicatorSet): string {
  return `${JSON.stringify({ generator: `scrutiny ${TOOL_VERSION}`, ...set }, null, 2)}\n`;
}

export async function readReportDefinition(file: string, effects: Pick<BuildEffects, 'kindOf' | 'readText' | 'cwd'>): Promise<ReportDefinition> {
  const kind = effects.kindOf(file);
  if (kind !== 'file') throw new ReportError(kind === 'folder' ? message.definitionIsFolder(file) : message.definitionNotFound(file));
  const { spec, locate } = readDefinition({ file, text: await effects.readText(file) });
  return normalizeDefinition(spec, { file, locate, library: builtInLibrary(), kindOf: effects.kindOf, cwd: effects.cwd, builtInTemplates: BUILT_IN_TEMPLATES });
}

/**
 * Templates come from the report's templates folder, falling back file by file to the built-in
 * templates, so a council replaces only what it wants to change.
 */
function templateFinder(definition: ReportDefinition, effects: BuildEffects) {
  const pathOf = (name: string) => {
    const own = join(definition.templatesDir, name);
    return effects.kindOf(own) === 'file' ? own : join(BUILT_IN_TEMPLATES, name);
  };
  const source = async (name: string): Promise<TemplateSource> => ({ name: pathOf(name), text: await effects.readText(pathOf(name)) });
  return {
    source,
    read: async (name: string) => (await source(name)).text,
    partials: async () => {
      const names = new Set(
        [join(BUILT_IN_TEMPLATES, 'partials'), join(definition.templatesDir, 'partials')]
          .flatMap((dir) => (effects.kindOf(dir) === 'folder' ? effects.listDir(dir) : []))
          .filter((name) => name.endsWith('.hbs')),
      );
      const entries = await Promise.all([...names].map(async (name) => [name.replace(/\.hbs$/, ''), await source(`partials/${name}`)] as const));
      return new Map(entries);
    },
  };
}

/** A section's template file, or its inline prose from the definition (escaped, one <p> per paragraph). */
async function sectionTemplate(definition: ReportDefinition, index: number, effects: BuildEffects): Promise<TemplateSource> {
  const section = definition.sections[index]!;
  if (section.templatePath) return { name: section.templateName, text: await effects.readText(section.templatePath) };
  return plainText(section.templateName, section.text ?? '', true);
}

/** The data sources named at the end of the report. */
function sourcesOf(definition: ReportDefinition, set: IndicatorSet): string[] {
  const national = [...new Set(Object.values(set.indicators).map((indicator) => indicator.sourceName))];
  const model = neighbourModelLabel(set.comparators.neighbours.model);
  const local = definition.data.local.map((source) => `${source.file}${source.asAt ? `, as at ${formatDate(source.asAt)}` : ''}`);
  return [...national, `DfE statistical neighbour model (${model})`, ...local];
}
