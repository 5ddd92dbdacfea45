/**
 * Prose from the report definition as paragraphs: a diagram placed in it stands between paragraphs,
 * never inside one (a browser would close the paragraph at the figure, and its number would print
 * over the caption or alone at the foot of a page).
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { plainTextTemplate } from '../../src/narrative/plain-text.js';

function render(text: string): string {
  const template = plainTextTemplate(text, true);
  if ('problem' in template) throw new Error(template.problem);
  const hbs = Handlebars.create();
  hbs.registerHelper('diagram', (id: string) => new Handlebars.SafeString(`<figure id="${id}">…</figure>`));
  hbs.registerHelper('diagramRef', () => 'Diagram 1');
  return hbs.compile(template.ast)({});
}

describe('plain text as paragraphs', () => {
  it('makes a paragraph of each block of text', () => {
    expect(render('One & two.\n\nThree < four.')).toBe('<p>One &amp; two.</p>\n<p>Three &lt; four.</p>\n');
  });

  it('puts a diagram written as a paragraph of its own between the paragraphs, not inside one', () => {
    expect(render('{{diagramRef "a"}} shows it.\n\n{{diagram "a"}}\n\nAfter it.')).toBe(
      '<p>Diagram 1 shows it.</p>\n<figure id="a">…</figure>\n<p>After it.</p>\n',
    );
  });

  it('splits a paragraph around a diagram written inside it', () => {
    expect(render('Before {{diagram "a"}} after.')).toBe('<p>Before </p>\n<figure id="a">…</figure>\n<p> after.</p>\n');
  });

  it('makes no empty paragraph of the space around a diagram', () => {
    expect(render('  {{diagram "a"}}  \n')).toBe('<figure id="a">…</figure>\n');
  });
});
