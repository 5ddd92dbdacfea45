/**
 * The benchmark chart: every council's figure for one year as a ranked bar, best on the left (lowest
 * first where no direction is better), the council's bar highlighted and labelled, England as a labelled
 * reference line, and the quartile bands shaded and lettered behind.
 */
import { quartileOf } from '../../indicators/assess.js';
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { CouncilFigure, Figure } from '../../indicators/types.js';
import type { ChartTheme } from '../theme.js';
import { ordinal } from '../../format.js';
import { formatCell, formatValue } from '../../wording/figures.js';
import { rankPhrase } from '../../wording/comparisons.js';
import type { ChartContext, ChartDraft, Layer } from './types.js';
import { valueChannel } from './value-axis.js';

/** Pixels from the top of the plot for the council's label, below the quartile letters. */
const LABEL_Y = 30;

export function benchmarkChart({ indicator, period, theme, set, diagram }: ChartContext): ChartDraft {
  const council = set.comparators.council;
  const ranked = rankedCouncils(indicator.councils[period.key] ?? [], indicator.polarity).map((entry) => ({
    ...entry,
    own: entry.code === council.code,
  }));
  const own = ranked.find((entry) => entry.code === council.code);
  const england = indicator.series.england.figures[period.key];
  const bands = indicator.polarity === 'none' ? [] : quartileBands(ranked);
  const order = orderWords(indicator.polarity);
  const x: PositionFieldDef<Field> = {
    field: 'order',
    type: 'quantitative',
    scale: { domain: [0.5, ranked.length + 0.5], nice: false },
    axis: { labels: false, ticks: false, grid: false, title: `All ${ranked.length} councils, ${order}` },
  };
  // The England line is drawn on the same scale as the bars, so the scale covers it too.
  const y = valueChannel(indicator, [...ranked.map((entry) => entry.value), england?.value], {
    zero: diagram.zero,
    pixels: theme.size.height,
  });
  const barWidth = Math.max(1, (theme.size.width / Math.max(ranked.length, 1)) * 0.7);

  const layers: Layer[] = [
    ...bandLayers(bands, theme),
    {
      mark: { type: 'bar', size: barWidth },
      encoding: {
        x,
        y,
        color: { condition: { test: 'datum.own', value: theme.colors.highlight }, value: theme.colors.others },
      },
    },
    ...(own
      ? councilLabel(`${council.name} ${formatValue(own, indicator)}`, own.order > ranked.length / 2, x, y, theme)
      : []),
    ...(england?.value != null
      ? englandLine(
          england.value,
          `England ${formatValue(england, indicator)}`,
          indicator.polarity === 'high-is-good',
          theme,
        )
      : []),
  ];

  const byValue = [...ranked].sort((a, b) => a.value - b.value);
  const extremes = { lowest: byValue[0], highest: byValue[byValue.length - 1] };
  const rank = indicator.assessments[period.key]?.rank;
  const facts = { indicator, period, council, own, england, count: ranked.length, order };
  return {
    spec: { width: theme.size.width, height: theme.size.height, data: { values: ranked }, layer: layers },
    description: describe(facts, extremes),
    table: {
      head: ['Figure', period.label],
      rows: [
        {
          name: council.name,
          cells: [
            own
              ? `${formatCell(own, indicator)}${rank ? ` (${ordinal(rank.position)} of ${rank.outOf}, quartile ${rank.quartile})` : ''}`
              : 'x',
          ],
        },
        { name: 'England', cells: [formatCell(england, indicator)] },
        ...(extremes.lowest
          ? [{ name: `Lowest (${extremes.lowest.name})`, cells: [formatCell(extremes.lowest, indicator)] }]
          : []),
        ...bands.map((band) => ({
          name: `Quartile ${band.label}`,
          cells: [`${formatCell({ value: band.low }, indicator)} to ${formatCell({ value: band.high }, indicator)}`],
        })),
        ...(extremes.highest
          ? [{ name: `Highest (${extremes.highest.name})`, cells: [formatCell(extremes.highest, indicator)] }]
          : []),
      ],
    },
  };
}

/** "from lowest to highest, best first"; no "best" for an indicator without a better direction. */
function orderWords(polarity: ChartContext['indicator']['polarity']): string {
  const order = polarity === 'high-is-good' ? 'from highest to lowest' : 'from lowest to highest';
  return polarity === 'none' ? order : `${order}, best first`;
}

/** The quartile bands shaded behind the bars, each lettered at the top. */
function bandLayers(bands: readonly QuartileBand[], theme: ChartTheme): Layer[] {
  if (bands.length === 0) return [];
  const data = { values: [...bands] };
  return [
    {
      data,
      mark: { type: 'rect', color: theme.colors.band },
      encoding: {
        x: { field: 'from', type: 'quantitative' },
        x2: { field: 'to' },
        opacity: { field: 'shade', type: 'quantitative', scale: { domain: [0, 1], range: [0, 1] }, legend: null },
      },
    },
    {
      data,
      mark: { type: 'text', baseline: 'top', dy: 4, fontSize: theme.text.note, color: theme.colors.boundary },
      encoding: { x: { field: 'middle', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
    },
  ];
}

/**
 * The council's name near the top of the plot, joined to its bar by a leader line, clear of the
 * England line and the other bars; on the left of the bar in the right half of the chart.
 */
function councilLabel(
  text: string,
  onLeft: boolean,
  x: PositionFieldDef<Field>,
  y: PositionFieldDef<Field>,
  theme: ChartTheme,
): Layer[] {
  return [
    {
      transform: [{ filter: 'datum.own' }],
      mark: { type: 'rule', color: theme.colors.highlight, strokeWidth: 1 },
      encoding: { x, y, y2: { value: LABEL_Y + 6 } },
    },
    {
      transform: [{ filter: 'datum.own' }],
      mark: {
        type: 'text',
        align: onLeft ? 'right' : 'left',
        dx: onLeft ? -4 : 4,
        fontWeight: 'bold',
        fontSize: theme.text.label,
      },
      encoding: { x, y: { value: LABEL_Y }, text: { value: text } },
    },
  ];
}

/** England's reference line, labelled at the end where the bars are shortest. */
function englandLine(value: number, text: string, descending: boolean, theme: ChartTheme): Layer[] {
  const data = { values: [{ value }] };
  return [
    {
      data,
      mark: { type: 'rule', strokeDash: [6, 3], strokeWidth: 1.5, color: theme.colors.reference },
      encoding: { y: { field: 'value', type: 'quantitative' } },
    },
    {
      data,
      mark: {
        type: 'text',
        align: descending ? 'right' : 'left',
        dy: -7,
        fontSize: theme.text.note,
        color: theme.colors.reference,
      },
      encoding: {
        x: { value: descending ? theme.size.width - 2 : 2 },
        y: { field: 'value', type: 'quantitative' },
        text: { value: text },
      },
    },
  ];
}

/** The text alternative: what is ranked, where the council stands, England, and the range. */
function describe(
  facts: {
    readonly indicator: ChartContext['indicator'];
    readonly period: ChartContext['period'];
    readonly council: { readonly name: string };
    readonly own: RankedCouncil | undefined;
    readonly england: Figure | undefined;
    readonly count: number;
    readonly order: string;
  },
  { lowest, highest }: { readonly lowest?: RankedCouncil; readonly highest?: RankedCouncil },
): string {
  const { indicator, period, council, own, england, count, order } = facts;
  const sentences = [
    `Bar chart of ${indicator.shortTitle.toLowerCase()} in ${period.label} for all ${count} councils with a figure, ranked ${order}.`,
    own
      ? `${council.name}, at ${formatValue(own, indicator)}, ${rankPhrase(indicator, period, own)}.`
      : `${council.name} has no figure for ${period.label}.`,
    england?.value != null ? `England's figure is ${formatValue(england, indicator)}.` : '',
    lowest && highest
      ? `Figures run from ${formatValue(lowest, indicator)} (${lowest.name}) to ${formatValue(highest, indicator)} (${highest.name}).`
      : '',
  ];
  return sentences.filter(Boolean).join(' ');
}

interface RankedCouncil extends CouncilFigure {
  readonly order: number;
  readonly position: number;
}

/** Councils in chart order with their rank position (ties share the better one). */
function rankedCouncils(
  councils: readonly CouncilFigure[],
  polarity: ChartContext['indicator']['polarity'],
): RankedCouncil[] {
  const descending = polarity === 'high-is-good';
  const sorted = [...councils].sort(
    (a, b) => (descending ? b.value - a.value : a.value - b.value) || a.name.localeCompare(b.name),
  );
  return sorted.map((entry, i) => ({
    ...entry,
    order: i + 1,
    position: sorted.findIndex((other) => other.value === entry.value) + 1,
  }));
}

interface QuartileBand {
  readonly label: 'A' | 'B' | 'C' | 'D';
  readonly from: number;
  readonly to: number;
  readonly middle: number;
  readonly shade: number;
  readonly low: number;
  readonly high: number;
}

/** The span of orders in each quartile band, for shading; alternate bands shaded. */
function quartileBands(ranked: readonly RankedCouncil[]): QuartileBand[] {
  const bands = (['A', 'B', 'C', 'D'] as const).flatMap((label, i) => {
    const members = ranked.filter((entry) => quartileOf(entry.position, ranked.length) === label);
    if (members.length === 0) return [];
    const from = members[0]!.order - 0.5;
    const to = members[members.length - 1]!.order + 0.5;
    return [
      {
        label,
        from,
        to,
        middle: (from + to) / 2,
        shade: i % 2 === 0 ? 1 : 0,
        low: Math.min(...members.map((m) => m.value)),
        high: Math.max(...members.map((m) => m.value)),
      },
    ];
  });
  return bands;
}
