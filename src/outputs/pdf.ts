/** <slug>.pdf: the document printed, tagged, with the report's information and dates. */
import { reportInformation, setPdfMetadata } from '../pdf/metadata.js';
import type { OutputFormat } from './types.js';

export const pdfOutput: OutputFormat = {
  wanted: (definition) => definition.output.pdf,
  async render({ definition, html, revision }, { printer, sourceDate, log }) {
    if (!printer) return [];
    const name = `${definition.report.slug}.pdf`;
    log(`Printing ${name}`);
    const printed = await (await printer).print(html);
    return [{ name, content: await setPdfMetadata(printed, reportInformation(definition, sourceDate, revision)) }];
  },
};
