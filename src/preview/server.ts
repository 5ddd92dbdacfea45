/**
 * `scrutiny preview`: the report as it will print, on a page served to this machine only, rebuilt
 * whenever a file the build read (the definition, a template, the theme, a data file) is saved.
 *
 *   save ─► watcher (chokidar) ─► buildReport (check: no browser, nothing written) ─► server-sent event ─► page
 *
 * The server answers three requests and nothing else: its page, the report, and the stream of
 * updates; a request whose Host is not the server's own address is refused, so a web page elsewhere
 * cannot read the preview through a name that points at this machine. The report is served under the
 * same content policy it is printed under, in a sandboxed frame: it runs no script and loads nothing.
 * Only the preview's own page runs a script, with a nonce, to follow the updates.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import { CONTENT_POLICY } from '../document/html-policy.js';
import { isReportError } from '../diagnostics/report-error.js';
import { locateProblem, type LocatedProblem } from '../diagnostics/problem-place.js';
import { buildReport, type BuildEffects } from '../pipeline.js';
import { checkingEffects } from '../validate.js';
import { previewPage } from './page.js';

export interface PreviewOptions {
  readonly file: string;
  readonly roots?: readonly string[];
  readonly maxDataBytes?: number;
  /** 0, or none, for a free port. */
  readonly port?: number;
}

export interface Preview {
  readonly url: string;
  /** Each build's outcome, for the command's log and for tests. */
  onBuild(listener: (outcome: BuildOutcome) => void): void;
  close(): Promise<void>;
}

export type BuildOutcome =
  | { readonly ok: true; readonly version: number; readonly ms: number; readonly warnings: readonly LocatedProblem[] }
  | { readonly ok: false; readonly problems: readonly LocatedProblem[]; readonly ms: number };

/** How long after a save to wait for the editor's other writes (a save is often several). */
const SETTLE_MS = 25;

export async function startPreview(options: PreviewOptions, effects: BuildEffects): Promise<Preview> {
  const definition = resolve(effects.cwd, options.file);
  let html = '';
  let version = 0;
  let problems: readonly LocatedProblem[] = [];
  const streams = new Set<ServerResponse>();
  const listeners: ((outcome: BuildOutcome) => void)[] = [];
  // The definition's folder (what a broken build has not read yet is watched too), and every file a
  // build read outside it; not the tool's own packages, version control or output.
  const skipped = new RegExp(`\\${sep}(node_modules|\\.git|output)(\\${sep}|$)`);
  const watcher = watch(dirname(definition), {
    ignoreInitial: true,
    atomic: true,
    ignored: (path: string) => skipped.test(path),
  });

  const send = (event: string, data: unknown) => {
    for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const build = async () => {
    const started = performance.now();
    const warnings: string[] = [];
    let outcome: BuildOutcome;
    try {
      const result = await buildReport(
        { file: options.file, roots: options.roots, maxDataBytes: options.maxDataBytes, check: true },
        checkingEffects(effects, (line) => warnings.push(line)),
      );
      watcher.add([...result.read]);
      html = result.html;
      version += 1;
      problems = [];
      outcome = { ok: true, version, ms: performance.now() - started, warnings: warnings.map(locateProblem) };
      send('built', { version, warnings: outcome.warnings });
    } catch (error) {
      if (!isReportError(error)) throw error;
      problems = error.problems.map(locateProblem);
      outcome = { ok: false, problems, ms: performance.now() - started };
      send('problems', { problems });
    }
    for (const listener of listeners) listener(outcome);
  };

  // One build at a time; saves during a build make one more build after it.
  let building: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = () => {
    if (building) {
      again = true;
      return;
    }
    building = build()
      .catch((error: unknown) => {
        problems = [locateProblem(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`)];
        send('problems', { problems });
      })
      .finally(() => {
        building = undefined;
        if (again) {
          again = false;
          rebuild();
        }
      });
  };
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, SETTLE_MS);
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  rebuild();
  await building;

  const server = createServer((request, response) => {
    answer(request, response, { port: (server.address() as AddressInfo).port, html, version, problems, streams });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 0, '127.0.0.1', () => listening());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    onBuild: (listener) => listeners.push(listener),
    async close() {
      clearTimeout(timer);
      for (const stream of streams) stream.end();
      await watcher.close();
      await new Promise<void>((closed) => server.close(() => closed()));
      server.closeAllConnections();
      await building;
    },
  };
}

interface State {
  readonly port: number;
  readonly html: string;
  readonly version: number;
  readonly problems: readonly LocatedProblem[];
  readonly streams: Set<ServerResponse>;
}

function answer(request: IncomingMessage, response: ServerResponse, state: State): void {
  const own = [`127.0.0.1:${state.port}`, `localhost:${state.port}`];
  const plain = (status: number, text: string) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
    response.end(`${text}\n`);
  };
  if (!own.includes(request.headers.host ?? '')) return plain(421, 'This preview answers only at its own address.');
  if (request.method !== 'GET') return plain(405, 'The preview only shows the report.');
  const path = (request.url ?? '/').split('?')[0];
  const headers = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (path === '/') {
    const nonce = randomBytes(16).toString('base64');
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    });
    return void response.end(previewPage(nonce, state.version, state.problems));
  }
  if (path === '/report') {
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `${CONTENT_POLICY}; sandbox; frame-ancestors 'self'`,
    });
    return void response.end(state.html);
  }
  if (path === '/events') {
    response.writeHead(200, { ...headers, 'content-type': 'text/event-stream' });
    response.write(': the preview sends "built" and "problems" events\n\n');
    state.streams.add(response);
    request.on('close', () => state.streams.delete(response));
    return;
  }
  plain(404, 'The preview has only its page.');
}
