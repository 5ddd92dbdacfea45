/**
 * Where a document's templates come from: a council's templates folder, falling back file by file to
 * the built-in templates, so a council replaces only what it wants to change. A council's file must
 * lie inside the project, links followed, like every file a definition names.
 */
import { join } from 'node:path';
import type { ReportDefinition } from '../definition/normalize.js';
import type { ProjectFiles } from '../files/project-files.js';
import { plainText, type TemplateSource } from '../narrative/render-narrative.js';
import { BUILT_IN_TEMPLATES } from '../version.js';
import { TEXT_FILE_LIMIT } from '../files/limits.js';
import type { DocumentParts } from './assemble.js';
import { logoDataUrl } from './logo.js';

export interface TemplateFinder {
  /** A template by its name in the folder ("layout.hbs", "partials/diagram.hbs"). */
  source(name: string): Promise<TemplateSource>;
  read(name: string): Promise<string>;
  /** Every partial by name, the council's over the built-in ones. */
  partials(): Promise<Map<string, TemplateSource>>;
}

/** `folder`: the council's templates folder, or undefined for the built-in templates alone. */
export function templateFinder(folder: string | undefined, files: ProjectFiles): TemplateFinder {
  const pathOf = (name: string) => {
    const own = folder === undefined ? undefined : join(folder, name);
    return own === undefined || files.kindOf(own) === undefined ? join(BUILT_IN_TEMPLATES, name) : own;
  };
  const source = async (name: string): Promise<TemplateSource> => {
    const path = pathOf(name);
    return { name: files.shown(path), text: await files.readText(path, 'template') };
  };
  return {
    source,
    read: async (name) => (await source(name)).text,
    partials: async () => {
      const folders = [
        join(BUILT_IN_TEMPLATES, 'partials'),
        ...(folder === undefined ? [] : [join(folder, 'partials')]),
      ];
      const names = new Set(folders.flatMap((dir) => files.list(dir)).filter((name) => name.endsWith('.hbs')));
      const entries = await Promise.all(
        [...names].map(async (name) => [name.replace(/\.hbs$/, ''), await source(`partials/${name}`)] as const),
      );
      return new Map(entries);
    },
  };
}

/** Each section's template file, or its inline prose from the definition (escaped, one <p> per paragraph). */
export function sectionTemplates(definition: ReportDefinition, files: ProjectFiles): Promise<TemplateSource[]> {
  return Promise.all(
    definition.sections.map(async (section) =>
      section.templatePath
        ? { name: section.templateName, text: await files.readText(section.templatePath, 'template') }
        : plainText(section.templateName, section.text ?? '', true),
    ),
  );
}

/** The shared structure (base.css) and the house style after it (print.css), each the council's own if it has one. */
export async function houseStyle(templates: TemplateFinder): Promise<string> {
  return `${await templates.read('base.css')}\n${await templates.read('print.css')}`;
}

/** What a report's document is assembled from: its layout and house style, the fonts and its logo. */
export async function reportParts(
  definition: ReportDefinition,
  templates: TemplateFinder,
  files: ProjectFiles,
  fontFaces: string,
  used: readonly TemplateSource[],
): Promise<DocumentParts> {
  const logo =
    definition.logo &&
    logoDataUrl(
      definition.logo,
      files.shown(definition.logo.path),
      await files.readBytes(definition.logo.path, 'logo', TEXT_FILE_LIMIT),
    );
  return {
    layout: await templates.source('layout.hbs'),
    css: await houseStyle(templates),
    fontFaces,
    templates: used,
    logo,
  };
}
