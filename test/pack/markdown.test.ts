/** The little Markdown of agenda items: what it makes, and that markup in the file is shown, never obeyed. */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/pack/markdown.js';

describe('markdownToHtml', () => {
  it('makes paragraphs, lists, bold, italic and a sub-heading', () => {
    const html = markdownToHtml(
      '## Present\n\nCouncillor **A. Example** (Chair)\nand _others_.\n\n- One\n- Two\n\n1. First\n2. Second\n',
    );
    expect(html).toBe(
      [
        '<p class="item-subheading"><strong>Present</strong></p>',
        '<p>Councillor <strong>A. Example</strong> (Chair) and <em>others</em>.</p>',
        '<ul><li>One</li><li>Two</li></ul>',
        '<ol><li>First</li><li>Second</li></ol>',
      ].join('\n'),
    );
  });

  it('shows HTML and ampersands as written', () => {
    expect(markdownToHtml('Fish & chips <script>alert(1)</script> <b>bold</b>')).toBe(
      '<p>Fish &amp; chips &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;</p>',
    );
  });

  it('reads Windows line endings, and ignores blank runs', () => {
    expect(markdownToHtml('One\r\n\r\n\r\n\r\nTwo\r\n')).toBe('<p>One</p>\n<p>Two</p>');
  });
});
