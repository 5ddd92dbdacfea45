/** Words without an indicator: numbers, plurals, dates, and diagrams placed or referred to. */
import Handlebars from 'handlebars';
import { formatDate } from '../../dates.js';
import * as message from '../../diagnostics/messages.js';
import { formatNumber, plural, possessive } from '../../format.js';
import type { HelperOptions, Lookups } from '../lookups.js';
import type { Helpers } from './types.js';

export interface DiagramPlacer {
  /** The number of a diagram, assigned in order of first mention. */
  numberOf(id: string, line: number | undefined): number;
  /** The diagram's HTML, numbered. */
  render(id: string, line: number | undefined): string;
}

export function wordHelpers(look: Lookups, diagrams: DiagramPlacer, pluralUsage: string): Helpers {
  return {
    number(value: unknown, options: HelperOptions) {
      const decimals = options.hash.decimals ?? 0;
      if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
        look.fail(options, message.helperDecimals(String(decimals)));
      return typeof value === 'number'
        ? formatNumber(value, decimals as number)
        : look.fail(options, message.helperNeedsNumber('number', String(value)));
    },
    plural(count: unknown, singular: unknown, pluralForm: unknown, options?: HelperOptions) {
      const opts = (options ?? pluralForm) as HelperOptions;
      const form = typeof pluralForm === 'string' ? pluralForm : undefined;
      // A withheld count arrives as words ("fewer than 6"), and takes the plural.
      if (typeof count === 'string' && /^fewer than \d+$/.test(count))
        return `${count} ${form ?? `${String(singular)}s`}`;
      if (typeof count !== 'number') look.fail(opts, message.helperNeedsNumber('plural', String(count)));
      if (typeof singular !== 'string' || (pluralForm !== opts && typeof pluralForm !== 'string'))
        look.fail(opts, message.helperArguments('plural', pluralUsage, 3));
      return plural(count as number, String(singular), form);
    },
    possessive(name: unknown, options: HelperOptions) {
      return typeof name === 'string' && name.trim() !== ''
        ? possessive(name)
        : look.fail(options, message.helperNeedsText('possessive', String(name)));
    },
    date(iso: unknown, options: HelperOptions) {
      try {
        return formatDate(String(iso));
      } catch {
        return look.fail(options, message.helperNeedsDate(String(iso)));
      }
    },
    diagram(id: unknown, options: HelperOptions) {
      return new Handlebars.SafeString(diagrams.render(String(id), options.loc?.start.line));
    },
    diagramRef(id: unknown, options: HelperOptions) {
      return `Diagram ${diagrams.numberOf(String(id), options.loc?.start.line)}`;
    },
  };
}
