/**
 * A new report is built once before any of its files is written, from files held in memory over the
 * real disk: init then never leaves a project that does not build with the data it was made from. The
 * build is the tool's own (buildReport), with nothing written and a printer that prints nothing, since
 * only whether the report builds matters here, not its pages.
 */
import { dirname, relative, sep } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { FileSystem } from '../files/project-files.js';
import { buildReport, type BuildResult } from '../pipeline.js';
import type { Printer } from '../pdf/print.js';

/** The disk as it will be once these files are written: absolute path -> content. */
export function withFiles(fs: FileSystem, files: ReadonlyMap<string, string | Uint8Array>): FileSystem {
  const bytes = (content: string | Uint8Array) =>
    typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const folders = new Set([...files.keys()].flatMap((path) => ancestors(path)));
  return {
    ...fs,
    kindOf: (path) => (files.has(path) ? 'file' : folders.has(path) ? 'folder' : fs.kindOf(path)),
    readFile: async (path, limit) => {
      const content = files.get(path);
      return content === undefined ? fs.readFile(path, limit) : bytes(content);
    },
    readText: async (path) => {
      const content = files.get(path);
      if (content === undefined) return fs.readText(path);
      return typeof content === 'string' ? content : new TextDecoder().decode(content);
    },
    listDir: (path) => {
      const own = [...files.keys()]
        .filter((file) => file.startsWith(path + sep))
        .map((file) => relative(path, file).split(sep)[0]!);
      const real = fs.kindOf(path) === 'folder' ? fs.listDir(path) : [];
      return [...new Set([...real, ...own])].sort();
    },
  };
}

function ancestors(path: string): string[] {
  const found: string[] = [];
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) found.push(folder);
  return found;
}

/** Builds the report as the printed command will, writing nothing; its problems are the build's own. */
export async function dryBuild(
  definition: string,
  roots: readonly string[],
  fs: FileSystem,
  warn: (line: string) => void,
): Promise<BuildResult> {
  const blank = await blankPdf();
  const printer: Printer = {
    print: async () => blank,
    rasterize: async (svgs) => svgs.map(() => new Uint8Array()),
    close: async () => undefined,
  };
  return buildReport(
    { file: definition, roots, deferWrite: true },
    { ...fs, printer: async () => printer, writeFiles: async () => undefined, log: () => undefined, warn },
  );
}

let made: Promise<Uint8Array> | undefined;

/** A one-page PDF, so the build can set document information as it does on a printed one. */
function blankPdf(): Promise<Uint8Array> {
  made ??= PDFDocument.create().then((pdf) => {
    pdf.addPage();
    return pdf.save();
  });
  return made;
}
