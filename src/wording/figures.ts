/**
 * A figure in words: as a table cell shows it ("17.2", or "c" when withheld) and as prose says it
 * ("17.2%", "148.1 per 10,000", or why there is none). Tables, charts and sentences all ask here.
 */
import type { Figure } from '../indicators/figures.js';
import { withUnit, type Unit } from '../indicators/units.js';
import { formatNumber } from '../format.js';
import { SYMBOL_MEANINGS } from '../tables/values.js';

/** The figure as a table shows it: "17.2", or its symbol ("c", "x") when withheld. */
export function formatCell(figure: Figure | undefined, unit: Unit): string {
  if (!figure || figure.value === null) return figure?.symbol ?? 'x';
  return formatNumber(figure.value, unit.decimals);
}

/** The figure as prose says it: "17.2%", "148.1 per 10,000", or why there is none. */
export function formatValue(figure: Figure | undefined, unit: Unit): string {
  if (!figure || figure.value === null) {
    const symbol = figure?.symbol ?? 'x';
    return symbol === 'c' ? 'not published (suppressed)' : SYMBOL_MEANINGS[symbol].replace(/ \(.*\)$/, '');
  }
  return withUnit(figure.value, unit);
}
