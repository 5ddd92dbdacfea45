/**
 * Validated spec -> ReportDefinition: paths resolved, slug made, library indicators merged with the
 * report's overrides, and every cross-reference checked (indicator bases, diagram indicators, local
 * sources, template and data files), all problems reported together with their place in the YAML.
 */
import { resolve } from 'node:path';
import { formatDate } from '../dates.js';
import { slugify } from '../format.js';
import type { ProblemList } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import type { ProjectFiles } from '../files/project-files.js';
import { ownOutputFolderProblem } from '../files/output-folder.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { checksFor } from './checks.js';
import { formatPath } from './read-definition.js';
import { checkDiagrams, normalizeIndicators } from './normalize-indicators.js';
import type { Library } from '../indicators/library.js';
import type { LocalSource } from '../tables/read-data.js';
import type { DiagramSpec, SectionSpec, ValidatedDefinition } from './schema.js';

export interface ReportDefinition {
  /** The definition file as the user named it. */
  readonly file: string;
  readonly report: ValidatedDefinition['report'] & {
    readonly slug: string;
    /** The PDF's subject: as given, or the meeting line. */
    readonly subject: string;
    /** "Committee, 11 October 2016": the running header of every page. */
    readonly meeting: string;
  };
  readonly area: ValidatedDefinition['area'];
  /** Other councils to compare with, as written, and where. */
  readonly comparators: readonly { readonly text: string; readonly place: Place }[];
  readonly data: {
    readonly nationalDir: string;
    readonly neighbours: ValidatedDefinition['data']['neighbours'];
    readonly populationYearOffset: number;
    readonly local: readonly LocalSource[];
  };
  readonly templatesDir: string;
  readonly indicators: readonly IndicatorDefinition[];
  readonly diagrams: readonly DiagramSpec[];
  readonly sections: readonly Section[];
  /** With each item's name as problems give it ("report.config.yaml (recommendations.items[0], which starts at line 131)"). */
  readonly recommendations?: NonNullable<ValidatedDefinition['recommendations']> & {
    readonly itemNames: readonly string[];
  };
  readonly audit?: NonNullable<ValidatedDefinition['audit']> & { readonly themeNames: readonly string[] };
  readonly disclosure: ValidatedDefinition['disclosure'];
  readonly theme: Readonly<Record<string, unknown>>;
  readonly style: ValidatedDefinition['style'];
  /** The logo's absolute path and where the definition names it, when there is one. */
  readonly logo?: { readonly path: string; readonly at: Place };
  readonly output: ValidatedDefinition['output'] & { readonly dir: string };
}

export interface Section extends Omit<SectionSpec, 'template'> {
  /** The template's absolute path, when it comes from a file. */
  readonly templatePath?: string;
  /** The template's name as shown in errors. */
  readonly templateName: string;
}

export interface NormalizeContext {
  readonly file: string;
  readonly locate: (path: readonly (string | number)[]) => Place;
  readonly library: Library;
  /** The files the definition may read, and how to show their paths. */
  readonly files: ProjectFiles;
  /** The templates shipped with the tool, used for any file the report's own folder lacks. */
  readonly builtInTemplates: string;
}

export function normalizeDefinition(spec: ValidatedDefinition, context: NormalizeContext): ReportDefinition {
  const checks = checksFor(context);
  const { problems, require } = checks;
  const { files } = context;
  const baseDir = files.baseDir;
  const shown = files.shown;

  // A templates folder named in the definition must exist; the default one is used only if it does.
  const templatesDir = resolve(baseDir, spec.templates ?? 'templates');
  if (spec.templates !== undefined) require(['templates'], 'templates folder', templatesDir, 'folder');
  const nationalDir = resolve(baseDir, spec.data.national);
  require(['data', 'national'], 'national data folder', nationalDir, 'folder');

  checkUnique(
    spec.indicators.map((i) => i.id),
    'indicators',
    'indicator',
    context,
    problems,
  );
  checkUnique(
    spec.diagrams.map((d) => d.id),
    'diagrams',
    'diagram',
    context,
    problems,
  );
  checkUnique(
    spec.data.local.map((l) => l.id),
    'data.local',
    'local data source',
    context,
    problems,
    ['data', 'local'],
  );

  const logoPath = spec.report.logo === undefined ? undefined : resolve(baseDir, spec.report.logo);
  if (logoPath) {
    require(['report', 'logo'], 'logo', logoPath, 'file');
    if (!/\.(png|jpe?g|svg)$/i.test(logoPath))
      problems.add(message.invalidValue(context.locate(['report', 'logo']), 'report.logo', message.rule.logoKind));
  }

  const local = spec.data.local.map((source, i) => {
    const path = resolve(baseDir, source.file);
    require(['data', 'local', i, 'file'], 'data file', path, 'file');
    return { ...source, file: shown(path), path };
  });
  const localIds = local.map((source) => source.id);

  const indicators = normalizeIndicators(spec, context.library, checks, localIds);
  checkDiagrams(spec, checks);

  // Prose in the definition is named with the YAML line it starts on, so "line 2" of it can be found.
  const inlineName = (path: readonly (string | number)[]) =>
    `${context.file} (${formatPath(path)}, which starts at line ${context.locate(path).line})`;
  const sections = spec.sections.map((section, i): Section => {
    const { template, ...rest } = section;
    if (template === undefined) return { ...rest, templateName: inlineName(['sections', i, 'text']) };
    const own = resolve(templatesDir, template);
    const builtIn = resolve(context.builtInTemplates, template);
    const templatePath =
      files.isInside(own) && files.kindOf(own) === undefined && files.isBuiltIn(builtIn) ? builtIn : own;
    require(['sections', i, 'template'], 'template', templatePath, 'file');
    return { ...rest, templatePath, templateName: shown(templatePath) };
  });

  // The output folder too must be the project's own (--out, given by the user, is checked where it is given).
  const outputDir = resolve(baseDir, spec.output.folder);
  const outputProblem = ownOutputFolderProblem(outputDir, context.locate(['output', 'folder']), files);
  if (outputProblem) problems.add(outputProblem);

  problems.throwIfAny();
  return {
    file: context.file,
    report: {
      ...spec.report,
      slug: spec.report.slug ?? slugify(spec.report.title),
      subject: spec.report.subject ?? meetingLine(spec.report.committee, spec.report.meetingDate),
      meeting: meetingLine(spec.report.committee, spec.report.meetingDate),
    },
    area: spec.area,
    comparators: spec.comparators.map((text, i) => ({ text, place: context.locate(['comparators', i]) })),
    data: {
      nationalDir,
      neighbours: spec.data.neighbours,
      populationYearOffset: spec.data.populationYearOffset,
      local,
    },
    templatesDir,
    indicators,
    diagrams: spec.diagrams,
    sections,
    recommendations: spec.recommendations && {
      ...spec.recommendations,
      itemNames: spec.recommendations.items.map((_, i) => inlineName(['recommendations', 'items', i])),
    },
    audit: spec.audit && {
      ...spec.audit,
      themeNames: spec.audit.themes.map((_, i) => inlineName(['audit', 'themes', i])),
    },
    disclosure: spec.disclosure,
    theme: spec.theme ?? {},
    style: spec.style,
    ...(logoPath && { logo: { path: logoPath, at: context.locate(['report', 'logo']) } }),
    output: { ...spec.output, dir: outputDir },
  };
}

/** The second and later uses of an id, each reported where it stands. */
function checkUnique(
  ids: readonly string[],
  list: string,
  what: string,
  context: NormalizeContext,
  problems: ProblemList,
  path: readonly string[] = [list],
): void {
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    if (first < i) problems.add(message.duplicateId(context.locate([...path, i, 'id']), what, id, `${list}[${first}]`));
  });
}

/** "Education & Children's Services Overview & Scrutiny Committee, 11 October 2016": a report's and a pack's running header. */
export function meetingLine(committee: string, date: string): string {
  return `${committee}, ${formatDate(date)}`;
}
