/**
 * The neighbours chart: the council beside each of its statistical neighbours and England for one
 * year, as bars sorted best first (lowest first where no direction is better). Every bar is labelled
 * with its name and figure, so no meaning rests on colour: the council's bar is also drawn in the
 * highlight colour and its name in bold.
 */
import type { Figure } from '../../indicators/figures.js';
import type { ColorDef, Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import { ordinal } from '../../format.js';
import { formatCell, formatValue } from '../../wording/figures.js';
import type { ChartContext, ChartDraft } from './types.js';
import { inFigureOrder } from './bar-order.js';
import { valueChannel } from './value-axis.js';

interface Bar {
  readonly name: string;
  readonly value: number | null;
  readonly label: string;
  readonly kind: 'council' | 'neighbour' | 'england';
}

export function neighboursChart({ indicator, period, theme, set, diagram }: ChartContext): ChartDraft {
  const council = set.comparators.council;
  const values = new Map((indicator.councils[period.key] ?? []).map((entry) => [entry.code, entry.value]));
  const bar = (name: string, figure: Figure | undefined, kind: Bar['kind']): Bar => ({
    name,
    value: figure?.value ?? null,
    label: formatCell(figure, indicator),
    kind,
  });
  const neighbourBars = set.comparators.neighbours.areas.map((area) => {
    const value = values.get(area.code);
    return bar(area.name, value === undefined ? undefined : { value }, 'neighbour');
  });
  const descending = indicator.polarity === 'high-is-good';
  const bars = inFigureOrder(
    [
      bar(council.name, indicator.series.council.figures[period.key], 'council'),
      ...neighbourBars,
      bar('England', indicator.series.england.figures[period.key], 'england'),
    ],
    descending ? 'descending' : 'ascending',
  );
  const order = bars.map((b) => b.name);
  const y: PositionFieldDef<Field> = {
    field: 'name',
    type: 'nominal',
    sort: order,
    title: null,
    axis: {
      labelFontWeight: {
        condition: { test: `datum.value === ${JSON.stringify(council.name)}`, value: 'bold' },
        value: 'normal',
      },
      labelLimit: 0,
    },
  };
  const width = theme.size.width - 140;
  const x = valueChannel(
    indicator,
    bars.map((b) => b.value),
    { zero: diagram.zero, pixels: width },
  );
  const colour: ColorDef<Field> = {
    condition: [
      { test: "datum.kind === 'council'", value: theme.colors.highlight },
      { test: "datum.kind === 'england'", value: theme.colors.reference },
    ],
    value: theme.colors.others,
  };

  const ownIndex = bars.findIndex((b) => b.kind === 'council');
  const withFigures = bars.filter((b) => b.value !== null);
  const sortWord = indicator.polarity === 'none' ? (descending ? 'highest' : 'lowest') : 'best';
  const own = bars[ownIndex]!;
  const neighbourValues = neighbourBars.filter((b) => b.value !== null);
  const low = [...neighbourValues].sort((a, b) => a.value! - b.value!)[0];
  const high = [...neighbourValues].sort((a, b) => b.value! - a.value!)[0];
  const description = [
    `Bar chart of ${indicator.shortTitle.toLowerCase()} in ${period.label} for ${council.name}, its ${neighbourBars.length} statistical neighbours and England, ${sortWord} first.`,
    own.value === null
      ? `${council.name} has no figure for ${period.label}.`
      : `${council.name}, at ${formatValue({ value: own.value }, indicator)}, is ${ordinal(withFigures.indexOf(own) + 1)} of the ${withFigures.length} shown.`,
    low && high
      ? `Its neighbours run from ${formatValue({ value: low.value }, indicator)} (${low.name}) to ${formatValue({ value: high.value }, indicator)} (${high.name}).`
      : '',
    (() => {
      const england = bars.find((b) => b.kind === 'england');
      return england?.value != null ? `England's figure is ${formatValue({ value: england.value }, indicator)}.` : '';
    })(),
  ];

  return {
    spec: {
      width,
      height: { step: 20 },
      data: { values: bars },
      encoding: { y },
      layer: [
        { mark: { type: 'bar', size: 14 }, encoding: { x, color: colour } },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: theme.text.note },
          encoding: { x: { ...x, field: 'value' }, text: { field: 'label' } },
        },
      ],
    },
    description: description.filter(Boolean).join(' '),
    table: { head: ['Area', period.label], rows: bars.map((b) => ({ name: b.name, cells: [b.label] })) },
  };
}
