/**
 * The report's text as a reader meets it, block by block (paragraphs, list items, headings, table
 * rows, diagram titles and notes), each with the place a clerk would cite: "paragraph 1.2", or
 * "Recommendations, item 1" where the paragraph has no number. A rebuild compares these blocks.
 *
 * Read from the assembled document, after numbering, so the places are the printed ones. The contents
 * list (its page numbers follow the text) and the revision note (it follows the comparison) are left
 * out, as are a diagram's numbers table and drawing: the chart's own entry covers its data.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { hasClass, paragraphNumberElement } from '../document/html-nodes.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export interface Paragraph {
  /** Where it is: "paragraph 1.2", "Recommendations, item 1", "front page, heading". */
  readonly place: string;
  readonly text: string;
}

/** Each kind of block, and what a reader calls it. */
const BLOCKS: Readonly<Record<string, string>> = {
  p: 'paragraph',
  li: 'item',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  dt: 'label',
  dd: 'entry',
  tr: 'table row',
  figcaption: 'diagram title',
  caption: 'table title',
};

const SKIPPED = new Set(['nav', 'svg', 'style', 'head', 'template']);

export function paragraphsOf(html: string): Paragraph[] {
  const found: Paragraph[] = [];
  const counts = new Map<string, number>();
  let area = 'front page';
  const visit = (node: Node, inFigure: boolean): void => {
    if (!('tagName' in node)) {
      if ('childNodes' in node) for (const child of node.childNodes) visit(child, inFigure);
      return;
    }
    const element = node as Element;
    if (SKIPPED.has(element.tagName) || hasClass(element, 'revision-note')) return;
    if (element.tagName === 'table' && inFigure) return;
    if (element.tagName === 'div' && hasClass(element, 'diagram-notes')) {
      for (const child of element.childNodes) if ('tagName' in child) add(child as Element, 'diagram note');
      return;
    }
    if (hasClass(element, 'provenance')) {
      found.push({ place: 'sources line', text: textOf(element, true) });
      return;
    }
    const kind = BLOCKS[element.tagName];
    if (kind) {
      if (element.tagName === 'h2') {
        area = areaName(textOf(element, true));
        counts.clear();
      }
      add(element, kind);
      return;
    }
    const figure = inFigure || element.tagName === 'figure';
    for (const child of element.childNodes) visit(child, figure);
  };
  const add = (element: Element, kind: string) => {
    const text = textOf(element, true);
    if (!text) return;
    const number = paragraphNumber(element);
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    found.push({
      place: number ? `paragraph ${number}` : `${area}, ${kind === 'heading' ? kind : `${kind} ${n}`}`,
      text,
    });
  };
  // Style sheets hold no text of the paper, and the fonts in them are most of the document's bytes.
  visit(parse(html.replace(/<style\b[^>]*>[\s\S]*?<\/style\b[^>]*>/gi, '')) as unknown as Node, false);
  return found;
}

/** What a clerk calls a part of the paper by its heading: "section 2", "Appendix A", "Recommendations". */
function areaName(heading: string): string {
  const numbered = /^(\d+)\.\s/.exec(heading);
  if (numbered) return `section ${numbered[1]}`;
  return /^Appendix [A-Z]+\b/.exec(heading)?.[0] ?? heading;
}

/** The number assemble.ts gave the paragraph, if it has one. */
function paragraphNumber(element: Element): string | undefined {
  const number = paragraphNumberElement(element);
  return number && textOf(number, false);
}

/** The element's text, spaces collapsed; its paragraph number left out when asked. */
function textOf(element: Element, withoutNumber: boolean): string {
  const pieces: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') pieces.push((node as DefaultTreeAdapterTypes.TextNode).value);
    else if ('tagName' in node) {
      const child = node as Element;
      if (SKIPPED.has(child.tagName) || (withoutNumber && hasClass(child, 'paragraph-number'))) return;
      if (child.tagName === 'br') pieces.push(' ');
      for (const grandchild of child.childNodes) walk(grandchild);
      if (child.tagName === 'td' || child.tagName === 'th') pieces.push(' | ');
    }
  };
  for (const child of element.childNodes) walk(child);
  return pieces
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/( \| )+$/, '')
    .replace(/\s*\|\s*$/, '')
    .trim();
}
