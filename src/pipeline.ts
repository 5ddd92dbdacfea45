/**
 * buildReport(): one report definition -> its outputs (PDF, HTML twin, indicator JSON, standalone charts).
 *
 *   report.config.yaml ─► definition ─► tables ─► indicators ─► charts ─┐
 *   data/*.xlsx|csv ──────────────────────┘                    narrative ─┴─► document (HTML) ─► outputs
 *
 * Stages take what they work on as arguments; files, printer and log arrive as effects, so tests can
 * build without a browser or the disk. Nothing is written until everything has succeeded, and then
 * all of it at once (files/write-output.ts), so the previous good report is never lost.
 */
import { join } from 'node:path';
import { renderCharts } from './charts/render-charts.js';
import { startChartDrawing } from './charts/draw-svg.js';
import { parseChartTheme } from './charts/theme.js';
import type { ReportDefinition } from './definition/normalize.js';
import { readReportDefinition } from './definition/read-report.js';
import { assembleDocument, type Provenance, type SectionPages } from './document/assemble.js';
import { sectionPages } from './document/contents.js';
import { fontFaceCss } from './fonts.js';
import { provenanceOf } from './document/provenance.js';
import * as message from './diagnostics/messages.js';
import { definitionWarnings } from './definition/warnings.js';
import { reportParts, sectionTemplates, templateFinder } from './document/templates.js';
import { outputFolder } from './files/output-folder.js';
import type { FileSystem } from './files/project-files.js';
import type { AreaChoice } from './definition/area-placeholders.js';
import type { OutputGroup } from './files/write-output.js';
import { computeIndicators, nationalFilesNeeded } from './indicators/compute.js';
import type { IndicatorSet } from './indicators/types.js';
import { renderNarrative, type RenderedSection } from './narrative/render-narrative.js';
import { renderOutputs } from './outputs/index.js';
import { readBookmarks } from './pdf/read-pdf.js';
import type { Printer } from './pdf/print.js';
import { readData } from './tables/read-data.js';
import { reportContent } from './changes/content.js';
import { recordReads } from './changes/record-reads.js';
import { CHANGES_SUFFIX, changesSince, previousBuild, recordBuild } from './changes/record-build.js';
import { settleRevision, type Revision } from './changes/revision.js';

export interface BuildEffects extends FileSystem {
  /** The printer, launched on first call, with the browser the machine has (never one a definition names). */
  readonly printer: () => Promise<Printer>;
  /** Writes every file of every group, or none. */
  readonly writeFiles: (groups: readonly OutputGroup[]) => Promise<void>;
  readonly log: (line: string) => void;
  /** What a build says but does not refuse: shown even when the log is quiet (on stderr from the CLI). */
  readonly warn?: (line: string) => void;
  /** SOURCE_DATE_EPOCH, for reproducible builds; otherwise the report's own date is used. */
  readonly sourceDate?: Date;
}

export type { OutputFile, OutputGroup } from './files/write-output.js';
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
  /** Check everything up to the document, and print and write nothing (scrutiny validate, preview). */
  readonly check?: boolean;
  /** Build the definition for this council instead of its own (a batch's --area). */
  readonly area?: AreaChoice;
  /** The council's figures, computed with every other council's in one pass by a batch over the same tables. */
  readonly indicators?: IndicatorSet;
}

export interface BuildResult {
  readonly definition: ReportDefinition;
  readonly indicators: IndicatorSet;
  /** The report's sections as rendered, for a meeting pack to lay out again. */
  readonly sections: readonly RenderedSection[];
  /** What the report's last lines say it was made from. */
  readonly provenance: Provenance;
  /** The note of what changed since the report was last published, when it was revised. */
  readonly revision?: Revision;
  /** The council's logo as a data: URL, when the report has one. */
  readonly logo?: string;
  readonly html: string;
  /** The report's files and their folder: written, unless deferWrite asked to leave that to the caller. */
  readonly output: OutputGroup;
  readonly written: readonly string[];
  /** Every file the build read (absolute paths): what a preview watches. */
  readonly read: readonly string[];
}

export async function buildReport(options: BuildOptions, given: BuildEffects): Promise<BuildResult> {
  // Every file the build reads is recorded, with its hash, for the manifest.
  const { effects, reads, lookups } = recordReads(given);
  const warn = effects.warn ?? effects.log;
  // 1. Definition: YAML -> validated, normalised, every reference checked, every path inside the project.
  const { definition, files } = await readReportDefinition(options.file, effects, options.roots, options.area);
  for (const warning of definitionWarnings(definition)) warn(warning);
  const dir = outputFolder(options.outDir, definition.output.dir, effects.cwd);
  // The browser starts now and launches while the data is read.
  // The browser prints the PDF and draws the Word twin's charts.
  const printer = (definition.output.pdf || definition.output.docx) && !options.check ? effects.printer() : undefined;
  printer?.catch(() => undefined); // awaited below; a launch failure must not go unhandled meanwhile
  // So does the thread that draws the charts, loading Vega meanwhile.
  if (definition.diagrams.length > 0) startChartDrawing();

  // 2. Tables: every national and local file the indicators need.
  const { nationalDir, neighbours, populationYearOffset, local } = definition.data;
  const nationalFiles = nationalFilesNeeded(definition.indicators, neighbours.model);
  const tables = await readData({ nationalDir, nationalFiles, local, maxDataBytes: options.maxDataBytes }, files);
  for (const note of tables.notes) effects.log(note);

  // 3. Indicators: council, England, region and statistical neighbours for every period.
  const indicators =
    options.indicators ??
    computeIndicators({
      council: definition.area,
      neighbours,
      populationYearOffset,
      comparators: definition.comparators,
      indicators: definition.indicators,
      national: tables.national,
      local: tables.local,
      suppression: definition.disclosure.public ? { threshold: definition.disclosure.threshold } : undefined,
    });

  // 4. Charts: Vega-Lite -> SVG with text alternatives.
  const templates = templateFinder(definition.templatesDir, files);
  const themeFile = await templates.source('chart-theme.json');
  const theme = parseChartTheme(themeFile.name, themeFile.text, definition.theme);
  const charts = await renderCharts(definition.diagrams, indicators, theme, definition.file);

  // 5. Narrative: each section's template with figures filled in.
  const partials = await templates.partials();
  const sources = await sectionTemplates(definition, files);
  const narrative = renderNarrative(definition, indicators, charts, { sections: sources, partials });
  const { sections } = narrative;
  for (const diagram of narrative.unused) warn(message.diagramNeverPlaced(definition.file, diagram.id));

  // 6. Document: one self-contained HTML file. A contents list takes a first print to find its pages.
  const fontFaces = await fontFaceCss();
  const parts = await reportParts(definition, templates, files, fontFaces, [...partials.values(), ...sources]);
  const provenance = provenanceOf(definition, indicators, narrative);
  const assemble = (pages?: SectionPages, revision?: Revision) =>
    assembleDocument(definition, sections, parts, provenance, pages, revision);
  const firstPages = definition.output.contents ? 'placeholder' : undefined;
  let html = assemble(firstPages);
  // What the report says, beside the previous build's; a revision note without text is drafted from it.
  const contentOf = () => reportContent(indicators, definition.diagrams, charts, html);
  const previous = await previousBuild(dir, definition.report.slug, given, warn);
  const asked = definition.report.revision;
  const draft = asked && !asked.text ? changesSince(previous, { content: contentOf(), inputs: [] }) : undefined;
  const revision = settleRevision(asked, draft, previous);
  if (revision) html = assemble(firstPages, revision);
  if (revision && !/\brevision\b/.test(parts.layout.text)) warn(message.layoutWithoutRevision(parts.layout.name));
  const read = () => [...reads().keys()];
  if (options.check)
    return {
      definition,
      indicators,
      sections,
      provenance,
      html,
      output: { dir, files: [] },
      written: [],
      read: read(),
    };
  if (definition.output.contents && printer) {
    html = assemble(sectionPages(sections, await readBookmarks(await (await printer).print(html))), revision);
  }

  // 7. Outputs: PDF, HTML twin, indicator JSON, standalone charts, and the build's record; then all written at once.
  const built = { definition, indicators, charts, html, fontFaces, revision, logo: parts.logo };
  const context = { printer, sourceDate: effects.sourceDate, log: effects.log };
  const rendered = await renderOutputs(built, context);
  const staleChangesPage =
    !previous && given.kindOf(join(dir, `${definition.report.slug}${CHANGES_SUFFIX}`)) === 'file';
  const record = {
    definition,
    files,
    reads: reads(),
    lookups: lookups(),
    outputDir: dir,
    content: contentOf(),
    previous,
    revision,
    outputs: rendered,
    staleChangesPage,
    sourceDate: effects.sourceDate,
  };
  const output = { dir, files: [...rendered, ...(await recordBuild(record, effects.log))] };
  if (!options.deferWrite) await effects.writeFiles([output]);
  const written = output.files.map((file) => join(dir, file.name));
  return {
    definition,
    indicators,
    sections,
    provenance,
    revision,
    logo: parts.logo,
    html,
    output,
    written,
    read: read(),
  };
}
