/**
 * A browser that dies while printing is replaced with a fresh one; a print whose second browser dies, and a browser
 * that stops answering, are each one sentence with exit code 2, and nothing of it is left running.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/diagnostics/messages.js';
import { isReportError } from '../../src/diagnostics/report-error.js';
import { BrowserGoneError } from '../../src/pdf/browser-gone.js';
import { printerPool } from '../../src/pdf/printer-pool.js';
import type { Printer } from '../../src/pdf/print.js';
import { ROOT, tempDir } from '../support/cli.js';
import { browserMain, browserProcesses, startCli, until } from '../support/processes.js';

const SLUG = 'walsall-repeat-child-protection-plans';

describe('the printer pool', () => {
  /** Printers whose first `deaths` prints (across printers) fail as a browser that died. */
  const dying = (deaths: number) => {
    let died = 0;
    const launched: string[] = [];
    const launch = async (): Promise<Printer> => {
      const name = `browser ${launched.length + 1}`;
      launched.push(name);
      return {
        print: async (html) => {
          if (died++ < deaths) throw new BrowserGoneError();
          return new TextEncoder().encode(`${html} by ${name}`);
        },
        rasterize: async () => [],
        close: async () => undefined,
      };
    };
    const pool = printerPool(
      { configured: process.execPath, env: {}, platform: process.platform },
      { timeoutMs: 1_000 },
      launch,
    );
    return { pool, launched };
  };

  it('tries a print again in a fresh browser when the browser died', async () => {
    const { pool, launched } = dying(1);
    const printer = await pool.get();
    expect(new TextDecoder().decode(await printer.print('report'))).toBe('report by browser 2');
    expect(launched).toEqual(['browser 1', 'browser 2']);
  });

  it('moves every call in flight on the dead browser to the one replacement', async () => {
    const { pool, launched } = dying(2); // the report's print and its charts, both on the first browser
    const printer = await pool.get();
    const results = await Promise.all([printer.print('report'), printer.print('charts')]);
    expect(results.map((bytes) => new TextDecoder().decode(bytes))).toEqual([
      'report by browser 2',
      'charts by browser 2',
    ]);
    expect(launched).toEqual(['browser 1', 'browser 2']);
  });

  it('gives one sentence when the fresh browser dies too, and tries no third', async () => {
    const { pool, launched } = dying(2);
    const error = await (await pool.get()).print('report').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isReportError(error) && error.problems).toEqual([message.browserCrashed()]);
    expect(launched).toHaveLength(2);
  });

  it('retries each print once: a later print survives a later death in a fresh browser', async () => {
    const { pool, launched } = dying(1);
    const printer = await pool.get();
    await printer.print('first'); // browser 1 dies; printed by browser 2
    expect(launched).toHaveLength(2);
    const later = dying(3); // print 1 dies in browsers 1 and 2 (reported); print 2 dies in browser 2, then prints in 3
    const again = await later.pool.get();
    await expect(again.print('first')).rejects.toSatisfy(
      (e: unknown) => isReportError(e) && e.problems[0] === message.browserCrashed(),
    );
    expect(new TextDecoder().decode(await again.print('second'))).toBe('second by browser 3');
    expect(later.launched).toHaveLength(3);
  });
});

/** The example meeting in a folder of its own: a pack prints for several seconds, so a signal lands mid-print. */
function meeting(): { dir: string; tmp: string } {
  const dir = tempDir();
  for (const part of ['agenda.yaml', 'report.config.yaml', 'examples', 'data', 'templates'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return { dir, tmp: tempDir('scrutiny-tmpdir-') };
}

// Each waits for a whole pack to reach its print, which on a loaded machine can take most of a minute.
describe('a real browser that fails mid-print', { timeout: 150_000 }, () => {
  it('killed once: printing goes on in a fresh browser and the packs are built', async () => {
    const { dir, tmp } = meeting();
    const pack = startCli(['pack'], { cwd: dir, env: { TMPDIR: tmp } });
    // The second report printing: the browser printed the first, so it dies mid-print, not mid-start.
    await until(
      () => pack.output.stdout.split('Printing').length > 2 && browserMain(tmp) !== undefined,
      'the second report printing',
      60,
    );
    const first = browserMain(tmp)!;
    process.kill(first.pid, 'SIGKILL');
    // A fresh browser takes over.
    await until(() => (browserMain(tmp)?.pid ?? first.pid) !== first.pid, 'a second browser');
    const { code } = await pack.exited;
    expect(pack.output.stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'output', 'walsall-scrutiny-2025-11-20-public.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'output', `${SLUG}.pdf`))).toBe(true);
  });

  it('stopped (no longer answering): ended after --timeout, one sentence, exit code 2, nothing left running or written', async () => {
    const { dir, tmp } = meeting();
    // Long enough for the reports' own prints on a loaded machine: they must finish for the pack to print.
    const timeout = 15;
    const pack = startCli(['pack', '--timeout', String(timeout)], { cwd: dir, env: { TMPDIR: tmp } });
    let ended = false;
    void pack.exited.then(() => (ended = true));
    // By the pack's own print the browser has long been answering (it printed the reports), so it stops mid-print, not mid-start.
    await until(
      () => ended || (pack.output.stdout.includes('Printing the public pack') && browserMain(tmp) !== undefined),
      'the pack printing',
      90,
    );
    expect(ended, `the pack ended before its print: ${pack.output.stderr}`).toBe(false);
    const groups = new Set<number>();
    process.kill(-browserMain(tmp)!.pgid, 'SIGSTOP');
    browserProcesses(tmp, groups);
    const { code } = await pack.exited;
    expect(code).toBe(2);
    expect(pack.output.stderr.trim().split('\n')).toEqual([message.browserTimedOut(timeout)]);
    await until(
      () => browserProcesses(tmp, groups).length === 0 && readdirSync(tmp).length === 0,
      'the stopped browser gone',
      15,
    );
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });
});
