/** <slug>.html: the HTML twin, the very document the PDF is printed from. */
import type { OutputFormat } from './types.js';

export const htmlOutput: OutputFormat = {
  wanted: (definition) => definition.output.html,
  render: async ({ definition, html }) => [{ name: `${definition.report.slug}.html`, content: html }],
};
