/**
 * The words of a new report come from files, not code: templates/init/<kind>/ holds the definition's
 * template (report.config.yaml.hbs), what the workbook says (workbook.yaml.hbs), and the section
 * templates the definition names, copied as they are. A council's officer can change any of them
 * without touching TypeScript.
 */
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { FileSystem } from '../files/project-files.js';
import { possessive } from '../format.js';
import { BUILT_IN_TEMPLATES } from '../version.js';
import type { TemplateFacts } from './template-facts.js';

export const KINDS = ['paper', 'overview', 'monthly'] as const;
export type Kind = (typeof KINDS)[number];

const DEFINITION = 'report.config.yaml.hbs';
const WORKBOOK = 'workbook.yaml.hbs';

/** What the workbook's Instructions sheet says, and the rows each sheet starts with. */
const workbookText = z.strictObject({
  about: z.string(),
  /** What init tells the officer to do with the workbook once the project is written. */
  next: z.string(),
  sheets: z
    .record(
      z.string(),
      z.strictObject({
        about: z.string(),
        columns: z.record(z.string(), z.string()).default({}),
        rows: z
          .array(
            z.strictObject({
              cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
              note: z.string().optional(),
            }),
          )
          .default([]),
      }),
    )
    .default({}),
});
export type WorkbookText = z.output<typeof workbookText>;

export interface KindTemplates {
  readonly folder: string;
  /** The section templates the kind offers, by file name, as written. */
  readonly sections: ReadonlyMap<string, string>;
  readonly definition: string;
  readonly workbook: string;
}

/** The kind's template files, read once: which section templates exist decides what an overview includes. */
export async function kindTemplates(kind: Kind, fs: FileSystem): Promise<KindTemplates> {
  const folder = join(BUILT_IN_TEMPLATES, 'init', kind);
  const names = fs.listDir(folder).filter((name) => name.endsWith('.hbs'));
  const texts = new Map(
    await Promise.all(names.map(async (name) => [name, await fs.readText(join(folder, name))] as const)),
  );
  const sections = new Map([...texts].filter(([name]) => name !== DEFINITION && name !== WORKBOOK));
  const required = (name: string) => {
    const text = texts.get(name);
    if (text === undefined)
      throw new ReportError(message.initTemplateProblem(join(folder, name), 'the file is missing'));
    return text;
  };
  return { folder, sections, definition: required(DEFINITION), workbook: required(WORKBOOK) };
}

export interface RenderedProject {
  readonly definition: string;
  readonly workbook: WorkbookText;
}

export function renderProject(templates: KindTemplates, facts: TemplateFacts): RenderedProject {
  const definition = render(templates.folder, DEFINITION, templates.definition, facts);
  const text = render(templates.folder, WORKBOOK, templates.workbook, facts);
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new ReportError(message.initTemplateProblem(join(templates.folder, WORKBOOK), String(error)));
  }
  const checked = workbookText.safeParse(parsed);
  if (!checked.success)
    throw new ReportError(
      message.initTemplateProblem(join(templates.folder, WORKBOOK), z.prettifyError(checked.error).replace(/\n/g, ' ')),
    );
  return { definition, workbook: checked.data };
}

function render(folder: string, name: string, text: string, facts: TemplateFacts): string {
  const hbs = Handlebars.create();
  // A YAML scalar as YAML would write it: quoted only when it must be, so names read plainly.
  hbs.registerHelper('yaml', (value: unknown) => {
    // Strict templates do not check a helper's arguments: a misspelt field arrives here as undefined.
    if (value === undefined) throw new Error('{{yaml}} was given a field that is not defined');
    return stringify(value, { lineWidth: 0 }).trimEnd();
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // {{#each (ordered indicators "a" "b")}}: the indicators in the order the template lists, any others after.
  hbs.registerHelper('ordered', (items: readonly { id: string }[], ...rest: unknown[]) => {
    const order = rest.slice(0, -1).map(String);
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    return [...items].sort((a, b) => rank(a.id) - rank(b.id));
  });
  hbs.registerHelper('possessive', (value: unknown) => possessive(String(value)));
  try {
    return hbs.compile(text, { strict: true, noEscape: true })(facts, { allowProtoPropertiesByDefault: false });
  } catch (error) {
    throw new ReportError(
      message.initTemplateProblem(join(folder, name), error instanceof Error ? error.message : String(error)),
    );
  }
}
