/**
 * The value axis of every preset: a scale from labelled tick to labelled tick that covers every value
 * drawn (and zero, unless the diagram says `zero: false`). Left to itself, Vega rounds the ends of the
 * scale with one tick count and picks the labelled ticks with another, so the scale can run past its
 * last label: values of 145 to 148 drawn above an axis labelled up to 140. Here the step is chosen
 * once and the ticks are given, so the first and last ticks are the ends of the scale.
 */
import type { Axis } from 'vega-lite/types_unstable/axis.js';
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { Scale } from 'vega-lite/types_unstable/scale.js';
import { axisTitle, type Unit } from '../../indicators/units.js';

export interface ValueAxis {
  readonly scale: Scale;
  readonly axis: Axis;
  /** The ends of the scale: its first and last labelled ticks. */
  readonly low: number;
  readonly top: number;
}

/** About one labelled tick per 40 pixels of axis: Vega-Lite's own default, so axes look as they did. */
export const tickCountFor = (pixels: number): number => Math.max(2, Math.ceil(pixels / 40));

/**
 * The axis for these values (null is a gap, not drawn), with about `count` intervals of a round step;
 * none when there is no value to draw.
 */
export function valueAxis(
  values: readonly (number | null | undefined)[],
  { zero, count }: { readonly zero: boolean; readonly count: number },
): ValueAxis | undefined {
  const drawn = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (drawn.length === 0) return undefined;
  let low = Math.min(...drawn, ...(zero ? [0] : []));
  let high = Math.max(...drawn, ...(zero ? [0] : []));
  if (low === high) {
    // One value, or only zeros: a span about it, so the scale is not empty.
    const half = Math.abs(high) / 10 || 1;
    low = zero && low === 0 ? 0 : low - half;
    high += half;
  }
  const step = roundStep((high - low) / count);
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => withoutDust((first + i) * step, step));
  const [bottom, top] = [ticks[0]!, ticks[ticks.length - 1]!];
  // Vega thins given ticks down to its tick count, which can drop the last one: the count is all of them.
  const axis = { values: ticks, tickCount: ticks.length };
  return { scale: { domain: [bottom, top], nice: false, zero: false }, axis, low: bottom, top };
}

/**
 * The value channel of a bar or point chart (the field "value"), titled with the indicator's unit, on
 * the scale valueAxis chooses for every value drawn, across `pixels` of axis.
 */
export function valueChannel(
  unit: Unit,
  values: readonly (number | null | undefined)[],
  { zero, pixels }: { readonly zero: boolean; readonly pixels: number },
): PositionFieldDef<Field> {
  const scale = valueAxis(values, { zero, count: tickCountFor(pixels) });
  return {
    field: 'value',
    type: 'quantitative',
    title: axisTitle(unit),
    scale: scale?.scale ?? { zero },
    ...(scale && { axis: scale.axis }),
  };
}

/** The 1, 2 or 5 x 10^k nearest a step of `raw`, as d3 (and so Vega) chooses its tick steps. */
function roundStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1) * power;
}

/** A tick without floating-point dust: 0.30000000000000004 -> 0.3. */
function withoutDust(value: number, step: number): number {
  return Number(value.toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
}
