/**
 * The narrative stage: every section's Handlebars template -> HTML, in report order (diagram numbers
 * follow the order of mention). Templates run strictly: a misspelt field, helper, indicator or period
 * stops the build with the template's name and line.
 */
import Handlebars from 'handlebars';
import type { RenderedDiagram } from '../charts/render-charts.js';
import type { ReportDefinition } from '../definition/normalize.js';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { IndicatorSet } from '../indicators/types.js';
import { neighbourModelLabel } from '../indicators/neighbours.js';
import { createDiagramPlacer, type DiagramView } from './diagrams.js';
import { nearest } from '../diagnostics/nearest.js';
import { HELPER_NAMES, registerHelpers } from './helpers.js';
import { TemplateUsageError, type Uses } from './lookups.js';
import type { DiagramSpec } from '../definition/schema.js';
import { plainTextTemplate } from './plain-text.js';
import { isDisclosive } from '../indicators/suppression.js';

export interface TemplateSource {
  /** As shown in errors. */
  readonly name: string;
  readonly text: string;
  /** Already parsed (and escaped), for prose from the report definition. */
  readonly ast?: hbs.AST.Program;
}

export interface NarrativeTemplates {
  /** Section templates in report order. */
  readonly sections: readonly TemplateSource[];
  /** Partials by name (templates/partials/<name>.hbs); "diagram" draws a diagram. */
  readonly partials: ReadonlyMap<string, TemplateSource>;
}

export interface RenderedSection {
  readonly id: string;
  readonly heading: string;
  readonly numbered: boolean;
  readonly appendix: boolean;
  readonly html: string;
  /** The template it was rendered from, as shown to users. */
  readonly template: string;
}

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((name) => [name, true])),
};

export interface RenderedNarrative {
  readonly sections: readonly RenderedSection[];
  /** What the report states: the indicators and series its helpers looked up, and the diagrams it draws. */
  readonly used: Uses & { readonly diagrams: readonly DiagramSpec[] };
  /** Diagrams the definition gives that no section places. */
  readonly unused: readonly DiagramSpec[];
}

export function renderNarrative(
  definition: ReportDefinition,
  set: IndicatorSet,
  charts: ReadonlyMap<string, RenderedDiagram>,
  templates: NarrativeTemplates,
): RenderedNarrative {
  const hbs = Handlebars.create();
  for (const [name, partial] of templates.partials) {
    refuseInheritedNames(partial);
    hbs.registerPartial(name, partial.text);
  }
  const diagramPartial = templates.partials.get('diagram');
  const placer = createDiagramPlacer(definition.diagrams, set, charts, (view: DiagramView) => {
    if (!diagramPartial)
      throw new ReportError(
        message.templateProblem(definition.templatesDir, 'there is no partials/diagram.hbs to draw diagrams with'),
      );
    return run(hbs, diagramPartial, view);
  });
  const uses = registerHelpers(hbs, set, placer);

  // Recommendations and audit themes are small templates of their own; sections see them rendered.
  const base = baseContext(definition, set);
  const renderText = (name: string, text: string) => new Handlebars.SafeString(run(hbs, plainText(name, text), base));
  const context = {
    ...base,
    audit: definition.audit && {
      ...base.audit,
      themes: definition.audit.themes.map((text, i) => renderText(definition.audit!.themeNames[i]!, text)),
    },
    recommendations: definition.recommendations && {
      ...base.recommendations,
      items: definition.recommendations.items.map((text, i) =>
        renderText(definition.recommendations!.itemNames[i]!, text),
      ),
    },
  };

  const sections = definition.sections.map((section, i) => ({
    id: sectionId(section.heading, i),
    heading: section.heading,
    numbered: section.numbered,
    appendix: section.appendix,
    html: run(hbs, templates.sections[i]!, context),
    template: templates.sections[i]!.name,
  }));
  const unplaced = placer.unplaced();
  if (unplaced.length > 0) throw new ReportError(unplaced.map((id) => message.diagramNotPlaced(id, definition.file)));
  const diagrams = placer.placed();
  return { sections, used: { ...uses, diagrams }, unused: definition.diagrams.filter((d) => !diagrams.includes(d)) };
}

/** Prose from the report definition, as a template that escapes its own text. */
export function plainText(name: string, text: string, asParagraphs = false): TemplateSource {
  const template = plainTextTemplate(text, asParagraphs);
  if ('problem' in template) throw new ReportError(message.templateProblem(name, template.problem));
  return { name, text, ast: template.ast };
}

function run(hbs: typeof Handlebars, source: TemplateSource, context: unknown): string {
  const checked = refuseInheritedNames(source);
  try {
    return hbs.compile(checked.ast ?? checked.text, COMPILE_OPTIONS)(context, { allowProtoPropertiesByDefault: false });
  } catch (error) {
    if (error instanceof ReportError) throw error;
    if (error instanceof TemplateUsageError) {
      throw new ReportError(
        message.templateProblem(
          error.line === undefined ? source.name : `${source.name}, line ${error.line}`,
          error.message,
        ),
      );
    }
    if (error instanceof Error) throw handlebarsError(source, error);
    throw error;
  }
}

/** Handlebars says '"x" not defined in [object Object] - 3:5'; say 'line 3, column 6: "x" is not defined'. */
export function cleanHandlebarsMessage(text: string): string {
  const located = /^(.*?)\s+-\s+(\d+):(\d+)$/s.exec(text.trim());
  // What the field was looked for in ("[object Object]", "undefined") means nothing to the template's author.
  const body = (located?.[1] ?? text)
    .replace(/^("[^"]*") not defined in .*$/s, '$1 is not defined')
    .replace(/^You specified knownHelpersOnly, but used the unknown helper (\S+)$/s, (_, name: string) =>
      message.unknownHelper(name, nearest(name, HELPER_NAMES)),
    );
  return located ? `line ${located[2]}, column ${Number(located[3]) + 1}: ${body}` : body;
}

/**
 * An error from compiling or running a template, as the sentence the user sees. A field looked up on
 * text or a number ({{report.title.length}}), or on nothing ({{indicators.x.title}} with no
 * "indicators"), fails inside Handlebars with no place; it is found in the template and named there,
 * as any other field that is not defined.
 */
export function handlebarsError(source: TemplateSource, error: Error): ReportError {
  const partial = /^The partial (\S+) could not be found/.exec(error.message)?.[1];
  if (partial !== undefined) {
    const at = pathsIn(parsed(source)).find((path) => path.parts.join('/') === partial);
    return problemAt(source, at, message.noSuchPartial(partial));
  }
  const onValue = /^Cannot use 'in' operator to search for '(.*)' in /s.exec(error.message)?.[1];
  // {{indicators.x.title}} where "indicators" is not defined: strict mode reads "x" of nothing.
  const onNothing = /^Cannot read properties of (?:undefined|null) \(reading '(.*)'\)/s.exec(error.message)?.[1];
  const name = onValue ?? onNothing;
  if (name === undefined)
    return new ReportError(message.templateProblem(source.name, cleanHandlebarsMessage(error.message)));
  const at = pathsIn(parsed(source)).find((path) => path.parts.indexOf(name) > 0);
  // The name missing is the one before: in {{indicators.x.title}}, "indicators".
  const missing = onNothing !== undefined && at ? at.parts.slice(0, at.parts.indexOf(name)).join('.') : name;
  return problemAt(source, at, `"${missing}" is not defined`);
}

/** A template's problem, at the place in it where it stands when that is known. */
function problemAt(source: TemplateSource, at: PathUse | undefined, text: string): ReportError {
  return new ReportError(
    message.templateProblem(source.name, `${at ? `line ${at.line}, column ${at.column}: ` : ''}${text}`),
  );
}

/**
 * Strict templates stop at a field that is not there, but Handlebars counts what every object inherits
 * ({{report.toString}}, {{this.constructor}}) as there, then (prototype access being off) writes
 * nothing and prints a warning of its own. Such a name is refused where it stands, as not defined.
 * Returns the template parsed, so that compiling it does not parse it again.
 */
export function refuseInheritedNames(source: TemplateSource): TemplateSource {
  const inherited = (name: unknown) => typeof name === 'string' && Object.hasOwn(Object.prototype, name);
  const tree = parsed(source);
  for (const path of pathsIn(tree)) {
    const name = path.parts.find(inherited) ?? path.lookups.find(inherited);
    if (name !== undefined) throw problemAt(source, path, `"${String(name)}" is not defined`);
  }
  // A template that does not parse is compiled from its text, so that Handlebars says where it fails.
  return tree === undefined ? source : { ...source, ast: tree as hbs.AST.Program };
}

interface PathUse {
  /** {{report.title}}: ["report", "title"]. */
  readonly parts: readonly string[];
  /** The names a {{lookup x "name"}} looks up. */
  readonly lookups: readonly unknown[];
  readonly line: number;
  readonly column: number;
}

/** A template's parse tree, or none if it does not parse (compiling it then says where). */
function parsed(source: TemplateSource): unknown {
  if (source.ast) return source.ast;
  try {
    return Handlebars.parse(source.text);
  } catch {
    return undefined;
  }
}

/** Every path a template looks up, with where it stands (columns from 1). */
function pathsIn(node: unknown, found: PathUse[] = []): PathUse[] {
  if (Array.isArray(node)) {
    for (const child of node) pathsIn(child, found);
    return found;
  }
  if (typeof node !== 'object' || node === null) return found;
  const n = node as {
    type?: string;
    parts?: string[];
    original?: unknown;
    path?: { original?: unknown };
    params?: { type: string; value: unknown }[];
    loc?: hbs.AST.SourceLocation;
  };
  const start = n.loc?.start;
  if (n.type === 'PathExpression' && n.parts && start)
    found.push({ parts: n.parts, lookups: [], line: start.line, column: start.column + 1 });
  if (n.path?.original === 'lookup' && n.params && start) {
    found.push({
      parts: [],
      lookups: n.params.filter((p) => p.type === 'StringLiteral').map((p) => p.value),
      line: start.line,
      column: start.column + 1,
    });
  }
  for (const [key, value] of Object.entries(node)) if (key !== 'loc') pathsIn(value, found);
  return found;
}

/** What section templates can refer to. Absent optional fields are null, so strict templates can test them. */
function baseContext(definition: ReportDefinition, set: IndicatorSet) {
  const r = definition.report;
  return {
    report: {
      title: r.title,
      council: r.council,
      committee: r.committee,
      meetingDate: r.meetingDate,
      wards: r.wards,
      portfolioHolder: r.portfolioHolder ?? null,
      author: r.author ?? null,
      contactOfficers: r.contactOfficers.map((o) => ({
        name: o.name,
        role: o.role,
        phone: o.phone ?? null,
        email: o.email ?? null,
      })),
    },
    area: { ...definition.area, region: set.comparators.region.name },
    neighbours: {
      model: neighbourModelLabel(set.comparators.neighbours.model),
      average: set.comparators.neighbours.average,
      count: set.comparators.neighbours.areas.length,
      names: set.comparators.neighbours.areas.map((a) => a.name),
    },
    audit: definition.audit ? { ...definition.audit, ...auditCounts(definition) } : null,
    recommendations: definition.recommendations ?? null,
  };
}

/** In a public report, an audit count from 1 to the threshold is written "fewer than 6", never as itself. */
function auditCounts(definition: ReportDefinition): { cases: number | string; children: number | string } {
  const { audit, disclosure } = definition;
  const rule = { threshold: disclosure.threshold };
  const shown = (count: number) =>
    disclosure.public && isDisclosive(count, rule) ? `fewer than ${disclosure.threshold + 1}` : count;
  return { cases: shown(audit!.cases), children: shown(audit!.children) };
}

/** "Reason for scrutiny" -> "reason-for-scrutiny", unique by position. */
function sectionId(heading: string, index: number): string {
  const slug = heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `s${index + 1}-${slug || 'section'}`;
}
