/**
 * A build stopped mid-print leaves nothing behind: no browser process of it (nor any helper process),
 * nothing in its TMPDIR, and the output folder as it was. SIGTERM is answered with exit code 143 and
 * one line; after SIGKILL, when the build itself can do nothing, the watchdog ends the browser and
 * removes its folder.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/diagnostics/messages.js';
import { ROOT, tempDir } from '../support/cli.js';
import { hashFolder } from '../support/folder-hash.js';
import { browserProcesses, startCli, until } from '../support/processes.js';

/** The example meeting in a folder of its own, with a previous good pack in its output folder. */
function meeting() {
  const dir = tempDir();
  for (const part of ['agenda.yaml', 'report.config.yaml', 'examples', 'data', 'templates'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  const out = join(dir, 'output');
  mkdirSync(out);
  writeFileSync(join(out, 'walsall-scrutiny-2025-11-20-public.pdf'), 'the previous good pack');
  const tmp = tempDir('scrutiny-tmpdir-');
  return { dir, out, tmp };
}

async function killMidPrint(signal: NodeJS.Signals) {
  const fx = meeting();
  const before = hashFolder(fx.out);
  const { child, output, exited } = startCli(['pack', 'agenda.yaml'], { cwd: fx.dir, env: { TMPDIR: fx.tmp } });
  const groups = new Set<number>();
  // Mid-print: the first report is being printed.
  await until(
    () => output.stdout.includes('Printing') && browserProcesses(fx.tmp, groups).length > 0,
    'a report printing',
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  child.kill(signal);
  const ended = await exited;
  await until(
    () => browserProcesses(fx.tmp, groups).length === 0 && readdirSync(fx.tmp).length === 0,
    'the browser gone and TMPDIR empty',
    15,
  );
  return { ...ended, stderr: output.stderr, groups, fx, before };
}

describe('a build stopped mid-print', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)(
    '%s: exit %i, one line, no browser process left, TMPDIR empty, output as it was',
    async (signal, exitCode) => {
      const { code, stderr, groups, fx, before } = await killMidPrint(signal);
      expect(groups.size).toBeGreaterThan(0); // the browser was seen, so "none left" means something
      expect(code).toBe(exitCode);
      expect(stderr.trim().split('\n')).toEqual([message.stoppedBySignal(signal)]);
      expect(hashFolder(fx.out)).toEqual(before);
      // The reports the pack had built were not written either: a pack is one unit.
      expect(readdirSync(fx.out)).toEqual(['walsall-scrutiny-2025-11-20-public.pdf']);
    },
  );

  it('SIGKILL: no browser process left and TMPDIR empty once the watchdog has run; output as it was', async () => {
    const { signal, groups, fx, before } = await killMidPrint('SIGKILL');
    expect(groups.size).toBeGreaterThan(0);
    expect(signal).toBe('SIGKILL');
    expect(hashFolder(fx.out)).toEqual(before);
  });
});
