/**
 * A report as a document model: blocks of headings, numbered paragraphs with inline runs, lists, tables,
 * figures and the contents list, in the order the document has them. Writers of formats other than HTML
 * (the Word twin) read this. It is made from the document the templates wrote (layout.hbs's front block,
 * contents and footer as well as the sections), read with a real HTML parser (parse5), so a council's
 * own layout and wording reach the twin as they reach the PDF; each figure takes its chart and
 * description from the rendered diagram itself.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { RenderedDiagram } from '../charts/render-charts.js';
import type { ReportDefinition } from '../definition/normalize.js';
import { meetingLine } from '../definition/normalize.js';
import { showable } from '../characters.js';
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
  /** A table of figures: its columns after the first are figures, set to the right. */
  readonly figures: boolean;
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
  readonly charts: ReadonlyMap<string, RenderedDiagram>;
  /** The assembled document: its layout's front block, contents list and footer as well as the sections. */
  readonly html: string;
}

export function documentModel({ definition, charts, html }: ModelSource): DocumentModel {
  const { report } = definition;
  const body = children(parse(html), 'html').flatMap((root) => children(root, 'body'))[0];
  const blocks: Block[] = [];
  if (body) readBlocks(body.childNodes, blocks, charts);
  return { runningHeader: meetingLine(report.committee, report.meetingDate), blocks };
}

const paragraph = (runs: readonly Run[], small?: boolean): Block => ({
  kind: 'paragraph',
  runs,
  ...(small && { small }),
});
const LEVELS: Readonly<Record<string, 1 | 2>> = { h1: 1, h2: 2 };

/** The blocks of a part of the document, in order; a footer's paragraphs are small print. */
function readBlocks(
  nodes: readonly Node[],
  out: Block[],
  charts: ReadonlyMap<string, RenderedDiagram>,
  small = false,
): void {
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      const runs = trimmed(inlineRuns([node]));
      if (runs.length > 0) out.push(paragraph(runs, small));
      continue;
    }
    if (!('tagName' in node)) continue;
    const tag = node.tagName;
    if (/^h[1-6]$/.test(tag)) out.push({ kind: 'heading', level: LEVELS[tag] ?? 3, text: textOf(node) });
    else if (tag === 'p') out.push({ ...paragraphOf(node), ...(small && { small }) });
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
        out.push(paragraph([{ text: `${textOf(dt)}: `, bold: true }, ...trimmed(inlineRuns(dd.childNodes))], small));
    else if (tag === 'nav' && hasClass(node, 'contents')) out.push({ kind: 'contents', title: contentsTitle(node) });
    else if (tag === 'section' && hasClass(node, 'appendix')) {
      // An appendix starts on a page of its own, as print.css has it.
      const from = out.length;
      readBlocks(node.childNodes, out, charts, small);
      const heading = out.findIndex((block, i) => i >= from && block.kind === 'heading');
      if (heading >= 0) out[heading] = { ...(out[heading] as Extract<Block, { kind: 'heading' }>), newPage: true };
    } else if (tag !== 'svg' && tag !== 'img' && tag !== 'style' && tag !== 'script' && tag !== 'template')
      readBlocks(node.childNodes, out, charts, small || tag === 'footer');
  }
}

/** The contents list's heading as the layout writes it (its first heading), "Contents" if it has none. */
function contentsTitle(nav: Element): string {
  const heading = ['h1', 'h2', 'h3'].flatMap((tag) => descendants(nav, tag))[0];
  return heading ? textOf(heading) : 'Contents';
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
  return {
    kind: 'table',
    figures: hasClass(table, 'figures'),
    head: hasHead ? (rows[0] ?? []) : [],
    rows: hasHead ? rows.slice(1) : rows,
  };
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
    ...(diagram?.svg && { chart: { svg: diagram.svg, description: showable(diagram.description) } }),
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
      const text = showable((node as DefaultTreeAdapterMap['textNode']).value).replace(/\s+/g, ' ');
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
  if (node.nodeName === '#text')
    return showable((node as DefaultTreeAdapterMap['textNode']).value).replace(/\s+/g, ' ');
  if (!('tagName' in node)) return '';
  return node.childNodes.map(textOf).join('').replace(/\s+/g, ' ').trim();
}

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const children = (element: DefaultTreeAdapterMap['parentNode'], tag: string) =>
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
