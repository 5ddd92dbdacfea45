/**
 * The little Markdown an agenda item needs (apologies, declarations, minutes): paragraphs, bullet and
 * numbered lists, **bold** and _italic_. Everything is escaped first, so no HTML in the file is obeyed.
 */
import { escapeHtml } from '../narrative/plain-text.js';

export function markdownToHtml(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map(blockToHtml)
    .join('\n');
}

function blockToHtml(block: string): string {
  const lines = block.split('\n').map((line) => line.trim());
  if (lines.every((line) => /^[-*] /.test(line)))
    return `<ul>${lines.map((line) => `<li>${inline(line.slice(2))}</li>`).join('')}</ul>`;
  if (lines.every((line) => /^\d+\. /.test(line)))
    return `<ol>${lines.map((line) => `<li>${inline(line.replace(/^\d+\. /, ''))}</li>`).join('')}</ol>`;
  const heading = /^(#{1,3}) (.*)$/.exec(lines[0]!);
  if (heading && lines.length === 1) return `<p class="item-subheading"><strong>${inline(heading[2]!)}</strong></p>`;
  return `<p>${inline(lines.join(' '))}</p>`;
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1<em>$2</em>');
}
