/**
 * The benchmark chart: every council's figure for one year as a ranked bar, best on the left (lowest
 * first where no direction is better), the council's bar highlighted and labelled, England as a labelled
 * reference line, and the quartile bands shaded and lettered behind.
 */
import { quartileOf } from '../../indicators/assess.js';
import type { CouncilFigure } from '../../indicators/types.js';
import { axisTitle } from '../../indicators/units.js';
import { ordinal } from '../../format.js';
import { formatCell, formatValue } from '../../wording/figures.js';
import type { ChartContext, ChartDraft } from './types.js';

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
  const rank = indicator.assessments[period.key]?.rank;
  const order = indicator.polarity === 'high-is-good' ? 'from highest to lowest' : 'from lowest to highest';
  const best = indicator.polarity === 'none' ? '' : ', best first';

  const bands = indicator.polarity === 'none' ? [] : quartileBands(ranked);
  const descendingChart = indicator.polarity === 'high-is-good';
  const barWidth = Math.max(1, (theme.size.width / Math.max(ranked.length, 1)) * 0.7);
  const x = {
    field: 'order',
    type: 'quantitative',
    scale: { domain: [0.5, ranked.length + 0.5], nice: false },
    axis: { labels: false, ticks: false, grid: false, title: `All ${ranked.length} councils, ${order}${best}` },
  };
  const y = { field: 'value', type: 'quantitative', title: axisTitle(indicator), scale: { zero: diagram.zero } };

  const layers: unknown[] = [
    ...(bands.length
      ? [
          {
            data: { values: bands },
            mark: { type: 'rect', color: theme.colors.band },
            encoding: {
              x: { field: 'from', type: 'quantitative' },
              x2: { field: 'to' },
              opacity: { field: 'shade', type: 'quantitative', scale: { domain: [0, 1], range: [0, 1] }, legend: null },
            },
          },
          {
            data: { values: bands },
            mark: { type: 'text', baseline: 'top', dy: 4, fontSize: theme.text.note, color: theme.colors.boundary },
            encoding: { x: { field: 'middle', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
          },
        ]
      : []),
    {
      mark: { type: 'bar', size: barWidth },
      encoding: {
        x,
        y,
        color: { condition: { test: 'datum.own', value: theme.colors.highlight }, value: theme.colors.others },
      },
    },
    // The council's name sits near the top of the plot, joined to its bar by a leader line, clear of
    // the England line and the other bars.
    ...(own
      ? [
          {
            transform: [{ filter: 'datum.own' }],
            mark: { type: 'rule', color: theme.colors.highlight, strokeWidth: 1 },
            encoding: { x, y, y2: { value: LABEL_Y + 6 } },
          },
          {
            transform: [{ filter: 'datum.own' }],
            mark: {
              type: 'text',
              align: own.order > ranked.length / 2 ? 'right' : 'left',
              dx: own.order > ranked.length / 2 ? -4 : 4,
              fontWeight: 'bold',
              fontSize: theme.text.label,
            },
            encoding: { x, y: { value: LABEL_Y }, text: { value: `${council.name} ${formatValue(own, indicator)}` } },
          },
        ]
      : []),
    // England's line is labelled at the end where the bars are shortest.
    ...(england?.value != null
      ? [
          {
            data: { values: [{ value: england.value }] },
            mark: { type: 'rule', strokeDash: [6, 3], strokeWidth: 1.5, color: theme.colors.reference },
            encoding: { y: { field: 'value', type: 'quantitative' } },
          },
          {
            data: { values: [{ value: england.value }] },
            mark: {
              type: 'text',
              align: descendingChart ? 'right' : 'left',
              dy: -7,
              fontSize: theme.text.note,
              color: theme.colors.reference,
            },
            encoding: {
              x: { value: descendingChart ? theme.size.width - 2 : 2 },
              y: { field: 'value', type: 'quantitative' },
              text: { value: `England ${formatValue(england, indicator)}` },
            },
          },
        ]
      : []),
  ];

  const byValue = [...ranked].sort((a, b) => a.value - b.value);
  const lowest = byValue[0];
  const highest = byValue[byValue.length - 1];
  const sentences = [
    `Bar chart of ${indicator.shortTitle.toLowerCase()} in ${period.label} for all ${ranked.length} councils with a figure, ranked ${order}${best}.`,
    own
      ? `${council.name}, at ${formatValue(own, indicator)}, is ${rank ? `${ordinal(rank.position)} of ${rank.outOf}, in quartile ${rank.quartile}` : `${ordinal(own.order)} of ${ranked.length}`}.`
      : `${council.name} has no figure for ${period.label}.`,
    england?.value != null ? `England's figure is ${formatValue(england, indicator)}.` : '',
    lowest && highest
      ? `Figures run from ${formatValue(lowest, indicator)} (${lowest.name}) to ${formatValue(highest, indicator)} (${highest.name}).`
      : '',
  ];

  return {
    spec: {
      width: theme.size.width,
      height: theme.size.height,
      data: { values: ranked },
      layer: layers,
    } as ChartDraft['spec'],
    description: sentences.filter(Boolean).join(' '),
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
        ...(lowest ? [{ name: `Lowest (${lowest.name})`, cells: [formatCell(lowest, indicator)] }] : []),
        ...bands.map((band) => ({
          name: `Quartile ${band.label}`,
          cells: [`${formatCell({ value: band.low }, indicator)} to ${formatCell({ value: band.high }, indicator)}`],
        })),
        ...(highest ? [{ name: `Highest (${highest.name})`, cells: [formatCell(highest, indicator)] }] : []),
      ],
    },
  };
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

/** The span of orders in each quartile band, for shading; alternate bands shaded. */
function quartileBands(ranked: readonly RankedCouncil[]) {
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
