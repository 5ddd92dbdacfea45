/**
 * Build effects over the real project files, with output kept in memory and a printer that records
 * what it was asked to print, so pipeline tests need no browser and write nothing to disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { kindOf } from '../../src/files/file-kind.js';
import { realPath } from '../../src/files/real-path.js';
import type { BuildEffects, OutputFile } from '../../src/pipeline.js';
import { ROOT } from './cli.js';

export interface MemoryEffects extends BuildEffects {
  readonly written: { dir: string; files: readonly OutputFile[] }[];
  readonly printed: string[];
  /** Files the build read, replaced by this text (or these bytes, for a workbook). */
  readonly overrides: Map<string, string | Uint8Array>;
}

export function memoryEffects(): MemoryEffects {
  const written: MemoryEffects['written'] = [];
  const printed: string[] = [];
  const overrides = new Map<string, string | Uint8Array>();
  const bytes = (path: string) => {
    const given = overrides.get(path);
    return given === undefined
      ? new Uint8Array(readFileSync(path))
      : typeof given === 'string'
        ? Buffer.from(given)
        : given;
  };
  const text = (path: string) => new TextDecoder().decode(bytes(path));
  return {
    cwd: ROOT,
    // A build in memory sees no earlier build on disk (npm start's, say) unless a test gives it one.
    kindOf: (path) =>
      overrides.has(path) ? 'file' : /\.(manifest\.json|changes\.html)$/.test(path) ? undefined : kindOf(path),
    realPath,
    readFile: async (path) => bytes(path),
    readText: async (path) => text(path),
    listDir: (path) => readdirSync(path).sort(),
    printer: async () => ({
      print: async (html: string) => {
        printed.push(html);
        // A real, one-page PDF, so the build can set its document information as it does a printed one.
        const pdf = await PDFDocument.create();
        pdf.addPage();
        return pdf.save();
      },
      // A PNG's signature and header (600 by 300), then which drawing it stands for: enough for the
      // writers that read a PNG's size.
      rasterize: async (svgs: readonly string[]) =>
        svgs.map((svg) => {
          const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
          const size = [0, 0, 0x02, 0x58, 0, 0, 0x01, 0x2c];
          return new Uint8Array([...header, ...size, ...new TextEncoder().encode(`PNG of ${svg.length} characters`)]);
        }),
      close: async () => undefined,
    }),
    writeFiles: async (groups) => {
      written.push(...groups);
    },
    log: () => undefined,
    written,
    printed,
    overrides,
  };
}
