/**
 * The command's one browser: started early (before the pipeline's libraries load, so the two overlap)
 * and reused by every print, several at once in a batch. A browser that dies is replaced with a fresh one
 * and each print it was doing tried once more there; a print whose second browser dies too is one
 * sentence, not the protocol's stack. A long batch may outlive several browsers this way.
 */
import { ReportError } from '../diagnostics/report-error.js';
import * as message from '../diagnostics/messages.js';
import { findBrowser, type BrowserSettings } from './find-browser.js';
import { BrowserGoneError } from './browser-gone.js';
import type { Printer, PrinterOptions } from './print.js';

export interface PrinterPool {
  /** Starts the browser now, if one is found; a problem is reported when the printer is first used. */
  warm(): void;
  get(): Promise<Printer>;
  close(): Promise<void>;
}

/** Starts a browser at a path: print.ts's launchPrinter, or a stand-in in tests. */
export type Launcher = (executablePath: string, options: PrinterOptions) => Promise<Printer>;

const launchPrinter: Launcher = async (path, options) => (await import('./print.js')).launchPrinter(path, options);

export function printerPool(
  settings: BrowserSettings,
  options: PrinterOptions,
  start: Launcher = launchPrinter,
): PrinterPool {
  let current: Promise<Printer> | undefined;
  // Which browser is current (the first, or its one replacement): calls in flight on a browser that
  // died all move to the same replacement.
  let generation = 0;
  const launch = () => {
    const printer = start(findBrowser(settings), options);
    printer.catch(() => undefined); // reported when the printer is used
    return printer;
  };

  /** A call to the browser, tried once more in a fresh browser if the one it used died. */
  const resilient = async <T>(call: (printer: Printer) => Promise<T>): Promise<T> => {
    const used = generation;
    try {
      return await call(await (current ??= launch()));
    } catch (error) {
      if (!(error instanceof BrowserGoneError)) throw error;
      if (generation === used) {
        generation += 1;
        const dead = current;
        current = launch();
        void dead?.then((p) => p.close()).catch(() => undefined);
      }
      try {
        return await call(await current!);
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
