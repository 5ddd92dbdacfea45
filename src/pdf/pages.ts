/**
 * The browser's pages, each under one content policy: no script, and every request refused but for the
 * data: URLs a document carries. A page that has printed or drawn is given the next document, written
 * over the last: a page costs the browser more to open than a council's summary to print. One page is
 * opened as the browser starts, while the pipeline is still working, so the first print finds it ready.
 */
import type { Browser, Page } from 'puppeteer-core';
import { CONTENT_POLICY_META, withContentPolicy } from '../document/html-policy.js';
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';

const BLANK = 'about:blank';

/** Pages whose document was replaced by another (a redirect): their print is refused. */
const navigatedAway = new WeakSet<Page>();

export interface Pages {
  /** A page for a document: one that has been used, or a new one. */
  take(): Promise<Page>;
  /** The page back once its document is done with; closed instead if it failed, or its document might still act. */
  give(page: Page, done: { readonly ok: boolean; readonly html: string }): Promise<void>;
}

export function pagesOf(browser: Browser): Pages {
  const idle: Promise<Page>[] = [];
  const opening = openPage(browser);
  opening.catch(() => undefined); // a page that would not open is reported by the first take
  idle.push(opening);
  return {
    take: () => idle.pop() ?? openPage(browser),
    async give(page, { ok, html }) {
      if (ok && !navigatedAway.has(page) && !mayLeaveBehind(html)) idle.push(Promise.resolve(page));
      else await page.close().catch(() => undefined);
    },
  };
}

/** The work's result, unless the page's document was replaced meanwhile: then nothing of it is used. */
export async function stayingPut<T>(page: Page, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    if (!navigatedAway.has(page)) return result;
  } catch (error) {
    if (!navigatedAway.has(page)) throw error;
  }
  throw new ReportError(message.documentNavigated());
}

/**
 * The document, served with the content policy, written into the page over whatever it showed (blank, or
 * the last document): a navigation to a served page would put the document in a renderer process of its
 * own some builds and not others. Printing waits for the fonts itself.
 */
export async function showDocument(page: Page, html: string, timeoutMs: number): Promise<void> {
  await stayingPut(page, () => page.setContent(withContentPolicy(html), { waitUntil: 'load', timeout: timeoutMs }));
}

/**
 * Whether a document could act after it is done with: only a <meta http-equiv> can (a refresh that fires
 * later, in the next document's time), and the content policy's own is harmless. A report's HTML has
 * none (html-policy.ts refuses it); the page of one that had is closed rather than used again.
 */
function mayLeaveBehind(html: string): boolean {
  return /http-equiv/i.test(html.split(CONTENT_POLICY_META).join(''));
}

async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:') && !request.isNavigationRequest())
        void request.continue().catch(() => undefined);
      else void request.abort('blockedbyclient').catch(() => undefined);
    });
    // The HTML policy refuses redirects before printing; should one slip through, never print another page.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== BLANK) navigatedAway.add(page);
    });
    return page;
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}
