/**
 * The HTML twin against axe-core's WCAG 2.x A and AA rules, in Chromium. (The page that prints a report
 * runs no JavaScript; this test page does, only to run axe.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launch, type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { runCli, tempDir } from '../support/cli.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let html: string;

beforeAll(async () => {
  const out = tempDir();
  expect((await runCli(['build', '--out', out, '--quiet'])).code).toBe(0);
  html = readFileSync(join(out, 'walsall-repeat-child-protection-plans.html'), 'utf8');
  browser = await launch({
    executablePath: findBrowser({ env: process.env, platform: process.platform }),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the HTML twin', () => {
  it('has no axe-core violations of WCAG 2.0, 2.1 and 2.2 A and AA', async () => {
    const page = await browser.newPage();
    // The twin forbids scripts by its own policy; the test lifts it only to run axe.
    await page.setBypassCSP(true);
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    });
    await page.close();
    expect(violations).toEqual([]);
  });
});
