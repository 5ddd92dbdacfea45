/** The text alternative for a trend chart, generated from its data: what a sighted reader would take from it. */
import { seriesOf, type IndicatorResult, type SeriesName } from '../../indicators/types.js';
import { joinList } from '../../format.js';
import { changePhrase } from '../../wording/changes.js';
import { comparatorName, comparePhrase } from '../../wording/comparisons.js';

export function describeTrend(
  indicator: IndicatorResult,
  series: readonly SeriesName[],
  average: 'mean' | 'median',
): string {
  const years = indicator.periods.filter((period) => period.whole);
  const first = years[0];
  const last = years[years.length - 1];
  if (!first || !last) return `Line chart of ${indicator.shortTitle.toLowerCase()}, with no figures to show.`;

  const council = indicator.series.council;
  const names = joinList(series.map((name) => seriesOf(indicator, name).name));
  const span = first === last ? `in ${first.label}` : `from ${first.label} to ${last.label}`;
  const sentences = [`Line chart of ${indicator.shortTitle.toLowerCase()} ${span} for ${names}.`];
  if (first !== last) {
    const change = changePhrase(
      indicator,
      { label: first.label, figure: council.figures[first.key] },
      { label: last.label, figure: council.figures[last.key] },
    );
    sentences.push(`${council.name} ${change}.`);
  }
  const comparisons = series
    .filter((name) => name !== 'council')
    .map((name) =>
      comparePhrase(
        indicator,
        council.figures[last.key],
        seriesOf(indicator, name).figures[last.key],
        comparatorName(indicator, name, average),
      ),
    );
  if (comparisons.length > 0) sentences.push(`In ${last.label} ${council.name} was ${joinList(comparisons)}.`);
  return sentences.join(' ');
}
