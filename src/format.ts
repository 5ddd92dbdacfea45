/**
 * Numbers and lists the British way: 1,885 and 17.2, 21st, "26 children", "a, b and c". Every stage
 * that writes a number or a list in words asks this module, so a table, a chart and a sentence agree.
 */
const formats = new Map<number, Intl.NumberFormat>();

/** 1885 -> "1,885"; 17.2 at 1 place -> "17.2"; 145 at 1 place -> "145.0". */
export function formatNumber(value: number, decimals = 0): string {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, format);
  }
  return format.format(value);
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${formatNumber(n)}${suffix}`;
}

/** "26 children", "1 case". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** ["a", "b", "c"] -> "a, b and c". */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "Walsall's", "St Helens'", "Barnsley's": a name ending in s takes the apostrophe alone. */
export function possessive(name: string): string {
  return /s$/i.test(name.trim()) ? `${name.trim()}'` : `${name.trim()}'s`;
}

/** "paragraph 1.4" -> "Paragraph 1.4", at the start of a sentence or a heading. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Children who become subject to a CPP" -> "children-who-become-subject-to-a-cpp", at most 8 words. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, 8).join('-') || 'report';
}

/** DfE's "Bristol, City of" -> "City of Bristol": a council's name as a title or sentence gives it. */
export function councilName(dfeName: string): string {
  const inverted = /^(.+), ((?:City|County|Borough) of)$/.exec(dfeName.trim());
  return inverted ? `${inverted[2]} ${inverted[1]}` : dfeName.trim();
}
