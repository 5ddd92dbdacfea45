/**
 * Finds a Chrome, Chromium or Edge to print with, in this order: an explicit setting (the --browser
 * option, then SCRUTINY_BROWSER), puppeteer's own browser cache, then browsers installed in the usual
 * places. Never downloads one, and never runs one a report definition names: a definition may come
 * from anyone, and must not choose a program.
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';

export interface BrowserSettings {
  /** From the command line's --browser. */
  readonly configured?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
}

/** Exit code for "no browser": the same as other problems a user must fix. */
const NO_BROWSER = 2;

export function findBrowser(settings: BrowserSettings): string {
  const explicit: [string | undefined, string][] = [
    [settings.configured, 'the --browser option'],
    [settings.env.SCRUTINY_BROWSER, 'the SCRUTINY_BROWSER environment variable'],
  ];
  for (const [path, from] of explicit) {
    if (path === undefined || path === '') continue;
    if (!isExecutable(path)) throw new ReportError(message.browserNotExecutable(path, from), NO_BROWSER);
    return path;
  }
  const found = [...puppeteerCache(settings), ...installedBrowsers(settings)].find(isExecutable);
  if (!found) throw new ReportError(message.noBrowser(), NO_BROWSER);
  return found;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Browsers puppeteer downloaded on this machine (npx @puppeteer/browsers install chrome). */
function puppeteerCache({ env, platform }: BrowserSettings): string[] {
  const cache = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  const executables: Record<string, string[]> = {
    chrome: [
      'chrome-linux64/chrome',
      'chrome-win64/chrome.exe',
      'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    ],
    'chrome-headless-shell': [
      'chrome-headless-shell-linux64/chrome-headless-shell',
      'chrome-headless-shell-win64/chrome-headless-shell.exe',
      'chrome-headless-shell-mac-arm64/chrome-headless-shell',
      'chrome-headless-shell-mac-x64/chrome-headless-shell',
    ],
  };
  const found: string[] = [];
  for (const [product, relatives] of Object.entries(executables)) {
    const dir = join(cache, product);
    if (!existsSync(dir)) continue;
    // Newest version first: folder names are "<platform>-<version>".
    const versions = readdirSync(dir).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    for (const version of versions) for (const relative of relatives) found.push(join(dir, version, relative));
  }
  return platform === 'win32' ? found : found.filter((path) => !path.endsWith('.exe'));
}

function installedBrowsers({ env, platform }: BrowserSettings): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome', 'Chromium', 'Microsoft Edge'].map(
      (name) => `/Applications/${name}.app/Contents/MacOS/${name}`,
    );
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string =>
      Boolean(root),
    );
    return roots.flatMap((root) => [
      join(root, 'Google/Chrome/Application/chrome.exe'),
      join(root, 'Microsoft/Edge/Application/msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ];
}
