/**
 * The command's one browser: started early (before the pipeline's libraries load, so the two overlap)
 * and reused by every print. A browser that dies mid-build is replaced once with a fresh one and the
 * print tried again; a second death is one sentence, not the protocol's stack.
 */
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { findBrowser, type BrowserSettings } from './find-browser.js';
import type { Printer, PrinterOptions } from './print.js';

export interface PrinterPool {
  /** Starts the browser now, if one is found; a problem is reported when the printer is first used. */
  warm(): void;
  get(): Promise<Printer>;
  close(): Promise<void>;
}

export function printerPool(settings: BrowserSettings, options: PrinterOptions): PrinterPool {
  let current: Promise<Printer> | undefined;
  let retried = false;
  const launch = () => {
    const printer = import('./print.js').then(({ launchPrinter }) => launchPrinter(findBrowser(settings), options));
    printer.catch(() => undefined); // reported when the printer is used
    return printer;
  };
  const replace = async () => {
    await current?.then((p) => p.close()).catch(() => undefined);
    current = launch();
    return current;
  };

  /** A call to the browser, tried once more in a fresh browser if the first one died. */
  const resilient = async <T>(call: (printer: Printer) => Promise<T>): Promise<T> => {
    const { BrowserGoneError } = await import('./print.js');
    try {
      return await call(await (current ??= launch()));
    } catch (error) {
      if (!(error instanceof BrowserGoneError)) throw error;
      if (retried) throw new ReportError(message.browserCrashed());
      retried = true;
      try {
        return await call(await replace());
      } catch (again) {
        if (again instanceof BrowserGoneError) throw new ReportError(message.browserCrashed());
        throw again;
      }
    }
  };

  const printer: Printer = {
    print: (html) => resilient((p) => p.print(html)),
    rasterize: (svgs, css) => resilient((p) => p.rasterize(svgs, css)),
    close: async () => undefined, // the pool closes the browser, once, at the end of the command
  };

  return {
    warm() {
      try {
        findBrowser(settings);
        current = launch();
      } catch {
        // No browser: the first print reports it.
      }
    },
    async get() {
      // The first use surfaces a failed start (no browser, or one that would not run).
      await (current ??= launch());
      return printer;
    },
    async close() {
      await current?.then((p) => p.close()).catch(() => undefined);
      current = undefined;
    },
  };
}
