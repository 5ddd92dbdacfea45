/**
 * <slug>.changes.html: what a rebuild changed, for a clerk who does not know the tool. Each changed
 * figure with where it comes from, each changed paragraph with the words taken out and put in, the
 * diagrams whose data changed and the files that differ. The page is the tool's template
 * (templates/changes.hbs), filled with escaped text only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import Handlebars from 'handlebars';
import { formatDate } from '../dates.js';
import { capitalised } from '../format.js';
import { CONTENT_POLICY } from '../document/html-policy.js';
import { BUILT_IN_TEMPLATES } from '../version.js';
import { summaryOf, type Changes } from './compare.js';

export interface ChangesPage {
  readonly title: string;
  /** "Compared with the build of 11 October 2016 ...": which two builds these are. */
  readonly comparedWith: string;
  /** None when there was no earlier build to compare with: the page then says only that. */
  readonly changes?: Changes;
  /** The revision note drafted from these changes, when the definition asks for one and has no text. */
  readonly revision?: string;
}

let compiled: HandlebarsTemplateDelegate | undefined;

const NOTHING: Changes = { figures: [], paragraphs: [], charts: [], inputs: [], pages: {} };

export function changesPage(page: ChangesPage): string {
  compiled ??= Handlebars.create().compile(readFileSync(join(BUILT_IN_TEMPLATES, 'changes.hbs'), 'utf8'), {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: { if: true, each: true },
  });
  const changes = page.changes ?? NOTHING;
  return compiled({
    compared: page.changes !== undefined,
    policy: CONTENT_POLICY,
    title: page.title,
    comparedWith: page.comparedWith,
    summary: summaryOf(changes),
    revision: page.revision ?? null,
    figures: changes.figures.map((change) => ({
      indicator: (change.new ?? change.old)!.indicator,
      area: (change.new ?? change.old)!.area,
      period: (change.new ?? change.old)!.period,
      before: change.old?.value ?? '(not in the earlier build)',
      now: change.new?.value ?? '(no longer in the report)',
      source: (change.new ?? change.old)!.source ?? '',
    })),
    paragraphs: changes.paragraphs.map((change) => {
      const words = wordDiff(change.old?.text ?? '', change.new?.text ?? '');
      const piece = (part: (typeof words)[number]) => ({ text: part.text, added: part.added, removed: part.removed });
      return {
        place: capitalised(placeOf(change)),
        before: change.old ? words.filter((part) => !part.added).map(piece) : null,
        now: change.new ? words.filter((part) => !part.removed).map(piece) : null,
      };
    }),
    charts: changes.charts.map((change) => ({
      title: (change.new ?? change.old)!.title,
      what: !change.old ? 'new in this build' : !change.new ? 'no longer in the report' : 'its figures changed',
    })),
    inputs: changes.inputs.map((change) => ({
      file: (change.new ?? change.old)!.file,
      what: !change.old
        ? 'read for the first time'
        : !change.new
          ? 'no longer read'
          : `changed${asAtChange(change.old.asAt, change.new.asAt)}`,
    })),
  });
}

/** "paragraph 1.4", or "paragraph 1.5 (was paragraph 1.4)" when a paragraph before it came or went. */
function placeOf(change: Changes['paragraphs'][number]): string {
  return change.new && change.old && change.new.place !== change.old.place
    ? `${change.new.place} (was ${change.old.place})`
    : (change.new ?? change.old)!.place;
}

/**
 * The words taken out and put in, a word being everything between spaces: "8.5%" is one word, so a
 * changed figure is marked whole rather than digit by digit.
 */
function wordDiff(before: string, after: string): { text: string; added: boolean; removed: boolean }[] {
  const words = (text: string) => text.match(/\s+|\S+/g) ?? [];
  return diffArrays(words(before), words(after)).map((part) => ({
    text: part.value.join(''),
    added: part.added,
    removed: part.removed,
  }));
}

function asAtChange(before: string | undefined, after: string | undefined): string {
  if (before === after) return '';
  const day = (date: string | undefined) => (date ? formatDate(date) : 'no date');
  return ` (as at ${day(before)} before, ${day(after)} now)`;
}
