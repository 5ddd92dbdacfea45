/**
 * <slug>.manifest.json, written beside every build's outputs: what the build read (each file with its
 * sha256 and, for the council's own data, its "as at" date), the tool's version, what it wrote (each
 * file with its sha256), its page count and revision note, and what the report says (content.ts), so
 * that a later build, or `scrutiny diff`, can say what changed between the two.
 *
 * Nothing in it depends on the clock or the machine: the same inputs give the same manifest.
 */
import { z } from 'zod';
import type { OutputFile } from '../files/write-output.js';
import { TOOL_VERSION, toolFingerprint } from '../version.js';
import { sha256, type ReportContent } from './content.js';

export const MANIFEST_SUFFIX = '.manifest.json';

const entry = z.strictObject({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

const manifestSchema = z.strictObject({
  manifest: z.literal(1),
  generator: z.string(),
  /** The tool's own code by hash (version.ts): with the inputs and settings, what decides the outputs. */
  tool: z.string().optional(),
  report: z.strictObject({ title: z.string(), slug: z.string(), definition: z.string() }),
  /** What the command line chose: the council built (--area may choose another than the definition's), SOURCE_DATE_EPOCH. */
  settings: z.strictObject({ area: z.string(), sourceDate: z.string().optional() }).optional(),
  inputs: z.array(entry.extend({ asAt: z.string().optional() })),
  /** What the build looked for without reading (record-reads.ts): each path with what was there. */
  lookups: z.array(z.strictObject({ file: z.string(), found: z.string() })).optional(),
  outputs: z.array(entry.extend({ bytes: z.number().int().nonnegative() })),
  pages: z.number().int().positive().optional(),
  revision: z.strictObject({ date: z.string(), text: z.string() }).optional(),
  content: z.strictObject({
    figures: z.array(
      z.strictObject({
        key: z.string(),
        indicator: z.string(),
        area: z.string(),
        period: z.string(),
        value: z.string(),
        source: z.string().optional(),
      }),
    ),
    paragraphs: z.array(z.strictObject({ place: z.string(), text: z.string() })),
    charts: z.array(z.strictObject({ id: z.string(), title: z.string(), data: z.string() })),
  }),
});

export type Manifest = z.output<typeof manifestSchema>;

export interface ManifestParts {
  readonly report: Manifest['report'];
  readonly settings: NonNullable<Manifest['settings']>;
  /** Each file read, as the definition would name it, with the sha256 of what was read. */
  readonly inputs: ReadonlyMap<string, string>;
  /** What the build looked for, by the same names. */
  readonly lookups: ReadonlyMap<string, string>;
  /** "As at" dates of the council's own files, by the same names. */
  readonly asAt: ReadonlyMap<string, string>;
  readonly outputs: readonly OutputFile[];
  readonly pages?: number;
  readonly revision?: Manifest['revision'];
  readonly content: ReportContent;
}

export function makeManifest(parts: ManifestParts): Manifest {
  const inputs = [...parts.inputs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, hash]) => ({ file, sha256: hash, ...(parts.asAt.has(file) ? { asAt: parts.asAt.get(file)! } : {}) }));
  return {
    manifest: 1,
    generator: `scrutiny ${TOOL_VERSION}`,
    tool: toolFingerprint(),
    report: parts.report,
    settings: parts.settings,
    inputs,
    lookups: [...parts.lookups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([file, found]) => ({ file, found })),
    outputs: parts.outputs.map((file) => ({
      file: file.name,
      sha256: sha256(file.content),
      bytes: typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength,
    })),
    ...(parts.pages ? { pages: parts.pages } : {}),
    ...(parts.revision ? { revision: parts.revision } : {}),
    content: {
      figures: [...parts.content.figures],
      paragraphs: [...parts.content.paragraphs],
      charts: [...parts.content.charts],
    },
  };
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** A manifest's text -> the manifest, or the reason it is not one (a file of another tool or version). */
export function parseManifest(text: string): Manifest | { readonly problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return { problem: `it is not a scrutiny manifest (${issue.path.join('.') || 'the file'}: ${issue.message})` };
}
