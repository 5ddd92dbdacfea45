/** A figure for one area and period, and how one is made from two counts. */
import type { Place } from '../diagnostics/place.js';
import type { PublishedSymbol, Reading } from '../tables/values.js';
import { needsDenominator, valueFrom, type Unit } from './units.js';

export interface Figure {
  /** The figure as published or computed, rounded to the indicator's decimal places; null when withheld. */
  readonly value: number | null;
  /** Why there is no value: the DfE symbol (c suppressed, x not available, z not applicable ...). */
  readonly symbol?: PublishedSymbol;
  readonly numerator?: number;
  readonly denominator?: number;
  /** How many neighbours' figures an average was taken over. */
  readonly count?: number;
  readonly source?: Place;
  /** Given as published (quoted from an earlier report), not computed from counts. */
  readonly published?: boolean;
  /** For the council's own figure standing in for a published one: what was published. */
  readonly replaces?: Pick<Figure, 'value' | 'symbol'>;
}

/** One council's figure for a year, among all councils' (for ranks and benchmark charts). */
export interface CouncilFigure {
  readonly code: string;
  readonly name: string;
  readonly value: number;
}

export const NOT_AVAILABLE: Figure = { value: null, symbol: 'x' };

/** A figure from two readings; a withheld count withholds the figure, never makes it 0. */
export function ratio(
  unit: Unit,
  numerator: Reading | undefined,
  denominator: Reading | undefined,
  source?: Place,
): Figure {
  const at = source ? { source } : {};
  if (numerator && 'symbol' in numerator) return { value: null, symbol: numerator.symbol, ...at };
  if (numerator && !needsDenominator(unit)) return { value: numerator.value, numerator: numerator.value, ...at };
  if (!numerator || !denominator) return { ...NOT_AVAILABLE, ...at };
  // "c" stands for a count from 1 to 5, never 0: none of a suppressed number is exactly 0%, as DfE prints it.
  if ('symbol' in denominator && denominator.symbol === 'c' && numerator.value === 0)
    return { value: 0, numerator: 0, ...at };
  if ('symbol' in denominator) return { value: null, symbol: denominator.symbol, numerator: numerator.value, ...at };
  const counts = { numerator: numerator.value, denominator: denominator.value };
  if (denominator.value === 0) return { value: null, symbol: 'z', ...counts, ...at };
  return { value: valueFrom(unit, numerator.value, denominator.value), ...counts, ...at };
}
