/**
 * The report definition's schema: the single source of the TypeScript types, the validation of
 * report.config.yaml and the JSON Schema file editors use (npm run schema writes it).
 *
 * Raw types (`ReportDefinitionSpec`) are what the YAML may say; normalize.ts turns them into the
 * `ReportDefinition` the pipeline uses, applying every default in one place.
 */
import { z } from 'zod';
import { SERIES_NAMES } from '../indicators/types.js';
import { toleranceText } from '../indicators/library.js';
import { isoDate, isoMonth, slug } from './common-schema.js';
import * as message from '../diagnostics/messages.js';
import { localFigures } from './local-schema.js';

const financialYear = z.string().regex(/^\d{4}-\d{2}$/, message.rule.financialYear);

/** Handlebars text: either a template file (relative to the templates folder) or inline text. */
const templateSource = {
  template: z.string().optional().describe('A Handlebars file, relative to the templates folder.'),
  text: z
    .string()
    .optional()
    .describe(
      'Inline prose, used when no template file is given: paragraphs separated by blank lines; helpers allowed, HTML shown as written.',
    ),
};

const contactOfficer = z.strictObject({
  name: z.string().min(1),
  role: z.string().min(1),
  phone: z.string().optional(),
  email: z.email().optional(),
});

const colour = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, message.rule.colour);

const report = z.strictObject({
  title: z.string().min(1).describe('The report title, as it appears on the front block and in the PDF metadata.'),
  slug: slug.optional().describe('The output file name without extension; made from the title when left out.'),
  council: z.string().min(1).describe('The council publishing the report.'),
  committee: z.string().min(1),
  meetingDate: isoDate,
  wards: z.string().default('All'),
  portfolioHolder: z.string().optional(),
  author: z.string().optional(),
  subject: z.string().optional().describe('PDF subject; defaults to the committee and meeting date.'),
  keywords: z.array(z.string()).default([]),
  logo: z
    .string()
    .optional()
    .describe("The council's logo (png, jpg or svg), relative to the definition; embedded in the document."),
  contactOfficers: z.array(contactOfficer).default([]),
  revision: z
    .strictObject({
      date: isoDate.describe('The day the paper was revised.'),
      text: z
        .string()
        .min(1)
        .optional()
        .describe(
          'What was revised, printed after "Revised on <date>:". Left out, the build drafts it from what changed since the previous build, and prints the draft to keep or rewrite.',
        ),
    })
    .optional()
    .describe("A revision note at the top of the paper and in the PDF's document information."),
});

const area = z.strictObject({
  code: z.string().regex(/^\d{3}$/, message.rule.councilCode),
  name: z.string().min(1),
});

const localSource = z.strictObject({
  id: z.string().min(1).describe('The name indicators use to refer to this source.'),
  file: z.string().min(1).describe('An .xlsx or .csv file, relative to the report definition.'),
  sheet: z.string().optional().describe('The worksheet to read (xlsx only); the first sheet when left out.'),
  asAt: isoDate.optional().describe('The date the figures were extracted.'),
});

const data = z.strictObject({
  national: z.string().default('data/dfe').describe('The folder holding the DfE open-data files.'),
  neighbours: z
    .strictObject({
      model: z.enum(['2021', '2025']).default('2021'),
      average: z.enum(['mean', 'median']).default('mean'),
    })
    .default({ model: '2021', average: 'mean' }),
  populationYearOffset: z
    .number()
    .int()
    .min(0)
    .max(2)
    .default(1)
    .describe('Rates for the year ending March N use the mid-(N - offset) ONS population estimate.'),
  local: z.array(localSource).default([]),
});

/** An indicator of the council's own, declared by its structure: no formula is ever evaluated. */
const customIndicator = z.strictObject({
  kind: z.enum(['count', 'percentage', 'rate', 'ratio']),
  title: z.string().min(1),
  shortTitle: z.string().optional(),
  definition: z.string().min(1).describe('In plain English: what is counted, out of what.'),
  per: z.number().int().positive().default(10_000).describe('For a rate: per how many children.'),
  decimals: z.number().int().min(0).max(3).optional().describe('Decimal places: 1 by default, 0 for a count.'),
  polarity: z.enum(['low-is-good', 'high-is-good', 'none']).default('none'),
});

const indicator = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, message.rule.indicatorId),
    base: z.string().optional().describe('A built-in indicator this one reports, for example cpp_subsequent_percent.'),
    custom: customIndicator.optional().describe("An indicator of the council's own, from a local data source."),
    title: z.string().optional().describe("Overrides the built-in indicator's title."),
    shortTitle: z.string().optional(),
    definition: z.string().optional(),
    similarWithin: toleranceText
      .optional()
      .describe('How close two figures must be to be called similar: "1 point" or "5%".'),
    polarity: z
      .enum(['low-is-good', 'high-is-good', 'none'])
      .optional()
      .describe(
        "Overrides the built-in indicator's polarity: whether a lower or higher figure is better, for this council's judgements and ranks.",
      ),
    from: financialYear.optional().describe('The first financial year to report.'),
    to: financialYear.optional().describe('The last financial year to report.'),
    local: localFigures.optional(),
  })
  .refine((i) => (i.base === undefined) !== (i.custom === undefined), {
    message: message.rule.baseOrCustom,
  })
  .refine((i) => i.custom === undefined || i.local !== undefined, {
    message: message.rule.customNeedsLocal,
  });

const diagram = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, message.rule.diagramId),
  title: z.string().min(1),
  indicator: z.string().describe('The indicator the diagram shows (the first of a breakdown).'),
  indicators: z.array(z.string()).optional().describe('For a breakdown: the indicators shown side by side.'),
  series: z
    .array(z.string().min(1))
    .default(['council', 'neighbours', 'england'])
    .describe(`The series to draw: ${SERIES_NAMES.join(', ')}, or a council named in comparators.`),
  table: z.boolean().default(true),
  chart: z
    .union([
      z.enum(['trend', 'benchmark', 'neighbours', 'breakdown', 'monthly', 'areas', 'none']),
      z.strictObject({
        vegaLite: z
          .record(z.string(), z.unknown())
          .describe("A Vega-Lite spec; its data is { name: '<indicator id>' }."),
      }),
    ])
    .default('trend'),
  period: z
    .string()
    .default('latest-year')
    .describe('For one-period charts: a period such as 2015-16, or first, latest, latest-year.'),
  zero: z.boolean().default(true).describe('Start the value axis at zero.'),
  target: z.number().optional().describe('For a monthly chart: the target line.'),
});

const section = z
  .strictObject({
    heading: z.string().min(1),
    numbered: z.boolean().default(false).describe('Number the section and its paragraphs (1., 1.1, 1.2 ...).'),
    appendix: z.boolean().default(false).describe('An appendix (A, B ...), after the body, starting on a new page.'),
    ...templateSource,
  })
  .refine((s) => (s.template === undefined) !== (s.text === undefined), {
    message: message.rule.templateOrText,
  });

const recommendations = z.strictObject({
  intro: z.string().default('That:'),
  items: z.array(z.string().min(1)).min(1).describe('Each recommendation, as Handlebars text.'),
});

const audit = z.strictObject({
  month: isoMonth,
  cases: z.number().int().nonnegative(),
  children: z.number().int().nonnegative(),
  themes: z.array(z.string().min(1)).default([]),
});

const disclosure = z.strictObject({
  public: z
    .boolean()
    .default(false)
    .describe(
      'The report will be published: the council\'s own counts from 1 to the threshold are withheld ("c"), with the figures made from them.',
    ),
  threshold: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(5)
    .describe('The largest count that is withheld in a public report.'),
});

const output = z.strictObject({
  folder: z
    .string()
    .default('output')
    .describe('Where the PDF and HTML are written, relative to the report definition.'),
  pdf: z.boolean().default(true),
  html: z.boolean().default(true),
  contents: z
    .boolean()
    .default(false)
    .describe('A contents list after the front block, with the page each section starts on.'),
  charts: z
    .union([z.boolean(), z.literal('png')])
    .default(true)
    .describe(
      'Also write each chart on its own for slides: <slug>/charts/<id>.svg; "png" adds a PNG of each at twice its size, drawn by the browser.',
    ),
  docx: z
    .boolean()
    .default(false)
    .describe('Also write <slug>.docx, a Word twin with the same content, for committee systems that take Word.'),
});

/**
 * Keys a definition may not hold, with the reason: a definition may come from anyone, so it never
 * chooses a program to run (the browser comes from the machine: --browser or SCRUTINY_BROWSER).
 */
export const REFUSED_KEYS: Readonly<Record<string, string>> = {
  'output.browser':
    'a report definition may not choose a program to run; name the browser with --browser or the SCRUTINY_BROWSER environment variable',
};

export const reportDefinitionSchema = z.strictObject({
  report,
  area,
  data: data.default({
    national: 'data/dfe',
    neighbours: { model: '2021', average: 'mean' },
    populationYearOffset: 1,
    local: [],
  }),
  templates: z
    .string()
    .optional()
    .describe(
      'The folder holding layout.hbs, print.css and section templates; any file it lacks comes from the built-in templates. Default: templates/ beside the definition, if there is one.',
    ),
  comparators: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Other councils to compare with, by DfE code ("889") or name ("Blackburn with Darwen"): usable in diagram series and with= like england, region and neighbours.',
    ),
  indicators: z.array(indicator).default([]),
  diagrams: z.array(diagram).default([]),
  sections: z.array(section).min(1),
  recommendations: recommendations.optional(),
  audit: audit.optional(),
  disclosure: disclosure.default({ public: false, threshold: 5 }),
  style: z
    .strictObject({
      accent: colour.optional().describe('Headings, rules and highlights.'),
      text: colour.optional(),
      muted: colour.optional().describe('Running header, footer and notes.'),
      rule: colour.optional().describe('Table borders and rules.'),
      tableHead: colour.optional().describe('The background of table headers.'),
    })
    .default({})
    .describe("The council's colours for the document (the chart colours are in theme)."),
  theme: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Overrides for templates/chart-theme.json: font, sizes, series colours, dashes and markers.'),
  output: output.default({ folder: 'output', pdf: true, html: true, contents: false, charts: true, docx: false }),
});

/** What the YAML may say, before defaults. */
export type ReportDefinitionSpec = z.input<typeof reportDefinitionSchema>;
/** After validation and defaults. */
export type ValidatedDefinition = z.output<typeof reportDefinitionSchema>;
export type SectionSpec = z.output<typeof section>;
export type DiagramSpec = z.output<typeof diagram>;
export type IndicatorSpec = z.output<typeof indicator>;
export type LocalSourceSpec = z.output<typeof localSource>;
