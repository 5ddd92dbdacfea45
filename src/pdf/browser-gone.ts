/** The browser ended while in use: a fresh one may succeed. Apart from print.ts, so the pool need not load puppeteer to know it. */
export class BrowserGoneError extends Error {
  constructor() {
    super('the browser stopped');
    this.name = 'BrowserGoneError';
  }
}
