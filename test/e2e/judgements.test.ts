/**
 * Every judgement the prose of every example states ("lower (better) than England (17.9%)", "similar
 * to the statistical neighbour mean (16.5%)", "worse than North West (20.1%)") must be the judgement
 * the report's indicators JSON records for that comparison. The comparison is found from the words
 * alone: the comparator's name and figure, and the council's figure and the period in the same sentence.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline.js';
import { ROOT } from '../support/cli.js';
import { memoryEffects } from '../support/memory-effects.js';

interface JsonFigure {
  readonly value: number | null;
}
interface JsonIndicator {
  readonly polarity: string;
  readonly periods: readonly { key: string; label: string }[];
  readonly series: Record<string, { name: string; figures: Record<string, JsonFigure> }>;
  readonly assessments: Record<string, Record<string, unknown>>;
}
interface Json {
  readonly comparators: { neighbours: { average: string } };
  readonly indicators: Record<string, JsonIndicator>;
}

/** Every report definition shipped: the root example and each under examples/. */
function definitions(): string[] {
  const found = ['report.config.yaml'];
  for (const dir of readdirSync(join(ROOT, 'examples'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(ROOT, 'examples', dir.name)))
      if (file.endsWith('.yaml') && file !== 'agenda.yaml') found.push(join('examples', dir.name, file));
  }
  return found;
}

/** The text of each paragraph, list item, caption and text alternative, tags removed. */
function passages(html: string): string[] {
  const body = html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<span class="period">(.*?)<\/span>/g, '$1');
  const alts = [...body.matchAll(/\b(?:alt|aria-label)="([^"]*)"/g)].map((m) => m[1]!);
  const blocks = body.split(/<\/(?:p|li|figcaption|td|th|h\d|div|desc|title)>/);
  return [...blocks, ...alts]
    .map((block) =>
      block
        .replace(/<[^>]*>/g, ' ')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

// What each wording claims the JSON's verdict to be: better, worse, similar, higher, lower.
const CLAIM =
  /\b(?:(higher|lower)(?: \((better|worse)\))? than|(better|worse) than|(similar) to|(the same) as) (England|the statistical neighbour (?:mean|median)|(?:the )?[A-Z][A-Za-z ,&'-]*?) \((-?[\d,]+(?:\.\d+)?)(?:%| per [\d,]+)?(?:; within [^)]*)?\)/g;

interface Claim {
  readonly verdict: string;
  readonly comparator: string;
  readonly value: number;
  readonly sentence: string;
}

function claimsIn(text: string): Claim[] {
  return text.split(/(?<=\.) (?=[A-Z])/).flatMap((sentence) =>
    [...sentence.matchAll(CLAIM)].map((m) => {
      const [, relation, judged, plain, similar, same, comparator, value] = m;
      const verdict = judged ?? plain ?? (similar || same ? 'similar' : relation!);
      return { verdict, comparator: comparator!, value: Number(value!.replace(/,/g, '')), sentence };
    }),
  );
}

/** The JSON's series that prose calls by this name. */
function seriesOf(json: Json, indicator: JsonIndicator, name: string): string | undefined {
  if (name.startsWith('the statistical neighbour')) return 'neighbours';
  // Prose gives a region its article: "the West Midlands" is the series "West Midlands". Other councils
  // named as comparators are series of their own, by code.
  const plain = (text: string) => text.replace(/^the /, '').toLowerCase();
  const named = Object.keys(indicator.series).filter((series) => /^\d+$/.test(series));
  return ['england', 'region', ...named].find((series) => plain(indicator.series[series]?.name ?? '') === plain(name));
}

/** Shown as the report shows it: "17.2%", "52.3 per 10,000", "1,885". */
const mentions = (sentence: string, value: number) =>
  new RegExp(
    `(^|[^\\d.])${value.toLocaleString('en-GB', { minimumFractionDigits: 0 }).replace('.', '\\.')}(\\.0)?([^\\d]|$)`,
  ).test(sentence);

describe.each(definitions())('the judgements in the prose of %s', (file) => {
  it('each agree with the indicators JSON', async () => {
    const effects = memoryEffects();
    const { output, html } = await buildReport({ file, roots: [ROOT] }, effects);
    const json = JSON.parse(String(output.files.find((f) => f.name.endsWith('.indicators.json'))!.content)) as Json;
    const claims = passages(html).flatMap(claimsIn);

    let checked = 0;
    for (const claim of claims) {
      // Every comparison the JSON holds with this comparator figure; narrowed by what the sentence says.
      const candidates = Object.entries(json.indicators).flatMap(([id, indicator]) => {
        const series = seriesOf(json, indicator, claim.comparator);
        if (!series) return [];
        return indicator.periods.flatMap((period) => {
          const other = indicator.series[series]!.figures[period.key]?.value;
          if (other !== claim.value) return [];
          const own = indicator.series.council!.figures[period.key]?.value;
          const score =
            (own != null && mentions(claim.sentence, own) ? 2 : 0) + (claim.sentence.includes(period.label) ? 1 : 0);
          const assessment = indicator.assessments[period.key];
          const recorded = /^\d+$/.test(series)
            ? (assessment?.others as Record<string, unknown> | undefined)?.[series]
            : assessment?.[series];
          return [{ id, period: period.key, series, score, recorded }];
        });
      });
      const best = Math.max(...candidates.map((c) => c.score));
      const meant = candidates.filter((c) => c.score === best);
      expect(meant.length, `no comparison in the JSON for "${claim.sentence}"`).toBeGreaterThan(0);
      for (const candidate of meant)
        expect(
          candidate.recorded,
          `${relative(ROOT, join(ROOT, file))}: "${claim.sentence}" says ${claim.verdict}; the JSON records ${String(candidate.recorded)} for ${candidate.id} ${candidate.period} against ${candidate.series}`,
        ).toBe(claim.verdict);
      checked++;
    }
    checkedIn.set(file, checked);
  });
});

// A test that found no judgements would prove nothing: the papers that compare are all checked.
const checkedIn = new Map<string, number>();
describe('the judgement check', () => {
  it('found judgements to check in the papers that make comparisons', () => {
    for (const file of [
      'report.config.yaml',
      'examples/cp-overview/report.config.yaml',
      'examples/lancashire-indicators/report.config.yaml',
      'examples/st-helens-outturn/report.config.yaml',
    ])
      expect(checkedIn.get(file), file).toBeGreaterThan(0);
  });
});
