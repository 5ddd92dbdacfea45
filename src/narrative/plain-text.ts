/**
 * Text written in the report definition (inline sections, recommendations, audit themes) is prose,
 * not markup: it may call helpers ({{value ...}}), but any HTML in it is shown as written, never
 * obeyed. Markup belongs in template files, which the council owns.
 */

/** The prose as a Handlebars template whose literal text is HTML-escaped. */
export function plainTextTemplate(text: string): string | { problem: string } {
  if (/\{\{\s*[{&>]/.test(text)) {
    return { problem: 'text in the report definition cannot use {{{ }}}, {{& }} or partials ({{> }}); use a template file' };
  }
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Prose with paragraphs separated by blank lines -> one <p> per paragraph. */
export function paragraphs(template: string): string {
  return template
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
}
