/**
 * A report as a document model: the front block, then each section as headings, numbered paragraphs
 * with inline runs, lists, tables and figures, then the sources line. Writers of formats other than
 * HTML (the Word twin) read this rather than converting the HTML document: the model is made from the
 * same rendered sections the HTML document lays out, read with a real HTML parser (parse5), and each
 * figure takes its chart and description from the rendered diagram itself.
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { RenderedDiagram } from '../charts/render-charts.js';
import type { ReportDefinition } from '../definition/normalize.js';
import { meetingLine } from '../definition/normalize.js';
import { formatDate } from '../dates.js';
import type { RenderedSection } from '../narrative/render-narrative.js';
import { headingText, numberSections, type Provenance } from './assemble.js';
import { hasClass, paragraphNumberElement } from './html-nodes.js';

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** A line break before the text. */
  readonly breakBefore?: boolean;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly head: readonly string[];
  /** Each row's first cell heads the row. */
  readonly rows: readonly (readonly string[])[];
}

export type Block =
  | {
      readonly kind: 'heading';
      readonly level: 1 | 2 | 3;
      readonly text: string;
      /** An appendix starts on a page of its own. */
      readonly newPage?: boolean;
    }
  | { readonly kind: 'paragraph'; readonly number?: string; readonly runs: readonly Run[]; readonly small?: boolean }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Run[])[] }
  | TableBlock
  /** A contents list of the sections, after the front block. */
  | { readonly kind: 'contents'; readonly title: string }
  | {
      readonly kind: 'figure';
      readonly title: string;
      readonly table?: TableBlock;
      /** The chart as drawn for the document, and what it shows in words. */
      readonly chart?: { readonly svg: string; readonly description: string };
      readonly notes: readonly (readonly Run[])[];
    };

export interface DocumentModel {
  readonly runningHeader: string;
  readonly blocks: readonly Block[];
}

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

/** What the model is made from: a built report's parts (outputs/types.ts's BuiltReport has them all). */
export interface ModelSource {
  readonly definition: ReportDefinition;
  readonly sections: readonly RenderedSection[];
  readonly charts: ReadonlyMap<string, RenderedDiagram>;
  readonly provenance: Provenance;
  readonly revision?: { readonly date: string; readonly text: string };
  /** The assembled document, for what the layout itself writes (the contents list's heading). */
  readonly html: string;
}

export function documentModel({
  definition,
  sections,
  charts,
  provenance,
  revision,
  html,
}: ModelSource): DocumentModel {
  const { report } = definition;
  const blocks: Block[] = [];
  if (revision)
    blocks.push(
      paragraph([{ text: `Revised on ${formatDate(revision.date)}: `, bold: true }, { text: revision.text }]),
    );
  blocks.push(
    paragraph([{ text: report.committee, bold: true }]),
    paragraph([{ text: formatDate(report.meetingDate) }]),
  );
  blocks.push({ kind: 'heading', level: 1, text: report.title });
  blocks.push(paragraph([{ text: 'Ward(s): ', bold: true }, { text: report.wards }]));
  if (report.portfolioHolder)
    blocks.push(paragraph([{ text: 'Portfolio: ', bold: true }, { text: report.portfolioHolder }]));
  if (definition.output.contents) blocks.push({ kind: 'contents', title: contentsTitle(html) });
  for (const section of numberSections(sections)) {
    blocks.push({ kind: 'heading', level: 2, text: headingText(section), ...(section.appendix && { newPage: true }) });
    readBlocks(parseFragment(section.html).childNodes, blocks, charts);
  }
  const sources = `Figures from: ${provenance.sources.join('; ')}. Produced with ${provenance.tool}.`;
  blocks.push({ kind: 'paragraph', runs: [{ text: sources }], small: true });
  return { runningHeader: meetingLine(report.committee, report.meetingDate), blocks };
}

/** The contents list's heading as the layout writes it (its nav's first heading), "Contents" if it has none. */
function contentsTitle(html: string): string {
  const nav = descendants(parse(html) as unknown as Element, 'nav').find((element) => hasClass(element, 'contents'));
  const heading = nav && ['h1', 'h2', 'h3'].flatMap((tag) => descendants(nav, tag))[0];
  return heading ? textOf(heading) : 'Contents';
}

const paragraph = (runs: readonly Run[]): Block => ({ kind: 'paragraph', runs });

function readBlocks(nodes: readonly Node[], out: Block[], charts: ReadonlyMap<string, RenderedDiagram>): void {
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      const runs = trimmed(inlineRuns([node]));
      if (runs.length > 0) out.push(paragraph(runs));
      continue;
    }
    if (!('tagName' in node)) continue;
    const tag = node.tagName;
    if (/^h[1-6]$/.test(tag)) out.push({ kind: 'heading', level: 3, text: textOf(node) });
    else if (tag === 'p') out.push(paragraphOf(node));
    else if (tag === 'ol' || tag === 'ul')
      out.push({
        kind: 'list',
        ordered: tag === 'ol',
        items: children(node, 'li').map((li) => trimmed(inlineRuns(li.childNodes))),
      });
    else if (tag === 'table') out.push(tableOf(node));
    else if (tag === 'figure') out.push(figureOf(node, charts));
    else if (tag === 'dl')
      for (const [dt, dd] of pairs(node))
        out.push(paragraph([{ text: `${textOf(dt)}: `, bold: true }, ...trimmed(inlineRuns(dd.childNodes))]));
    else if (tag !== 'svg' && tag !== 'img' && tag !== 'style') readBlocks(node.childNodes, out, charts);
  }
}

/** A paragraph, with its number ("1.1") apart from its words. */
function paragraphOf(p: Element): Block {
  const number = paragraphNumberElement(p);
  const rest = number ? p.childNodes.filter((node) => node !== number) : p.childNodes;
  return { kind: 'paragraph', ...(number && { number: textOf(number) }), runs: trimmed(inlineRuns(rest)) };
}

function tableOf(table: Element): TableBlock {
  const rows = descendants(table, 'tr').map((tr) =>
    tr.childNodes.filter((cell): cell is Element => 'tagName' in cell && /^t[hd]$/.test(cell.tagName)).map(textOf),
  );
  const hasHead = descendants(table, 'thead').length > 0;
  return { kind: 'table', head: hasHead ? (rows[0] ?? []) : [], rows: hasHead ? rows.slice(1) : rows };
}

function figureOf(figure: Element, charts: ReadonlyMap<string, RenderedDiagram>): Block {
  const id = attribute(figure, 'id');
  const diagram = id === undefined ? undefined : charts.get(id);
  const caption = descendants(figure, 'figcaption')[0];
  const table = descendants(figure, 'table')[0];
  const notes = descendants(figure, 'div').filter((div) => hasClass(div, 'diagram-notes'))[0];
  return {
    kind: 'figure',
    title: caption ? textOf(caption) : '',
    ...(table && { table: tableOf(table) }),
    ...(diagram?.svg && { chart: { svg: diagram.svg, description: diagram.description } }),
    notes: notes
      ? children(notes, 'div')
          .map((div) => trimmed(inlineRuns(div.childNodes)))
          .filter((runs) => runs.length > 0)
      : [],
  };
}

/** The words of inline content as runs: bold and italic kept, line breaks marked, spaces collapsed. */
function inlineRuns(nodes: readonly Node[], style: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const runs: Run[] = [];
  let breakNext = false;
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      const text = (node as DefaultTreeAdapterMap['textNode']).value.replace(/\s+/g, ' ');
      if (text === '') continue;
      runs.push({ text, ...style, ...(breakNext && { breakBefore: true }) });
      breakNext = false;
    } else if ('tagName' in node) {
      if (node.tagName === 'br') breakNext = true;
      else if (node.tagName === 'svg' || node.tagName === 'style') continue;
      else {
        const bold = style.bold || node.tagName === 'strong' || node.tagName === 'b';
        const italic = style.italic || node.tagName === 'em' || node.tagName === 'i';
        const inner = inlineRuns(node.childNodes, { ...(bold && { bold }), ...(italic && { italic }) });
        if (breakNext && inner[0]) inner[0] = { ...inner[0], breakBefore: true };
        if (inner.length > 0) breakNext = false;
        runs.push(...inner);
      }
    }
  }
  return runs;
}

/** Runs without the spaces at their ends or around a line break, and without runs left empty. */
function trimmed(runs: readonly Run[]): Run[] {
  const out = runs.map((run, i) => {
    let text = run.text;
    if (i === 0 || run.breakBefore) text = text.trimStart();
    const next = runs[i + 1];
    if (!next || next.breakBefore) text = text.trimEnd();
    return { ...run, text };
  });
  return out.filter((run) => run.text !== '' || run.breakBefore);
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value.replace(/\s+/g, ' ');
  if (!('tagName' in node)) return '';
  return node.childNodes.map(textOf).join('').replace(/\s+/g, ' ').trim();
}

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const children = (element: Element, tag: string) =>
  element.childNodes.filter((node): node is Element => 'tagName' in node && node.tagName === tag);

function descendants(element: Element, tag: string): Element[] {
  return element.childNodes.flatMap((node) =>
    'tagName' in node ? [...(node.tagName === tag ? [node] : []), ...descendants(node, tag)] : [],
  );
}

function pairs(dl: Element): [Element, Element][] {
  const items = dl.childNodes.flatMap((node) =>
    'tagName' in node ? (node.tagName === 'div' ? children(node, 'dt').concat(children(node, 'dd')) : [node]) : [],
  );
  const out: [Element, Element][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push([items[i]!, items[i + 1]!]);
  return out;
}
