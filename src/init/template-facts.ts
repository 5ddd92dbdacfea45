/**
 * The fields a new report's templates (templates/init/<kind>/*.hbs) are filled in with: the council
 * as the national data gives it, the years it has figures for, the dates its placeholders start from
 * and the paths from the new folder to the data and the schema. Dates come from the data, never the
 * clock, so the same data starts the same report.
 */
import { firstDayOf, formatDate, lastDayOf } from '../dates.js';
import { neighbourModelLabel, type NeighbourModel } from '../indicators/neighbours.js';
import { financialYearLabel, periodBetween } from '../indicators/periods.js';
import { builtInLibrary } from '../indicators/library.js';
import { joinList } from '../format.js';
import type { CouncilFacts } from './council-facts.js';

const FACTORS = [
  'assessment_domestic_abuse_parent_percent',
  'assessment_mental_health_parent_percent',
  'assessment_neglect_percent',
  'assessment_emotional_abuse_percent',
  'assessment_drug_misuse_parent_percent',
];

export interface Paths {
  /** From the new folder to the tool's JSON Schema, when there is a relative path to it. */
  readonly schema?: string;
  /** From the new folder to the DfE data. */
  readonly national: string;
}

export type TemplateFacts = ReturnType<typeof templateFacts>;

export function templateFacts(facts: CouncilFacts, paths: Paths, withTemplates: (id: string) => boolean) {
  const name = readableName(facts.dfeName);
  const model: NeighbourModel = facts.model ?? '2021';
  const last = facts.lastYear;
  const [first, lastLabel] = [financialYearLabel(facts.firstYear), financialYearLabel(last)];
  const library = builtInLibrary();
  const since = periodBetween(`${last}-04-01`, `${last}-09-30`);
  const march = { year: last, month: 3 };
  const count = facts.figures.cpp_rate?.series.council.figures[lastLabel];
  const indicators = Object.keys(library)
    .filter((id) => facts.available.includes(id) && withTemplates(id))
    .map((id) => ({
      id,
      slug: id.replaceAll('_', '-'),
      title: library[id]!.title,
      shortTitle: library[id]!.shortTitle,
    }));
  return {
    council: {
      code: facts.code,
      name,
      dfeName: facts.dfeName,
      renamed: name !== facts.dfeName,
      region: facts.region,
      slug: slugOf(name),
    },
    neighbours: {
      count: facts.neighbours.length,
      model,
      label: neighbourModelLabel(model),
      list: facts.neighbours,
    },
    span: {
      // Set only when the council's years are fewer than the files': a council abolished or created since.
      from: facts.firstYear > facts.nationalFirstYear ? first : undefined,
      to: last < facts.nationalLastYear ? lastLabel : undefined,
      first,
      last: lastLabel,
      /** The first of the last eight years: a paper's table of years and its part year then fit the page. */
      recent: financialYearLabel(Math.max(facts.firstYear, last - 7)),
      lastEnd: last,
      note: spanNote(facts),
    },
    /** The first half of the year after the latest one DfE has published: the months a paper's own figures cover first. */
    since: { start: since.start, end: since.end, label: since.label, startShown: asTyped(since.start) },
    /** The last month of that year: a monthly series starts from DfE's count of children on a plan at its end. */
    march: {
      start: firstDayOf(march),
      end: lastDayOf(march),
      label: periodBetween(firstDayOf(march), lastDayOf(march)).label,
      day: formatDate(lastDayOf(march)),
      /** DfE's count of children on a plan at 31 March, or null when it is withheld or not published. */
      childrenOnPlans: count?.numerator ?? null,
      published: count?.numerator !== undefined,
    },
    // A placeholder after those months, for the officer to replace.
    meetingDate: `${last}-12-01`,
    paths,
    /** The built-in indicators the council has figures for that a template is written for, in the library's order. */
    indicators,
    /** One of them, for a sentence that needs an indicator to name the region by (undefined when there is none). */
    lead: indicators[0]?.id,
    /** The built-in indicators it has no figures for, by their short titles. */
    left: joinList(
      Object.keys(library)
        .filter((id) => !facts.available.includes(id))
        .map((id) => library[id]!.shortTitle),
    ),
    /** Whether it has figures for all five factors identified at the end of assessment. */
    factors: FACTORS.every((id) => facts.available.includes(id)),
    /** Whether the council has figures for each built-in indicator, by id. */
    available: Object.fromEntries(Object.keys(library).map((id) => [id, facts.available.includes(id)])),
  };
}

/**
 * DfE's files write some names back to front ("Bristol, City of"); prose needs them the right way
 * round, or "Bristol, City of's figure" would follow.
 */
export function readableName(dfeName: string): string {
  const match = /^(.+), ((?:City|County|Borough|Royal Borough) of)$/.exec(dfeName.trim());
  return match ? `${match[2]} ${match[1]}` : dfeName.trim();
}

/** "St. Helens" -> "st-helens": a file name safe anywhere, as the schema's slug asks. */
export function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'council'
  );
}

/** For a council abolished or created since the files start: the years the report can cover. */
export function spanNote(facts: CouncilFacts): string | undefined {
  const early = facts.firstYear > facts.nationalFirstYear;
  const late = facts.lastYear < facts.nationalLastYear;
  if (!early && !late) return undefined;
  const [first, last] = [financialYearLabel(facts.firstYear), financialYearLabel(facts.lastYear)];
  const years = early && late ? `from ${first} to ${last}` : early ? `from ${first}` : `up to ${last}`;
  return `DfE's files hold figures for ${readableName(facts.dfeName)} only ${years}, so the report covers those years.`;
}

/** "2025-04-01" as an officer types it into the workbook's date cells: 01/04/2025. */
function asTyped(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
