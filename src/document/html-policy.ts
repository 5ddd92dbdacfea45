/**
 * What a report's HTML may hold, whatever its templates say. The same document is printed and
 * published as the HTML twin, so it must stand alone and send no reader anywhere: no script or event
 * handlers, no frames or embedded objects, no <base>, no <link> (a report inlines all it needs), no
 * meta refresh and no javascript: URLs. Everything else of a council's layout is its own business.
 *
 * The content policy every page is printed under is also written into the twin's <head>, first, so
 * that a reader's browser loads nothing either.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** The policy every page is served under, and the HTML twin carries. */
export const CONTENT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-src 'none'; child-src 'none'; form-action 'none'; base-uri 'none'";

/** The policy as the first element of a document's head. */
export const CONTENT_POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">`;

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'link',
  'portal',
  'fencedframe',
]);
const HARMLESS_HTTP_EQUIV = new Set(['content-type', 'content-security-policy', 'x-ua-compatible', 'default-style']);
/**
 * Attributes whose value the browser fetches. The content policy stops the fetch, but the picture would
 * then be missing from the paper without a word: only what the document carries (data:) or points into
 * (#) may stand there. A srcset is never a report's (its logo comes as one data: URL), so is refused.
 */
const LOADING_ATTRIBUTES = new Set(['src', 'poster', 'background']);
const LOADING_SVG_ELEMENTS = new Set(['image', 'use', 'feimage']); // by href or xlink:href
const INSIDE_DOCUMENT = /^\s*(data:|#)/i;
/** A CSS url() or @import that reaches outside the document. */
const CSS_LOADING = /url\(\s*(?!['"]?\s*(data:|#))|@import/i;

export interface Forbidden {
  /** The start tag as written, for finding which template wrote it. */
  readonly tag: string;
  /** What is wrong, in a few words: "a <script> element". */
  readonly what: string;
}

export interface InspectedDocument {
  /** Everything the policy forbids, in document order. */
  readonly forbidden: readonly Forbidden[];
  /** The document with the content policy as the first thing in its <head>. */
  readonly html: string;
}

// Scripting off, as when printing: <noscript> content is markup then, and is checked as such.
const PARSING = { sourceCodeLocationInfo: true, scriptingEnabled: false } as const;

export function inspectDocument(html: string): InspectedDocument {
  const document = parse(html, PARSING);
  return { forbidden: forbiddenIn(document, html), html: withContentPolicy(html) };
}

/**
 * A piece of HTML from a template of the council's (a meeting pack's item text), checked on its own:
 * its layout is the tool's, so only the piece needs reading. Forbidden markup is a ReportError naming it.
 */
export function checkFragment(html: string, name: string): void {
  const forbidden = forbiddenIn(parseFragment(html, PARSING), html);
  if (forbidden.length > 0)
    throw new ReportError([...new Set(forbidden.map((found) => message.forbiddenMarkup(name, found.what, found.tag)))]);
}

function forbiddenIn(root: Node, html: string): Forbidden[] {
  const forbidden: Forbidden[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) {
      const what = describe(node);
      if (what) forbidden.push({ tag: startTag(html, node), what });
      if ('content' in node) visit(node.content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return forbidden;
}

function describe(element: Element): string | undefined {
  if (FORBIDDEN_ELEMENTS.has(element.tagName))
    return `${/^[aeio]/.test(element.tagName) ? 'an' : 'a'} <${element.tagName}> element`;
  for (const { name, value } of element.attrs) {
    if (/^on/i.test(name)) return `an event handler (${name})`;
    // Browsers drop tabs and line breaks from a URL ("jav&#x09;ascript:"), and so does the sentence.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    const plain = value.replace(/[\u0000-\u001f]/g, '');
    if (/^\s*(javascript|vbscript):/i.test(plain))
      return `a ${name.toLowerCase()} to a script (${plain.trim().slice(0, 40)})`;
  }
  const loaded = element.attrs.find(
    ({ name, value }) =>
      name === 'srcset' ||
      (name === 'style' && CSS_LOADING.test(value)) ||
      ((LOADING_ATTRIBUTES.has(name) || (name === 'href' && LOADING_SVG_ELEMENTS.has(element.tagName.toLowerCase()))) &&
        !INSIDE_DOCUMENT.test(value)),
  );
  if (loaded) return 'a file loaded from outside the report';
  if (element.tagName === 'style' && element.childNodes.some((node) => 'value' in node && CSS_LOADING.test(node.value)))
    return 'a style that loads a file from outside the report';
  const equiv =
    element.tagName === 'meta'
      ? element.attrs
          .find((attr) => attr.name === 'http-equiv')
          ?.value.trim()
          .toLowerCase()
      : undefined;
  if (equiv !== undefined && !HARMLESS_HTTP_EQUIV.has(equiv))
    return equiv === 'refresh' ? 'a meta refresh, which sends the reader elsewhere' : `a <meta http-equiv="${equiv}">`;
  return undefined;
}

function startTag(html: string, element: Element): string {
  const location = element.sourceCodeLocation?.startTag;
  return location ? html.slice(location.startOffset, location.endOffset) : `<${element.tagName}>`;
}

/**
 * The document with the content policy as its very first element, before anything the layout wrote
 * (after the doctype, so the document keeps its mode): a browser applies a policy only to what follows
 * it. The parser then starts <head> with it and folds the layout's own <html> and <head> tags in.
 */
export function withContentPolicy(html: string): string {
  const meta = CONTENT_POLICY_META;
  const at = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype[^>]*>)?/i.exec(html)![0].length;
  return html.startsWith(meta, at) ? html : `${html.slice(0, at)}${meta}${html.slice(at)}`;
}

/** A template file the document was made from, as shown to users, and its text. */
export interface TemplateText {
  readonly name: string;
  readonly text: string;
}

/**
 * The document as printed and published: the policy in its head, or, if anything in it is forbidden,
 * a ReportError naming the template that wrote it: the template file whose text holds the tag as
 * written (with its line), else the rendered part holding it (a section's), else the layout.
 */
export function applyHtmlPolicy(
  html: string,
  layout: string,
  parts: readonly { readonly name: string; readonly html: string }[],
  templates: readonly TemplateText[] = [],
): string {
  const inspected = inspectDocument(html);
  if (inspected.forbidden.length === 0) return inspected.html;
  const writer = (tag: string) => {
    const template = templates.find((t) => t.text.includes(tag));
    if (template)
      return `${template.name}, line ${template.text.slice(0, template.text.indexOf(tag)).split('\n').length}`;
    return parts.find((part) => part.html.includes(tag))?.name ?? layout;
  };
  // A partial drawn three times is one problem, not three.
  const problems = inspected.forbidden.map((found) =>
    message.forbiddenMarkup(writer(found.tag), found.what, found.tag),
  );
  throw new ReportError([...new Set(problems)]);
}
