import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/diagnostics/report-error.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { tempDir } from '../support/cli.js';

/** An executable file standing in for a browser: findBrowser only checks that it can be run. */
function fakeExecutable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

const emptyCache = () => ({ PUPPETEER_CACHE_DIR: tempDir() });

describe('findBrowser', () => {
  it('uses the configured path first, then SCRUTINY_BROWSER', () => {
    const configured = fakeExecutable(join(tempDir(), 'configured-chrome'));
    const fromEnv = fakeExecutable(join(tempDir(), 'env-chrome'));
    const env = { ...emptyCache(), SCRUTINY_BROWSER: fromEnv };
    expect(findBrowser({ configured, env, platform: 'linux' })).toBe(configured);
    expect(findBrowser({ env, platform: 'linux' })).toBe(fromEnv);
  });

  it('says which setting names a browser that is not there, with exit code 2', () => {
    const attempt = () => findBrowser({ configured: '/no/such/chrome', env: emptyCache(), platform: 'linux' });
    expect(attempt).toThrow(ReportError);
    try {
      attempt();
    } catch (error) {
      expect((error as ReportError).exitCode).toBe(2);
      expect((error as ReportError).problems).toEqual([
        'The browser "/no/such/chrome" given in the --browser option does not exist or cannot be run.',
      ]);
    }
  });

  it("prefers puppeteer's cache, newest version first, to installed browsers", () => {
    const cache = tempDir();
    fakeExecutable(join(cache, 'chrome', 'linux-120.0.1', 'chrome-linux64', 'chrome'));
    const newest = fakeExecutable(join(cache, 'chrome', 'linux-131.0.2', 'chrome-linux64', 'chrome'));
    expect(findBrowser({ env: { PUPPETEER_CACHE_DIR: cache }, platform: 'linux' })).toBe(newest);
  });

  it('with no browser anywhere, says how to install one, with exit code 2', () => {
    // macOS locations do not exist on this machine, and the cache is empty.
    try {
      findBrowser({ env: emptyCache(), platform: 'darwin' });
      expect.unreachable('a browser was found');
    } catch (error) {
      expect(error).toBeInstanceOf(ReportError);
      const problem = (error as ReportError).problems;
      expect(problem).toHaveLength(1);
      expect(problem[0]).toMatch(
        /^No Chrome, Chromium or Edge browser was found .*apt-get install chromium.*SCRUTINY_BROWSER/,
      );
      expect((error as ReportError).exitCode).toBe(2);
    }
  });
});
