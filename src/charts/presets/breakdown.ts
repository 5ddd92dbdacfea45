/**
 * The breakdown chart: several related indicators for one period side by side (factors identified at
 * assessment, plans by length), one row each, the council and its comparators as dots whose shape and
 * colour both tell them apart.
 */
import { seriesOf, type SeriesName } from '../../indicators/types.js';
import { axisTitle } from '../../indicators/units.js';
import { joinList, possessive } from '../../format.js';
import { formatCell, formatValue } from '../../wording/figures.js';
import { seriesStyles } from '../theme.js';
import type { ChartContext, ChartDraft } from './types.js';
import { tickCountFor, valueAxis } from './value-axis.js';

export function breakdownChart({ diagram, set, indicator, period, theme, series }: ChartContext): ChartDraft {
  const ids = diagram.indicators ?? [diagram.indicator];
  const members = ids.map((id) => set.indicators[id]!);
  const names = series.map((name) => seriesOf(indicator, name).name);
  const points = members.flatMap((member) =>
    series.map((name) => ({
      measure: member.shortTitle,
      series: seriesOf(member, name).name,
      value: seriesOf(member, name).figures[period.key]?.value ?? null,
    })),
  );
  const styles = seriesStyles(theme, series);
  const scale = (range: string[]) => ({ domain: names, range });
  const council = indicator.series.council.name;

  const own = (member: (typeof members)[number]) => member.series.council.figures[period.key];
  const ranked = members.filter((member) => own(member)?.value != null).sort((a, b) => own(b)!.value! - own(a)!.value!);
  const top = ranked[0];
  const above = (name: SeriesName) =>
    members.filter(
      (m) =>
        own(m)?.value != null &&
        seriesOf(m, name).figures[period.key]?.value != null &&
        own(m)!.value! > seriesOf(m, name).figures[period.key]!.value!,
    ).length;
  const description = [
    `Dot chart of ${members.length} measures in ${period.label} for ${joinList(names)}.`,
    top
      ? `${possessive(council)} highest is ${top.shortTitle.toLowerCase()} at ${formatValue(own(top), top)}${series.includes('england') ? ` (England ${formatValue(top.series.england.figures[period.key], top)})` : ''}.`
      : '',
    series.includes('england')
      ? `${council} is higher than England on ${above('england')} of the ${members.length}.`
      : '',
  ];

  const width = theme.size.width - 200;
  const valueScale = valueAxis(
    points.map((p) => p.value),
    { zero: diagram.zero, count: tickCountFor(width) },
  );
  return {
    spec: {
      width,
      height: { step: 26 },
      data: { values: points },
      mark: { type: 'point', filled: true, size: 90, opacity: 1 },
      encoding: {
        y: {
          field: 'measure',
          type: 'nominal',
          sort: members.map((m) => m.shortTitle),
          title: null,
          axis: { labelLimit: 0 },
        },
        x: {
          field: 'value',
          type: 'quantitative',
          title: axisTitle(indicator),
          scale: valueScale?.scale ?? { zero: diagram.zero },
          ...(valueScale && { axis: valueScale.axis }),
        },
        color: {
          field: 'series',
          type: 'nominal',
          scale: scale(styles.map((s) => s.color)),
          legend: { values: names },
        },
        shape: {
          field: 'series',
          type: 'nominal',
          scale: scale(styles.map((s) => s.shape)),
          legend: { values: names },
        },
      },
    },
    description: description.filter(Boolean).join(' '),
    table: {
      head: ['Measure', ...names],
      rows: members.map((member) => ({
        name: member.shortTitle,
        cells: series.map((name) => formatCell(seriesOf(member, name).figures[period.key], member)),
      })),
    },
  };
}
