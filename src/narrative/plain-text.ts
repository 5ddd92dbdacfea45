/**
 * Text written in the report definition (inline sections, recommendations, audit themes) is prose,
 * not markup: it may call helpers ({{value ...}}), but any HTML in it is shown as written, never
 * obeyed. Markup belongs in template files, which the council owns.
 *
 * The text is parsed as Handlebars and its literal parts are escaped in the parse tree, so helper
 * arguments are left alone; anything that would write unescaped output ({{{ }}}, {{& }}, partials,
 * decorators) is refused.
 */
import Handlebars from 'handlebars';

type Node = { type: string; [key: string]: unknown };

export type PlainTextTemplate = { readonly ast: hbs.AST.Program } | { readonly problem: string };

export function plainTextTemplate(text: string, asParagraphs: boolean): PlainTextTemplate {
  const pieces = asParagraphs ? paragraphs(text) : [text];
  const body: unknown[] = [];
  for (const piece of pieces) {
    let ast: hbs.AST.Program;
    try {
      ast = Handlebars.parse(piece);
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
    const refused = escapeContent(ast as unknown as Node);
    if (refused) return { problem: `text in the report definition cannot use ${refused}; use a template file` };
    // The paragraph tags are added after escaping, as markup of our own.
    body.push(...(asParagraphs ? paragraphed(ast) : ast.body));
  }
  return { ast: { type: 'Program', body, blockParams: [], strip: {}, loc: undefined } as unknown as hbs.AST.Program };
}

/**
 * A paragraph's nodes inside <p> tags, except a {{diagram}}: a figure cannot stand inside a paragraph
 * (the browser would close the paragraph before it, leaving its number alone over the caption), so
 * the diagram stands between paragraphs and the text either side of it makes paragraphs of its own.
 */
function paragraphed(ast: hbs.AST.Program): unknown[] {
  const out: unknown[] = [];
  let run: hbs.AST.Statement[] = [];
  const flush = () => {
    const blank = run.every(
      (node) => node.type === 'ContentStatement' && (node as hbs.AST.ContentStatement).value.trim() === '',
    );
    if (!blank) out.push(content('<p>', ast), ...run, content('</p>\n', ast));
    run = [];
  };
  for (const node of ast.body) {
    if (!isDiagram(node)) {
      run.push(node);
      continue;
    }
    flush();
    out.push(node, content('\n', ast));
  }
  flush();
  return out;
}

function isDiagram(node: hbs.AST.Statement): boolean {
  const path = (node as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression | undefined;
  return node.type === 'MustacheStatement' && path?.type === 'PathExpression' && path.original === 'diagram';
}

function content(value: string, near: hbs.AST.Program): unknown {
  return { type: 'ContentStatement', value, original: value, loc: near.loc };
}

/** Escapes every literal part in place; returns what was refused, if anything. */
function escapeContent(node: Node): string | undefined {
  switch (node.type) {
    case 'Program':
      for (const child of node.body as Node[]) {
        const refused = escapeContent(child);
        if (refused) return refused;
      }
      return undefined;
    case 'ContentStatement':
      node.value = escapeHtml(node.value as string);
      return undefined;
    case 'MustacheStatement':
      return node.escaped ? undefined : 'unescaped output ({{{ }}} or {{& }})';
    case 'BlockStatement': {
      const program = node.program as Node | undefined;
      const inverse = node.inverse as Node | undefined;
      return (program && escapeContent(program)) ?? (inverse && escapeContent(inverse)) ?? undefined;
    }
    case 'CommentStatement':
      return undefined;
    default:
      return 'partials or decorators ({{> }}, {{* }})';
  }
}

/** Paragraphs are separated by blank lines. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** Text as HTML element content: the one escaper for prose the tool writes itself (Handlebars escapes template output). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
