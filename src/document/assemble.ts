/**
 * The document stage: rendered sections -> one self-contained HTML document (layout.hbs + print.css +
 * inlined fonts). The same file is printed to PDF and published as the HTML twin.
 *
 * Numbering happens here because it depends on the order of sections: body sections are numbered 1, 2,
 * 3 and each of their paragraphs 1.1, 1.2 (a <p class="unnumbered"> is skipped).
 */
import { randomBytes } from 'node:crypto';
import Handlebars from 'handlebars';
import type { ReportDefinition } from '../definition/normalize.js';
import type { RenderedSection } from '../narrative/render-narrative.js';
import { formatDate } from '../dates.js';
import * as message from '../diagnostics/messages.js';
import { handlebarsError, refuseInheritedNames, type TemplateSource } from '../narrative/render-narrative.js';
import { applyHtmlPolicy } from './html-policy.js';
import { keepPeriodsWhole } from './periods-whole.js';
import { logoAlt } from './logo.js';

export interface DocumentParts {
  readonly layout: TemplateSource;
  readonly css: string;
  readonly fontFaces: string;
  /** The council's logo as a data: URL, embedded so the document loads nothing. */
  readonly logo?: string;
  /** The template files the sections came from (partials too), so forbidden markup is named where it is written. */
  readonly templates?: readonly TemplateSource[];
}

export interface Provenance {
  readonly tool: string;
  readonly sources: readonly string[];
}

export interface NumberedSection extends RenderedSection {
  /** 1, 2, 3 for body sections. */
  readonly number?: number;
  /** A, B, C for appendices. */
  readonly letter?: string;
}

/**
 * The page each section starts on, for a contents page: from a first print's bookmarks, or "00" in the
 * first pass (as wide as the real numbers, so the second pass lays out the same).
 */
export type SectionPages = ReadonlyMap<string, number> | 'placeholder';

export function assembleDocument(
  definition: ReportDefinition,
  sections: readonly RenderedSection[],
  parts: DocumentParts,
  provenance: Provenance,
  pages?: SectionPages,
  revision?: { readonly date: string; readonly text: string },
): string {
  const hbs = layoutHandlebars();

  const numbered = numberSections(sections);

  const r = definition.report;
  const context = {
    report: {
      ...r,
      portfolioHolder: r.portfolioHolder ?? null,
      author: r.author ?? null,
      subject: r.subject,
    },
    runningHeader: r.meeting,
    revision: revision ?? null,
    logo: parts.logo ? { src: parts.logo, alt: logoAlt(r.council) } : null,
    // The council's colours, as CSS custom properties over the house style's own; validated as #rgb or #rrggbb.
    colours: new Handlebars.SafeString(
      Object.entries(definition.style)
        .flatMap(([name, value]) =>
          value ? [`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`] : [],
        )
        .join(' '),
    ),
    sections: numbered,
    contents:
      pages &&
      numbered.map((section) => ({
        id: section.id,
        title: headingText(section),
        page: pages === 'placeholder' ? '00' : (pages.get(section.id) ?? ''),
      })),
    css: new Handlebars.SafeString(parts.css),
    fontFaces: new Handlebars.SafeString(FONT_FACES),
    provenance,
  };
  let html: string;
  const layout = refuseInheritedNames(parts.layout);
  try {
    html = hbs.compile(layout.ast ?? layout.text, { strict: true })(context);
  } catch (error) {
    if (error instanceof Error) throw handlebarsError(parts.layout, error);
    throw error;
  }
  // Prose from the definition is escaped, so it never writes a tag: only template files are searched.
  const templates = [...(parts.templates ?? []), parts.layout].filter((template) => !template.ast);
  const checked = applyHtmlPolicy(
    html,
    parts.layout.name,
    sections.map((section) => ({ name: section.template, html: section.html })),
    templates,
  );
  return checked.split(FONT_FACES).join(parts.fontFaces);
}

/**
 * Where the layout puts the fonts, until the document has been checked: the @font-face rules are the
 * tool's own, and two thirds of the document's bytes, which the check need not read. Random, so that
 * no template can write it.
 */
const FONT_FACES = `/* font faces ${randomBytes(8).toString('hex')} */`;

/** The Handlebars a document layout (a report's or a pack's) runs in: dates, and strings for CSS. */
export function layoutHandlebars(): typeof Handlebars {
  const hbs = Handlebars.create();
  hbs.registerHelper('date', (iso: string) => formatDate(iso));
  hbs.registerHelper('cssString', (text: unknown, options?: Handlebars.HelperOptions) => {
    if (typeof text !== 'string' || options === undefined)
      throw new Error(message.helperArguments('cssString', '{{cssString runningHeader}}', options ? 1 : 0));
    return new Handlebars.SafeString(cssString(text));
  });
  hbs.registerHelper('sectionHeading', (section: HeadingOf) => new Handlebars.SafeString(headingHtml(section)));
  return hbs;
}

/** What a heading is made of; a layout's sections have null for what they lack. */
type HeadingOf = { readonly heading: string; readonly number?: number | null; readonly letter?: string | null };

/** "1." or "Appendix A:": what comes before a section's heading, if anything. */
function headingPrefix(section: HeadingOf): string | undefined {
  if (section.number != null) return `${section.number}.`;
  if (section.letter != null) return `Appendix ${section.letter}:`;
  return undefined;
}

/** A section's heading as printed, and so as its bookmark reads: "1. Background and context". */
export function headingText(section: HeadingOf): string {
  const prefix = headingPrefix(section);
  return prefix ? `${prefix} ${section.heading}` : section.heading;
}

/** The same heading as layouts print it, with {{sectionHeading this}}: the number in a span of its own. */
function headingHtml(section: HeadingOf): string {
  const prefix = headingPrefix(section);
  const heading = Handlebars.escapeExpression(section.heading);
  if (!prefix) return heading;
  return section.number != null ? `<span class="section-number">${prefix}</span> ${heading}` : `${prefix} ${heading}`;
}

/** Sections numbered and lettered as the document shows them, their period labels kept whole. */
export function numberSections(sections: readonly RenderedSection[]): NumberedSection[] {
  let next = 0;
  let appendices = 0;
  return sections.map((rendered) => {
    const section = { ...rendered, html: keepPeriodsWhole(unwrapDiagrams(rendered.html)) };
    if (section.appendix) return { ...section, letter: String.fromCharCode(65 + appendices++) };
    if (!section.numbered) return section;
    next += 1;
    return { ...section, number: next, html: numberParagraphs(section.html, next) };
  });
}

/**
 * A diagram written inside a paragraph (<p>{{diagram "x"}}</p>) is taken out of it. A browser closes
 * the paragraph where the figure starts, so the paragraph would be empty but for its number, which
 * would print over the caption or stand alone at the foot of a page.
 */
export function unwrapDiagrams(html: string): string {
  return html.replace(/<p(?:\s[^>]*)?>\s*(<figure\b[\s\S]*?<\/figure>)\s*<\/p>/g, '$1');
}

/** Prefix each paragraph with its number: <p> -> <p><span class="paragraph-number">1.2</span> */
export function numberParagraphs(html: string, section: number): string {
  let paragraph = 0;
  return html.replace(/<p(\s[^>]*)?>/g, (tag: string, attributes: string | undefined) => {
    if (attributes && /\bclass="[^"]*\bunnumbered\b/.test(attributes)) return tag;
    paragraph += 1;
    return `${tag}<span class="paragraph-number">${section}.${paragraph}</span> `;
  });
}

/**
 * A CSS string literal: data such as a committee name goes into @page margin boxes, where HTML
 * escaping does not apply. Quotes, backslashes, line breaks and "<" (which could close the <style>)
 * become CSS escapes.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}
