/** Runs the compiled CLI (npm test compiles it first) and reads PDFs with poppler's tools. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  try {
    const env = { ...process.env, ...options.env };
    const { stdout, stderr } = await run('node', [join(ROOT, 'dist/scrutiny.mjs'), ...args], {
      cwd: options.cwd ?? ROOT,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export async function pdfText(file: string, layout = false): Promise<string> {
  return (await run('pdftotext', [...(layout ? ['-layout'] : []), file, '-'])).stdout;
}

/** pdfinfo's "Key: value" lines as an object. */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}

/** pdffonts' table rows: name, type and whether each font is embedded. */
export async function pdfFonts(file: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: emb is the 5th column from the end
      return { name: columns[0]!, embedded: columns[columns.length - 5] === 'yes' };
    });
}

export async function pdfStructure(file: string): Promise<string> {
  return (await run('pdfinfo', ['-struct', file])).stdout;
}

export function tempDir(prefix = 'scrutiny-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
