/**
 * Characters no document can show: control characters (but tab and line breaks), U+FFFE and U+FFFF,
 * and halves of a surrogate pair. A PDF or web page shows nothing or a box for them, and a Word
 * document that holds one does not open.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const UNSHOWABLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

/** The first such character's code, if the text holds one. */
export function firstUnshowable(text: string): number | undefined {
  return UNSHOWABLE.exec(text)?.[0].charCodeAt(0);
}

/** The text without them, for a format that cannot hold them at all. */
export function showable(text: string): string {
  return text.replace(new RegExp(UNSHOWABLE.source, 'g'), '');
}
