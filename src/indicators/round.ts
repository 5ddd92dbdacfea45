/**
 * Exact rounding, half away from zero, as Excel's ROUND and DfE's tables do. Binary floating point
 * cannot hold most decimals (42.25 computed as 169/4 * ... may land on 42.2499...), so ratios of whole
 * numbers are rounded with integer arithmetic on the exact fraction.
 */

/** numerator / denominator rounded to `decimals` places; both must be whole numbers. */
export function roundRatio(numerator: number | bigint, denominator: number | bigint, decimals: number): number {
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  if (d === 0n) throw new RangeError('roundRatio: denominator is zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const scale = 10n ** BigInt(decimals);
  const magnitude = (2n * (negative ? -n : n) * scale + d) / (2n * d); // floor(x + 1/2) on the exact value
  const scaled = negative ? -magnitude : magnitude;
  return Number(scaled) / Number(scale);
}

/** A percentage of two counts: 37 of 355 -> 10.4 (to 1 place). */
export function percentage(numerator: number, denominator: number, decimals: number): number {
  return roundRatio(BigInt(numerator) * 100n, denominator, decimals);
}

/** A rate per `per` (10,000 children): 49,420 of 12,183,016 -> 40.6. */
export function ratePer(numerator: number, denominator: number, per: number, decimals: number): number {
  return roundRatio(BigInt(numerator) * BigInt(per), denominator, decimals);
}

/** A published decimal as a whole number of its smallest unit: 17.2 at 1 place -> 172n. */
export function toScaled(value: number, decimals: number): bigint {
  // Fast path: a figure with no more places than `decimals` lands within a hair of a whole number.
  const magnitude = Math.abs(value) * 10 ** decimals;
  const nearest = Math.round(magnitude);
  if (Math.abs(magnitude - nearest) < 1e-6 && Number.isSafeInteger(nearest))
    return BigInt(value < 0 ? -nearest : nearest);
  const text = value.toFixed(decimals + 2); // exact enough to read the digits as written
  const [whole, fraction = ''] = text.split('.');
  const digits = `${whole}${fraction.slice(0, decimals)}`;
  const rest = Number(`0.${fraction.slice(decimals)}`);
  const scaled = BigInt(digits);
  return rest >= 0.5 ? scaled + (value < 0 ? -1n : 1n) : scaled;
}

/** The mean of published values, rounded to `decimals` places. */
export function meanOf(values: readonly number[], decimals: number): number {
  let sum = 0n;
  for (const value of values) sum += toScaled(value, decimals);
  return roundRatio(sum, BigInt(values.length) * 10n ** BigInt(decimals), decimals);
}

/** The median of published values, rounded to `decimals` places (the mean of the middle two for an even count). */
export function medianOf(values: readonly number[], decimals: number): number {
  const scaled = values.map((value) => toScaled(value, decimals)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const middle = Math.floor(scaled.length / 2);
  const unit = 10n ** BigInt(decimals);
  if (scaled.length % 2 === 1) return roundRatio(scaled[middle]!, unit, decimals);
  return roundRatio(scaled[middle - 1]! + scaled[middle]!, 2n * unit, decimals);
}
