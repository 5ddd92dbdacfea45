/**
 * buildPack(): agenda.yaml -> the meeting's public reports pack and members' pack.
 *
 *   agenda.yaml ─► items ─┬─ report items ─► buildReport() (each report's own PDF and HTML) ─┐
 *                         └─ text items (YAML, Markdown, Handlebars) ─────────────────────────┴─► pack HTML
 *   pack HTML ─► agenda page numbers from the reports' own prints (print-pack.ts) ─► printed once
 *
 * A pack is one HTML document printed once (merging PDFs would lose tags and bookmarks). The public
 * pack leaves exempt items out and says so in the agenda; the members' pack includes them, every page
 * marked NOT FOR PUBLICATION.
 */
import Handlebars from 'handlebars';
import pLimit from 'p-limit';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { readYaml } from '../definition/read-definition.js';
import { sectionPages } from '../document/contents.js';
import { meetingLine } from '../definition/normalize.js';
import { slugify } from '../format.js';
import { fontFaceCss } from '../fonts.js';
import { ProblemList, ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { handlebarsError, plainText, refuseInheritedNames } from '../narrative/render-narrative.js';
import { setPdfMetadata } from '../pdf/metadata.js';
import { pageCount, readBookmarks } from '../pdf/read-pdf.js';
import { houseStyle, templateFinder } from '../document/templates.js';
import { buildReport, type BuildEffects, type OutputFile } from '../pipeline.js';
import { outputFolder, ownOutputFolderProblem } from '../files/output-folder.js';
import { projectFiles, readNamedText, type ProjectFiles } from '../files/project-files.js';
import { BUILT_IN_TEMPLATES, TOOL_VERSION } from '../version.js';
import { markdownToHtml } from './markdown.js';
import { checkFragment } from '../document/html-policy.js';
import { layoutPack, packTitle, type PackItem } from './layout-pack.js';
import type { CountedItem } from './pack-pages.js';
import { printPack } from './print-pack.js';
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
  /** How many reports to build at once (default: the number of cores). */
  readonly concurrency?: number;
}

export interface PackResult {
  readonly written: readonly string[];
  readonly pages: { readonly public: number; readonly members: number };
}

interface PreparedItem extends PackItem {
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
  // Reports build side by side (their prints share the browser's pages); the pack keeps the agenda's order.
  const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
  const settled = await Promise.allSettled(
    agenda.items.map(async (item, i): Promise<PreparedItem> => {
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
        return { ...base, report: await limit(() => buildReport(build, effects)) };
      }
      const source =
        item.file === undefined ? `${options.file} (items[${i}].text)` : files.shown(files.resolve(item.file));
      return { ...base, source, html: await itemText(item, source, files, agenda) };
    }),
  );
  // Every item has finished before a problem is told, and the first in the agenda's order is the one told.
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const items = settled.map((result) => (result as PromiseFulfilledResult<PreparedItem>).value);

  if (!printer) return { written: [], pages: { public: 0, members: 0 } };

  // 3. Each pack: laid out and printed once, with page numbers worked out from the reports' own prints.
  // Its layout and house style come from the agenda's templates folder, file by file over the built-in ones.
  const templates = templateFinder(agenda.templates === undefined ? undefined : files.resolve(agenda.templates), files);
  const parts = {
    layout: await templates.read('pack.hbs'),
    css: `${await houseStyle(templates)}\n${await templates.read('pack.css')}`,
    fontFaces: await fontFaceCss(),
  };
  const slug = agenda.output.slug ?? `${slugify(agenda.meeting.committee)}-${agenda.meeting.date}`;
  const print = async (html: string) => (await printer).print(html);
  const counted = await Promise.all(items.map(countedItem));
  // The two packs print side by side.
  const printed = await Promise.all(
    (['public', 'members'] as const).map(async (audience) => {
      const isPublic = audience === 'public';
      effects.log(`Printing the ${isPublic ? 'public' : "members'"} pack`);
      const { html, pdf: plain } = await printPack(
        (pages) => layoutPack(agenda, items, parts, isPublic, pages),
        counted.map((item, i) => ({ ...item, excluded: isPublic && items[i]!.exempt !== undefined })),
        print,
      );
      const pdf = await setPdfMetadata(plain, {
        title: packTitle(agenda, isPublic),
        subject: meetingLine(agenda.meeting.committee, agenda.meeting.date),
        keywords: [agenda.meeting.council, agenda.meeting.committee, 'agenda'],
        creator: `scrutiny ${TOOL_VERSION}`,
        date: effects.sourceDate ?? new Date(`${agenda.meeting.date}T00:00:00Z`),
      });
      const files: OutputFile[] = [{ name: `${slug}-${audience}.pdf`, content: pdf }];
      if (isPublic) files.push({ name: `${slug}-public.html`, content: html });
      return { files, pages: await pageCount(pdf) };
    }),
  );
  const [publicPack, membersPack] = printed as [(typeof printed)[0], (typeof printed)[0]];
  const packFiles = [...publicPack.files, ...membersPack.files];
  const pages = { public: publicPack.pages, members: membersPack.pages };
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

/** An item as the pack's pages are counted: a report with what its own PDF shows. */
async function countedItem(item: PackItem): Promise<CountedItem> {
  const excluded = false; // each audience's pack says which items it leaves out
  if (!item.report) return { number: item.number, excluded };
  const { definition, sections, output } = item.report;
  const own = output.files.find((file) => file.name === `${definition.report.slug}.pdf`)?.content;
  const print =
    own instanceof Uint8Array
      ? { pages: await pageCount(own), sections: sectionPages(sections, await readBookmarks(own)) }
      : undefined;
  return { number: item.number, excluded, report: { print, sections, contents: definition.output.contents } };
}
