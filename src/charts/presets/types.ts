/** What every chart preset takes and gives. */
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { DiagramSpec } from '../../definition/schema.js';
import type { IndicatorResult, IndicatorSet, SeriesName } from '../../indicators/types.js';
import type { Period } from '../../indicators/periods.js';
import type { ChartTheme } from '../theme.js';

export interface ChartContext {
  readonly diagram: DiagramSpec;
  readonly set: IndicatorSet;
  /** The diagram's indicator. */
  readonly indicator: IndicatorResult;
  /** The period a one-period chart shows (benchmark, neighbours, breakdown). */
  readonly period: Period;
  /** The series the diagram draws, named as the indicator set names them. */
  readonly series: readonly SeriesName[];
  readonly theme: ChartTheme;
}

/** The numbers behind a chart, as the table printed with it. */
export interface DiagramTable {
  readonly head: readonly string[];
  readonly rows: readonly { readonly name: string; readonly cells: readonly string[] }[];
}

export interface ChartDraft {
  /** The chart, without title, source or theme (the renderer adds those); none for a table alone. */
  readonly spec?: TopLevelSpec;
  /** The text alternative: what the chart shows, from its data. */
  readonly description: string;
  readonly table: DiagramTable;
}

/** One layer of a layered chart, in Vega-Lite's own types, so a misspelt mark or channel is a type error. */
export type Layer = LayerSpec<Field> | UnitSpec<Field>;
