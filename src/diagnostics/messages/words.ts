/** The small pieces every message is made of: a place, a size, a first line, a sentence's end. */
import { describePlace, type Place } from '../place.js';

export const at = (place: Place) => describePlace(place);

/** "report.config.yaml, line 9, column 9: the logo "x.png"" at a place in the YAML, or "x.png: the logo" without one. */
export const subject = (place: Place | undefined, what: string, path: string) =>
  place ? `${at(place)}: the ${what} "${path}"` : `${path}: the ${what}`;

/** A place within its file, for a sentence that has named the file already: "line 7", "sheet 'CPP', cell C7". */
export const inSameFile = (place: Place) => describePlace(place).slice(place.file.length + 2);
export const withCommas = (n: number) => n.toLocaleString('en-GB');

/** "6 KB", "2.0 MB", "150 MB": a size as people read it. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.ceil(bytes / 1024)} KB`;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/[.:]\s*$/, '');
}

/** A full stop, unless the text already ends a sentence ("did you mean "bar"?"). */
export function sentenceEnd(text: string): string {
  return /[.?!]["']?$/.test(text) ? text : `${text}.`;
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
