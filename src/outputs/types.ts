/** What every output format of a report is made from, and the shape of a format. */
import type { RenderedDiagram } from '../charts/render-charts.js';
import type { ReportDefinition } from '../definition/normalize.js';
import type { OutputFile } from '../files/write-output.js';
import type { IndicatorSet } from '../indicators/types.js';
import type { Printer } from '../pdf/print.js';

export interface BuiltReport {
  readonly definition: ReportDefinition;
  readonly indicators: IndicatorSet;
  readonly charts: ReadonlyMap<string, RenderedDiagram>;
  /** The assembled document: printed to PDF, published as the HTML twin, and read by other formats' writers. */
  readonly html: string;
  /** The embedded fonts' CSS, for drawing charts on their own. */
  readonly fontFaces: string;
  /** The council's logo as a data: URL, when the report has one. */
  readonly logo?: string;
  /** The revision note the document prints, also given in the PDF's information. */
  readonly revision?: { readonly date: string; readonly text: string };
}

export interface OutputContext {
  /** The browser, when the report is printed. */
  readonly printer?: Promise<Printer>;
  /** SOURCE_DATE_EPOCH, for reproducible builds. */
  readonly sourceDate?: Date;
  readonly log: (line: string) => void;
}

export interface OutputFormat {
  /** Whether the definition asks for this format. */
  wanted(definition: ReportDefinition): boolean;
  /** Its files, named within the report's output folder. */
  render(report: BuiltReport, context: OutputContext): Promise<OutputFile[]>;
}
