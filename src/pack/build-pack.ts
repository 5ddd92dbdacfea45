/**
 * buildPack(): agenda.yaml -> the meeting's public reports pack and members' pack.
 *
 *   agenda.yaml ─► items ─┬─ report items ─► buildReport() (each report's own PDF and HTML) ─┐
 *                         └─ text items (YAML, Markdown, Handlebars) ─────────────────────────┴─► pack HTML
 *   pack HTML ─► print (find each item's page from the bookmarks) ─► agenda page numbers ─► print again
 *
 * A pack is one HTML document printed once (merging PDFs would lose tags and bookmarks). The public
 * pack leaves exempt items out and says so in the agenda; the members' pack includes them, every page
 * marked NOT FOR PUBLICATION.
 */
import Handlebars from 'handlebars';
import { dirname, extname, join, resolve } from 'node:path';
import { readYaml } from '../definition/read-definition.js';
import { layoutHandlebars, numberSections, type NumberedSection } from '../document/assemble.js';
import { slugify } from '../definition/normalize.js';
import { fontFaceCss } from '../document/fonts.js';
import { ProblemList, ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { formatDate } from '../narrative/phrases.js';
import { cleanHandlebarsMessage, plainText } from '../narrative/render-narrative.js';
import { readBookmarks } from '../pdf/outline.js';
import { setPdfMetadata } from '../pdf/metadata.js';
import { buildReport, type BuildEffects, type BuildResult, type OutputFile } from '../pipeline.js';
import { BUILT_IN_TEMPLATES, TOOL_VERSION } from '../version.js';
import { markdownToHtml } from './markdown.js';
import { agendaSchema, type Agenda, type AgendaItem } from './schema.js';

export interface PackOptions {
  /** The agenda, as the user named it. */
  readonly file: string;
  readonly outDir?: string;
}

export interface PackResult {
  readonly written: readonly string[];
  readonly pages: { readonly public: number; readonly members: number };
}

interface PreparedItem {
  readonly number: string;
  readonly title: string;
  readonly exempt?: { readonly paragraph: number };
  readonly report?: BuildResult;
  readonly html?: string;
}

export async function buildPack(options: PackOptions, effects: BuildEffects): Promise<PackResult> {
  // 1. The agenda, every file it names checked.
  const agendaPath = resolve(effects.cwd, options.file);
  if (effects.kindOf(agendaPath) !== 'file') throw new ReportError(message.agendaNotFound(options.file));
  const { spec: agenda, locate } = readYaml({ file: options.file, text: await effects.readText(agendaPath) }, agendaSchema);
  const baseDir = dirname(agendaPath);
  const problems = new ProblemList();
  agenda.items.forEach((item, i) => {
    const target = item.report ?? item.file;
    const key = item.report ? 'report' : 'file';
    if (target !== undefined && effects.kindOf(resolve(baseDir, target)) !== 'file') problems.add(message.fileNotFound(locate(['items', i, key]), key === 'report' ? 'report definition' : 'item text', target));
    if (item.file && !/\.(md|hbs)$/i.test(item.file)) problems.add(message.invalidValue(locate(['items', i, 'file']), `items[${i}].file`, 'must be a Markdown (.md) or Handlebars (.hbs) file'));
  });
  problems.throwIfAny();
  const printer = effects.printer(undefined);
  printer.catch(() => undefined);

  // 2. Each item: reports built in full (their own PDF and HTML too), texts rendered.
  const items: PreparedItem[] = [];
  for (const [i, item] of agenda.items.entries()) {
    const number = String(item.number ?? i + 1);
    const base = { number, title: item.title, ...(item.exempt && { exempt: item.exempt }) };
    if (item.report) items.push({ ...base, report: await buildReport({ file: resolve(baseDir, item.report) }, effects) });
    else items.push({ ...base, html: await itemText(item, i, baseDir, agenda, effects, options.file) });
  }

  // 3. Each pack: laid out, printed to find where items start, then printed with the agenda's page numbers.
  const parts = {
    layout: await effects.readText(join(BUILT_IN_TEMPLATES, 'pack.hbs')),
    css: `${await effects.readText(join(BUILT_IN_TEMPLATES, 'print.css'))}\n${await effects.readText(join(BUILT_IN_TEMPLATES, 'pack.css'))}`,
    fontFaces: await fontFaceCss(),
  };
  const slug = agenda.output.slug ?? `${slugify(agenda.meeting.committee)}-${agenda.meeting.date}`;
  const files: OutputFile[] = [];
  const pages = { public: 0, members: 0 };
  for (const audience of ['public', 'members'] as const) {
    const render = (itemPages: ReadonlyMap<string, number> | undefined) => assemblePack(agenda, items, parts, audience === 'public', itemPages);
    const first = await (await printer).print(render(undefined));
    const itemPages = pagesOfItems(await readBookmarks(first));
    const html = render(itemPages);
    const printed = await (await printer).print(html);
    const title = packTitle(agenda, audience === 'public');
    const pdf = await setPdfMetadata(printed, {
      title,
      subject: `${agenda.meeting.committee}, ${formatDate(agenda.meeting.date)}`,
      keywords: [agenda.meeting.council, agenda.meeting.committee, 'agenda'],
      creator: `scrutiny ${TOOL_VERSION}`,
      date: effects.sourceDate ?? new Date(`${agenda.meeting.date}T00:00:00Z`),
    });
    pages[audience] = countPages(pdf);
    files.push({ name: `${slug}-${audience}.pdf`, content: pdf });
    if (audience === 'public') files.push({ name: `${slug}-public.html`, content: html });
  }
  const dir = options.outDir ?? resolve(baseDir, agenda.output.folder);
  await effects.writeFiles(dir, files);
  return { written: files.map((file) => join(dir, file.name)), pages };
}

/** An item's text: inline prose, a Markdown file or a Handlebars file with the meeting to hand. */
async function itemText(item: AgendaItem, index: number, baseDir: string, agenda: Agenda, effects: BuildEffects, agendaFile: string): Promise<string> {
  const name = item.text !== undefined ? `${agendaFile} (items[${index}].text)` : item.file!;
  const path = item.file === undefined ? undefined : resolve(baseDir, item.file);
  const text = path === undefined ? item.text! : await effects.readText(path);
  if (path && extname(path).toLowerCase() === '.md') return markdownToHtml(text);
  // Text in the agenda is prose (escaped); a .hbs file is a template of the council's own.
  const template = path === undefined ? plainText(name, text, true).ast! : text;
  try {
    return Handlebars.create().compile(template, { strict: true })({ meeting: agenda.meeting });
  } catch (error) {
    throw new ReportError(message.templateProblem(name, cleanHandlebarsMessage(error instanceof Error ? error.message : String(error))));
  }
}

function assemblePack(agenda: Agenda, items: readonly PreparedItem[], parts: { layout: string; css: string; fontFaces: string }, isPublic: boolean, pages: ReadonlyMap<string, number> | undefined): string {
  const hbs = layoutHandlebars();
  const context = {
    title: packTitle(agenda, isPublic),
    meeting: { ...agenda.meeting, clerk: { phone: null, email: null, ...agenda.meeting.clerk } },
    public: isPublic,
    runningHeader: `${agenda.meeting.committee}, ${formatDate(agenda.meeting.date)}`,
    items: items.map((item) => ({
      number: item.number,
      title: item.title,
      exempt: item.exempt ?? null,
      included: !isPublic || !item.exempt,
      header: `Item ${item.number}: ${item.title}`,
      // "00" in the first pass: as wide as the real numbers, so both passes lay out alike.
      page: pages === undefined ? '00' : (pages.get(item.number) ?? ''),
      report: item.report ? { ...item.report.definition.report, portfolioHolder: item.report.definition.report.portfolioHolder ?? null } : null,
      sections: item.report ? prefixed(numberSections(item.report.sections), item.number) : [],
      html: item.html ?? '',
    })),
    css: new Handlebars.SafeString(parts.css),
    fontFaces: new Handlebars.SafeString(parts.fontFaces),
    tool: `scrutiny ${TOOL_VERSION}`,
  };
  return hbs.compile(parts.layout, { strict: true })(context);
}

/** A report's sections as the pack lays them out: ids made unique across the pack. */
function prefixed(sections: readonly NumberedSection[], item: string) {
  return sections.map((section) => ({
    id: `item-${item}-${section.id}`,
    heading: section.heading,
    html: section.html,
    number: section.number ?? null,
    letter: section.letter ?? null,
  }));
}

/** Each item's first page, from the bookmarks Chromium makes of the "Item N: ..." headings. */
function pagesOfItems(bookmarks: readonly { title: string; page: number }[]): Map<string, number> {
  const pages = new Map<string, number>();
  for (const bookmark of bookmarks) {
    const number = /^Item (\S+?):/.exec(bookmark.title)?.[1];
    if (number && !pages.has(number)) pages.set(number, bookmark.page);
  }
  return pages;
}

function countPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

function packTitle(agenda: Agenda, isPublic: boolean): string {
  return `${agenda.meeting.committee}, ${formatDate(agenda.meeting.date)}: ${isPublic ? 'agenda reports pack' : "members' pack (not for publication)"}`;
}
