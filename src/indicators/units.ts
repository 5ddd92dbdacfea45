/**
 * What an indicator's number is: a percentage, a rate per some number of children (10,000 for every
 * DfE rate), a count, or a plain ratio (children per social worker). Everything that writes a number
 * with its unit, or computes one from counts, asks this module.
 */
import { formatNumber } from '../format.js';
import { percentage, ratePer, roundRatio } from './round.js';

export type UnitKind = 'percent' | 'rate' | 'count' | 'ratio';

export interface Unit {
  readonly unit: UnitKind;
  readonly decimals: number;
  /** For rates: per how many children (10,000 unless a custom indicator says otherwise). */
  readonly per?: number;
}

/** Rates are per 10,000 children throughout children's social care statistics. */
export const DEFAULT_PER = 10_000;

/** numerator and denominator -> the figure, rounded half away from zero on the exact value. */
export function valueFrom(unit: Unit, numerator: number, denominator: number): number {
  switch (unit.unit) {
    case 'percent':
      return percentage(numerator, denominator, unit.decimals);
    case 'rate':
      return ratePer(numerator, denominator, unit.per ?? DEFAULT_PER, unit.decimals);
    case 'ratio':
      return roundRatio(numerator, denominator, unit.decimals);
    case 'count':
      return numerator;
  }
}

/** Whether the figure needs a denominator at all. */
export function needsDenominator(unit: Unit): boolean {
  return unit.unit !== 'count';
}

/** "17.2%", "40.6 per 10,000", "22", "16.4". */
export function withUnit(value: number, unit: Unit): string {
  const number = formatNumber(value, unit.decimals);
  switch (unit.unit) {
    case 'percent':
      return `${number}%`;
    case 'rate':
      return `${number} per ${formatNumber(unit.per ?? DEFAULT_PER, 0)}`;
    default:
      return number;
  }
}

/** The size of a change: "3.9 percentage points", "12.4 per 10,000", "3". */
export function changeWithUnit(size: number, unit: Unit): string {
  const number = formatNumber(size, unit.decimals);
  if (unit.unit === 'percent') return `${number} percentage point${size === 1 ? '' : 's'}`;
  if (unit.unit === 'rate') return `${number} per ${formatNumber(unit.per ?? DEFAULT_PER, 0)}`;
  return number;
}

/** The note under a table: "Figures are percentages." */
export function unitNote(unit: Unit): string {
  switch (unit.unit) {
    case 'percent':
      return 'Figures are percentages.';
    case 'rate':
      return `Figures are rates per ${formatNumber(unit.per ?? DEFAULT_PER, 0)} children aged 0 to 17.`;
    case 'count':
      return 'Figures are numbers of children or events.';
    case 'ratio':
      return 'Figures are ratios.';
  }
}

/** A chart's value axis title. */
export function axisTitle(unit: Unit): string {
  switch (unit.unit) {
    case 'percent':
      return 'Per cent';
    case 'rate':
      return `Per ${formatNumber(unit.per ?? DEFAULT_PER, 0)} children`;
    case 'count':
      return 'Number';
    case 'ratio':
      return 'Ratio';
  }
}

/** The default tolerance for "similar": 1 percentage point for percentages, 5% of the comparator otherwise. */
export function defaultTolerance(unit: Unit): string {
  return unit.unit === 'percent' ? '1 point' : '5%';
}
