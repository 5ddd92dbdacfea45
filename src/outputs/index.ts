/**
 * The formats a report is written in. A new format is one module here, added to the list: it says
 * whether the definition wants it and makes its files from the built report.
 */
import type { OutputFile } from '../files/write-output.js';
import { chartsOutput } from './charts.js';
import { docxOutput } from './docx.js';
import { htmlOutput } from './html.js';
import { indicatorsOutput } from './indicators-json.js';
import { pdfOutput } from './pdf.js';
import type { BuiltReport, OutputContext, OutputFormat } from './types.js';

export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  pdfOutput,
  htmlOutput,
  docxOutput,
  indicatorsOutput,
  chartsOutput,
];

/** Every wanted format's files, made together (the browser prints while the standalone charts are drawn). */
export async function renderOutputs(report: BuiltReport, context: OutputContext): Promise<OutputFile[]> {
  const wanted = OUTPUT_FORMATS.filter((format) => format.wanted(report.definition));
  return (await Promise.all(wanted.map((format) => format.render(report, context)))).flat();
}
