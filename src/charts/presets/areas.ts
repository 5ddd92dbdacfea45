/**
 * The areas chart: the council's districts or teams (a local sheet with an area column) for one
 * period, as bars sorted best first (highest first where no direction is better), each labelled with
 * its name and figure, with the council's own figure and England's as labelled lines.
 */
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import { joinList, plural, possessive } from '../../format.js';
import { formatCell, formatValue } from '../../wording/figures.js';
import type { ChartContext, ChartDraft, Layer } from './types.js';
import { inFigureOrder } from './bar-order.js';
import { valueChannel } from './value-axis.js';

interface Bar {
  readonly name: string;
  readonly value: number | null;
  /** Where the label stands: at the bar's end, or at zero for an area with no figure ("c", "x"). */
  readonly at: number;
  readonly label: string;
}

export function areasChart({ indicator, period, theme, set, diagram }: ChartContext): ChartDraft {
  const council = set.comparators.council.name;
  const areas = indicator.areas;
  const bars: Bar[] = inFigureOrder(
    (areas?.series ?? []).map((area) => {
      const figure = area.figures[period.key];
      const value = figure?.value ?? null;
      return { name: area.name, value, at: value ?? 0, label: formatCell(figure, indicator) };
    }),
    indicator.polarity === 'low-is-good' ? 'ascending' : 'descending',
  );
  const own = indicator.series.council.figures[period.key];
  const england = indicator.series.england.figures[period.key];
  const lines = [
    ...(own?.value != null ? [{ name: council, value: own.value, color: theme.colors.highlight, dash: [1, 0] }] : []),
    ...(england?.value != null
      ? [{ name: 'England', value: england.value, color: theme.colors.reference, dash: [6, 3] }]
      : []),
  ];
  const width = theme.size.width - 160;
  const x = valueChannel(indicator, [...bars.map((b) => b.value), ...lines.map((l) => l.value)], {
    zero: diagram.zero,
    pixels: width,
  });
  const y: PositionFieldDef<Field> = { field: 'name', type: 'nominal', sort: bars.map((b) => b.name), title: null };
  const layers: Layer[] = [
    { mark: { type: 'bar', size: 14, color: theme.colors.others }, encoding: { x, y } },
    {
      mark: { type: 'text', align: 'left', dx: 4, fontSize: theme.text.note },
      encoding: { x: { ...x, field: 'at' }, y, text: { field: 'label' } },
    },
    // Each line named above the plot, one name above the other, so two close figures never overprint.
    ...lines.map((line, i): Layer => ({
      data: { values: [line] },
      layer: [
        { mark: { type: 'rule', color: line.color, strokeDash: line.dash, strokeWidth: 2 }, encoding: { x } },
        {
          mark: {
            type: 'text',
            align: 'left',
            baseline: 'bottom',
            dx: 3,
            y: -4 - i * (theme.text.small + 3),
            fontSize: theme.text.small,
          },
          encoding: { x, text: { value: `${line.name} ${formatValue({ value: line.value }, indicator)}` } },
        },
      ],
    })),
  ];

  const shown = bars.filter((b) => b.value !== null);
  const [first, last] = [shown[0], shown[shown.length - 1]];
  const order = indicator.polarity === 'none' ? 'highest first' : 'best first';
  const description = [
    `Bar chart of ${indicator.shortTitle.toLowerCase()} in ${period.label} for the ${plural(bars.length, (areas?.column ?? 'area').toLowerCase())} of ${council}, ${order}.`,
    first && last && first !== last
      ? `Figures run from ${formatValue({ value: first.value }, indicator)} (${first.name}) to ${formatValue({ value: last.value }, indicator)} (${last.name}).`
      : '',
    shown.length < bars.length
      ? `${joinList(bars.filter((b) => b.value === null).map((b) => b.name))} ${bars.length - shown.length === 1 ? 'has' : 'have'} no figure to show.`
      : '',
    own?.value != null ? `${possessive(council)} figure is ${formatValue(own, indicator)}.` : '',
    england?.value != null ? `England's figure is ${formatValue(england, indicator)}.` : '',
  ];
  return {
    spec: { width, height: { step: 20 }, data: { values: bars }, layer: layers },
    description: description.filter(Boolean).join(' '),
    table: {
      head: [areas?.column ?? 'Area', period.label],
      rows: [
        ...bars.map((b) => ({ name: b.name, cells: [b.label] })),
        { name: council, cells: [formatCell(own, indicator)] },
        { name: 'England', cells: [formatCell(england, indicator)] },
      ],
    },
  };
}
