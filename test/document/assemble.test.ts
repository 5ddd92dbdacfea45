import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleDocument, cssString, numberParagraphs, numberSections } from '../../src/document/assemble.js';
import type { RenderedSection } from '../../src/narrative/render-narrative.js';
import { ROOT } from '../support/cli.js';
import { exampleDefinition } from '../support/example.js';

const parts = {
  layout: { name: 'templates/layout.hbs', text: readFileSync(join(ROOT, 'templates/layout.hbs'), 'utf8') },
  css: 'body { color: black; }',
  fontFaces: '',
};
const provenance = { tool: 'scrutiny test', sources: ['DfE'] };
const section = (heading: string, numbered: boolean, html: string, appendix = false): RenderedSection => ({
  id: heading.toLowerCase(),
  heading,
  numbered,
  appendix,
  html,
  template: 'templates/section.hbs',
});

describe('numberParagraphs', () => {
  it('numbers each paragraph within its section and keeps its attributes', () => {
    expect(numberParagraphs('<p>a</p><p class="x">b</p>', 2)).toBe(
      '<p><span class="paragraph-number">2.1</span> a</p><p class="x"><span class="paragraph-number">2.2</span> b</p>',
    );
  });

  it('skips paragraphs marked unnumbered and leaves other elements alone', () => {
    const html = numberParagraphs(
      '<p class="unnumbered">That:</p><pre>x</pre><p>one</p><figure><table></table></figure><p>two</p>',
      1,
    );
    expect(html).toContain('<p class="unnumbered">That:</p>');
    expect(html).toContain('<pre>x</pre>');
    expect(html.match(/paragraph-number">([\d.]+)/g)).toEqual(['paragraph-number">1.1', 'paragraph-number">1.2']);
  });
});

describe('numberSections', () => {
  it('takes a diagram out of a paragraph written around it, so no number is left without text', () => {
    const [numbered] = numberSections([
      section(
        'Background',
        true,
        '<p>a</p>\n<p> <figure id="d"><figcaption>Diagram 1:</figcaption></figure>\n</p><p>b</p>',
      ),
    ]);
    expect(numbered!.html).toBe(
      '<p><span class="paragraph-number">1.1</span> a</p>\n<figure id="d"><figcaption>Diagram 1:</figcaption></figure><p><span class="paragraph-number">1.2</span> b</p>',
    );
  });

  it('keeps period labels whole in every section, numbered or not', () => {
    const sections = numberSections([
      section('Summary', false, '<p>In 2015-16</p>'),
      section('Body', true, '<p>In 2016-17</p>'),
    ]);
    expect(sections.map((s) => s.html)).toEqual([
      '<p>In <span class="period">2015-16</span></p>',
      '<p><span class="paragraph-number">1.1</span> In <span class="period">2016-17</span></p>',
    ]);
  });
});

describe('cssString', () => {
  it('keeps data inside one CSS string, whatever it holds', () => {
    expect(cssString('Children\'s "Services"')).toBe('"Children\'s \\22 Services\\22 "');
    expect(cssString('a\\b')).toBe('"a\\5C b"');
    expect(cssString('x</style><script>')).not.toMatch(/[<>]/);
    expect(cssString('line\nbreak')).toBe('"line\\A break"');
  });
});

describe('assembleDocument', () => {
  it('numbers body sections in order and their paragraphs within them', () => {
    const html = assembleDocument(
      exampleDefinition(),
      [
        section('Summary', false, '<p>s</p>'),
        section('Background', true, '<p>b1</p><p>b2</p>'),
        section('Audit', true, '<p>a1</p>'),
      ],
      parts,
      provenance,
    );
    expect(html).toContain('<span class="section-number">1.</span> Background');
    expect(html).toContain('<span class="section-number">2.</span> Audit');
    expect(html).toContain('<span class="paragraph-number">2.1</span> a1');
    expect(html).toMatch(/<p><span class="paragraph-number">1.2<\/span> b2/);
    expect(html).not.toMatch(/paragraph-number">[\d.]+<\/span> s</);
  });

  it('escapes data from the definition in the page and in the running header', () => {
    const definition = exampleDefinition((yaml) =>
      yaml
        .replace(/^  title: .*$/m, '  title: "<script>alert(1)</script> & co"')
        .replace(/^  committee: .*$/m, `  committee: 'Scrutiny"; } body { display: none } </style><script>x</script>'`),
    );
    const html = assembleDocument(definition, [section('Summary', false, '<p>s</p>')], parts, provenance);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    const header = /@top-left \{ content: (".*?(?<!\\)"); \}/.exec(html)?.[1];
    expect(header).toBeDefined();
    expect(header).not.toMatch(/<|>/);
    expect(header!.slice(1, -1)).not.toMatch(/(?<!\\)"/);
  });

  it('sets the language, title and a policy that forbids loading anything', () => {
    const html = assembleDocument(exampleDefinition(), [section('Summary', false, '<p>s</p>')], parts, provenance);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain(
      '<title>Children who become subject to a Child Protection Plan for a second or subsequent time</title>',
    );
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none';/);
  });
});
