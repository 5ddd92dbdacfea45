/**
 * Period labels ("2016-17", "April to July 2016") kept on one line: a browser may break a line after
 * the hyphen of "2016-17", and a reader then meets "2016-" and "17" apart. Each label in the text of a
 * section is wrapped in <span class="period">, which base.css keeps whole (white-space: nowrap). The
 * characters are left alone, so the PDF's text and the HTML twin still read "2016-17" with an ordinary
 * hyphen. Charts are left alone too: SVG text never wraps, and an HTML span there would not belong.
 */
import { MONTHS } from '../dates.js';

const MONTH = `(?:${MONTHS.join('|')})`;

/** "April 2016 to March 2017", "April to July 2016", "March 2016" (not "11 March 2016", a date) and "2016-17". */
const PERIOD = new RegExp(
  `(?<!\\d )\\b${MONTH}(?: \\d{4})? to ${MONTH} \\d{4}\\b|(?<!\\d )\\b${MONTH} \\d{4}\\b|(?<![\\d-])\\d{4}-\\d{2}(?![\\d-])`,
  'g',
);

/** Elements whose content is not prose: drawn text, styles and scripts. */
const LEFT_ALONE = new Set(['svg', 'style', 'script', 'title', 'textarea']);

export function keepPeriodsWhole(html: string): string {
  let skipped: string | undefined;
  let depth = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((piece) => {
      const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(piece);
      if (tag) {
        const name = tag[2]!.toLowerCase();
        const closing = tag[1] === '/';
        if (!closing && !piece.endsWith('/>') && (skipped === undefined ? LEFT_ALONE.has(name) : name === skipped)) {
          skipped = name;
          depth += 1;
        } else if (closing && name === skipped && --depth === 0) skipped = undefined;
        return piece;
      }
      if (piece.startsWith('<') || skipped !== undefined) return piece;
      return piece.replace(PERIOD, '<span class="period">$&</span>');
    })
    .join('');
}
