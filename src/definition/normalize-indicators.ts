/**
 * The definition's indicators made whole (the built-in library's, with the report's overrides, or the
 * report's own), and every reference to an indicator or a local source checked where it stands.
 */
import * as message from '../diagnostics/messages.js';
import { nearest } from '../diagnostics/nearest.js';
import type { Library } from '../indicators/library.js';
import { parseFinancialYear } from '../indicators/periods.js';
import { SERIES_NAMES, type IndicatorDefinition } from '../indicators/types.js';
import { checkVegaLite } from './check-vega-lite.js';
import type { Checks } from './checks.js';
import { formatPath } from './read-definition.js';
import type { ValidatedDefinition } from './schema.js';

export function normalizeIndicators(
  spec: ValidatedDefinition,
  library: Library,
  checks: Checks,
  localIds: readonly string[],
): IndicatorDefinition[] {
  const { problems, locate } = checks;
  return spec.indicators.flatMap((indicator, i): IndicatorDefinition[] => {
    if (indicator.local && !localIds.includes(indicator.local.source)) {
      problems.add(
        message.unknownReference(
          locate(['indicators', i, 'local', 'source']),
          'local data source',
          indicator.local.source,
          localIds,
          nearest(indicator.local.source, localIds),
        ),
      );
    }
    const measure = measureOf(indicator, i, library, checks);
    if (!measure) return [];
    if (
      measure.unit !== 'count' &&
      indicator.local?.numerator !== undefined &&
      indicator.local.denominator === undefined
    ) {
      problems.add(message.missingKey(locate(['indicators', i, 'local']), `indicators[${i}].local.denominator`));
    }
    const { from, to, title, shortTitle, definition, base: _base, custom: _custom, ...rest } = indicator;
    return [
      {
        ...measure,
        ...rest,
        id: indicator.id,
        base: indicator.base ?? 'custom',
        title: title ?? measure.title,
        shortTitle: shortTitle ?? measure.shortTitle,
        definition: definition ?? measure.definition,
        similarWithin: indicator.similarWithin ?? measure.similarWithin,
        from: from === undefined ? undefined : yearOf(from, ['indicators', i, 'from'], checks),
        to: to === undefined ? undefined : yearOf(to, ['indicators', i, 'to'], checks),
      },
    ];
  });
}

/** What is measured: from the built-in library, or declared in the definition. */
function measureOf(
  indicator: ValidatedDefinition['indicators'][number],
  i: number,
  library: Library,
  { problems, locate }: Checks,
): Omit<IndicatorDefinition, 'id' | 'base'> | undefined {
  if (indicator.custom) {
    const { kind, per, decimals, shortTitle, ...custom } = indicator.custom;
    const unit = kind === 'percentage' ? 'percent' : kind;
    return {
      ...custom,
      shortTitle: shortTitle ?? custom.title,
      unit,
      ...(unit === 'rate' && { per }),
      decimals: decimals ?? (unit === 'count' ? 0 : 1),
    };
  }
  const base = library[indicator.base!];
  if (base) return base;
  const known = Object.keys(library);
  problems.add(
    message.unknownReference(
      locate(['indicators', i, 'base']),
      'built-in indicator',
      indicator.base!,
      known,
      nearest(indicator.base!, known),
    ),
  );
  return undefined;
}

function yearOf(text: string, path: (string | number)[], { problems, locate }: Checks): number | undefined {
  const year = parseFinancialYear(text);
  if (year === undefined)
    problems.add(message.invalidValue(locate(path), formatPath(path), message.rule.notFinancialYear(text)));
  return year;
}

/** Each diagram names indicators the report defines, and a Vega-Lite chart is valid where it stands. */
export function checkDiagrams(spec: ValidatedDefinition, { problems, locate }: Checks): void {
  const indicatorIds = spec.indicators.map((indicator) => indicator.id);
  spec.diagrams.forEach((diagram, i) => {
    const named: [(string | number)[], string][] = [
      [['diagrams', i, 'indicator'], diagram.indicator],
      ...(diagram.indicators ?? []).map((id, j): [(string | number)[], string] => [
        ['diagrams', i, 'indicators', j],
        id,
      ]),
    ];
    for (const [path, id] of named) {
      if (!indicatorIds.includes(id))
        problems.add(message.unknownReference(locate(path), 'indicator', id, indicatorIds, nearest(id, indicatorIds)));
    }
    const shown = spec.indicators.find((indicator) => indicator.id === diagram.indicator);
    if (diagram.chart === 'areas' && shown && !shown.local?.area)
      problems.add(message.areasWithoutArea(locate(['diagrams', i, 'chart']), diagram.indicator));
    // Another council is named in series: as the definition's comparators: list writes it.
    const allowed = [...SERIES_NAMES, ...spec.comparators];
    diagram.series.forEach((name, j) => {
      if (!allowed.some((known) => known.trim().toLowerCase() === name.trim().toLowerCase()))
        problems.add(
          message.unknownReference(
            locate(['diagrams', i, 'series', j]),
            'series',
            name,
            allowed,
            nearest(name, allowed),
          ),
        );
    });
    if (typeof diagram.chart === 'object') {
      for (const problem of checkVegaLite(diagram.chart.vegaLite)) {
        problems.add(
          message.chartInvalid(locate(['diagrams', i, 'chart', 'vegaLite', ...problem.path]), problem.detail),
        );
      }
    }
  });
}
