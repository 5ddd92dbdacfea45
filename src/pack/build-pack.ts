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
import { meetingLine } from '../definition/normalize.js';
import { slugify } from '../format.js';
import { fontFaceCss } from '../fonts.js';
import { ProblemList, ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { handlebarsError, plainText, refuseInheritedNames } from '../narrative/render-narrative.js';
import { readBookmarks } from '../pdf/outline.js';
import { pageCount, setPdfMetadata } from '../pdf/metadata.js';
import { houseStyle, templateFinder } from '../document/templates.js';
import { buildReport, type BuildEffects, type BuildResult, type OutputFile } from '../pipeline.js';
import { outputFolder, ownOutputFolderProblem } from '../files/output-folder.js';
import { projectFiles, readNamedText, type ProjectFiles } from '../files/project-files.js';
import { BUILT_IN_TEMPLATES, TOOL_VERSION } from '../version.js';
import { markdownToHtml } from './markdown.js';
import { checkFragment, withContentPolicy } from '../document/html-policy.js';
import { agendaSchema, type Agenda, type AgendaItem } from './schema.js';

export interface PackOptions {
  /** The agenda, as the user named it. */
  readonly file: string;
  readonly outDir?: string;
  /** More folders the agenda and its reports may read from (--root). */
  readonly roots?: readonly string[];
  readonly maxDataBytes?: number;
  /** Check everything a build checks, and print and write nothing (scrutiny validate). */
  readonly check?: boolean;
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
  /** Where an item's text came from, as shown to users. */
  readonly source?: string;
}

export async function buildPack(options: PackOptions, effects: BuildEffects): Promise<PackResult> {
  // 1. The agenda, every file it names checked: each inside the agenda's folder (or a --root).
  const agendaPath = resolve(effects.cwd, options.file);
  if (effects.kindOf(agendaPath) !== 'file') throw new ReportError(message.agendaNotFound(options.file));
  const { spec: agenda, locate } = readYaml(
    { file: options.file, text: await readNamedText(effects, options.file, agendaPath, 'agenda') },
    agendaSchema,
  );
  const baseDir = dirname(agendaPath);
  const files = projectFiles(effects, { baseDir, roots: options.roots, builtIn: BUILT_IN_TEMPLATES });
  const problems = new ProblemList();
  agenda.items.forEach((item, i) => {
    const target = item.report ?? item.file;
    const key = item.report ? 'report' : 'file';
    const refusal =
      target === undefined
        ? undefined
        : files.refusal(
            resolve(baseDir, target),
            'file',
            key === 'report' ? 'report definition' : 'item text',
            locate(['items', i, key]),
          );
    if (refusal) problems.add(refusal);
    if (item.file && !/\.(md|hbs)$/i.test(item.file))
      problems.add(message.invalidValue(locate(['items', i, 'file']), `items[${i}].file`, message.rule.itemFileKind));
  });
  if (agenda.templates !== undefined) {
    const refusal = files.refusal(files.resolve(agenda.templates), 'folder', 'templates folder', locate(['templates']));
    if (refusal) problems.add(refusal);
  }
  // The agenda's own output folder, unless --out (checked as a report's is) takes its place.
  const ownDir = resolve(baseDir, agenda.output.folder);
  const ownProblem =
    options.outDir === undefined ? ownOutputFolderProblem(ownDir, locate(['output', 'folder']), files) : undefined;
  if (ownProblem) problems.add(ownProblem);
  problems.throwIfAny();
  const dir = outputFolder(options.outDir, ownDir, effects.cwd);
  const printer = options.check ? undefined : effects.printer();
  printer?.catch(() => undefined);

  // 2. Each item: reports built in full (their own PDF and HTML are written with the packs), texts rendered.
  // A report may read what the agenda may: its own folder, the agenda's and any --root.
  const reportRoots = [baseDir, ...(options.roots ?? [])];
  const items: PreparedItem[] = [];
  for (const [i, item] of agenda.items.entries()) {
    const number = String(item.number ?? i + 1);
    const base = { number, title: item.title, ...(item.exempt && { exempt: item.exempt }) };
    if (item.report) {
      const build = {
        file: resolve(baseDir, item.report),
        roots: reportRoots,
        deferWrite: true,
        maxDataBytes: options.maxDataBytes,
        check: options.check,
      };
      items.push({ ...base, report: await buildReport(build, effects) });
    } else {
      const source =
        item.file === undefined ? `${options.file} (items[${i}].text)` : files.shown(files.resolve(item.file));
      items.push({ ...base, source, html: await itemText(item, source, files, agenda) });
    }
  }

  if (!printer) return { written: [], pages: { public: 0, members: 0 } };

  // 3. Each pack: laid out, printed to find where items start, then printed with the agenda's page numbers.
  // Its layout and house style come from the agenda's templates folder, file by file over the built-in ones.
  const templates = templateFinder(agenda.templates === undefined ? undefined : files.resolve(agenda.templates), files);
  const parts = {
    layout: await templates.read('pack.hbs'),
    css: `${await houseStyle(templates)}\n${await templates.read('pack.css')}`,
    fontFaces: await fontFaceCss(),
  };
  const slug = agenda.output.slug ?? `${slugify(agenda.meeting.committee)}-${agenda.meeting.date}`;
  const packFiles: OutputFile[] = [];
  const pages = { public: 0, members: 0 };
  for (const audience of ['public', 'members'] as const) {
    const render = (itemPages: ReadonlyMap<string, number> | undefined) =>
      assemblePack(agenda, items, parts, audience === 'public', itemPages);
    effects.log(`Printing the ${audience === 'public' ? 'public' : "members'"} pack`);
    const first = await (await printer).print(render(undefined));
    const itemPages = pagesOfItems(await readBookmarks(first));
    const html = render(itemPages);
    const printed = await (await printer).print(html);
    const title = packTitle(agenda, audience === 'public');
    const pdf = await setPdfMetadata(printed, {
      title,
      subject: meetingLine(agenda.meeting.committee, agenda.meeting.date),
      keywords: [agenda.meeting.council, agenda.meeting.committee, 'agenda'],
      creator: `scrutiny ${TOOL_VERSION}`,
      date: effects.sourceDate ?? new Date(`${agenda.meeting.date}T00:00:00Z`),
    });
    pages[audience] = await pageCount(pdf);
    packFiles.push({ name: `${slug}-${audience}.pdf`, content: pdf });
    if (audience === 'public') packFiles.push({ name: `${slug}-public.html`, content: html });
  }
  // The packs and every report's own files are written together, or none of them.
  const reports = items.flatMap((item) => (item.report ? [item.report.output] : []));
  await effects.writeFiles([...reports, { dir, files: packFiles }]);
  const written = [...reports, { dir, files: packFiles }].flatMap((group) =>
    group.files.map((file) => join(group.dir, file.name)),
  );
  return { written, pages };
}

/** An item's text: inline prose, a Markdown file or a Handlebars file with the meeting to hand. */
async function itemText(item: AgendaItem, name: string, files: ProjectFiles, agenda: Agenda): Promise<string> {
  const path = item.file === undefined ? undefined : files.resolve(item.file);
  const text = path === undefined ? item.text! : await files.readText(path, 'item text');
  if (path && extname(path).toLowerCase() === '.md') return markdownToHtml(text);
  // Text in the agenda is prose (escaped); a .hbs file is a template of the council's own.
  const source = path === undefined ? plainText(name, text, true) : { name, text };
  const checked = refuseInheritedNames(source);
  let html: string;
  try {
    html = Handlebars.create().compile(checked.ast ?? checked.text, { strict: true })({ meeting: agenda.meeting });
  } catch (error) {
    if (error instanceof Error) throw handlebarsError(source, error);
    throw error;
  }
  checkFragment(html, name);
  return html;
}

function assemblePack(
  agenda: Agenda,
  items: readonly PreparedItem[],
  parts: { layout: string; css: string; fontFaces: string },
  isPublic: boolean,
  pages: ReadonlyMap<string, number> | undefined,
): string {
  const hbs = layoutHandlebars();
  const context = {
    title: packTitle(agenda, isPublic),
    meeting: { ...agenda.meeting, clerk: { phone: null, email: null, ...agenda.meeting.clerk } },
    public: isPublic,
    runningHeader: meetingLine(agenda.meeting.committee, agenda.meeting.date),
    items: items.map((item) => ({
      number: item.number,
      title: item.title,
      exempt: item.exempt ?? null,
      included: !isPublic || !item.exempt,
      header: `Item ${item.number}: ${item.title}`,
      // "00" in the first pass: as wide as the real numbers, so both passes lay out alike.
      page: pages === undefined ? '00' : (pages.get(item.number) ?? ''),
      report: item.report
        ? { ...item.report.definition.report, portfolioHolder: item.report.definition.report.portfolioHolder ?? null }
        : null,
      sections: item.report ? prefixed(numberSections(item.report.sections), item.number) : [],
      html: item.html ?? '',
    })),
    css: new Handlebars.SafeString(parts.css),
    fontFaces: new Handlebars.SafeString(parts.fontFaces),
    tool: `scrutiny ${TOOL_VERSION}`,
  };
  // The layout is the tool's; the reports' sections were checked with their own documents, and item
  // texts as they were made. The twin carries the content policy first, as a report's does.
  return withContentPolicy(hbs.compile(parts.layout, { strict: true })(context));
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

function packTitle(agenda: Agenda, isPublic: boolean): string {
  return `${meetingLine(agenda.meeting.committee, agenda.meeting.date)}: ${isPublic ? 'agenda reports pack' : "members' pack (not for publication)"}`;
}
