/** The council's logo: read into the document as a data: URL, and described the same way everywhere. */
import * as message from '../diagnostics/messages.js';
import type { Place } from '../diagnostics/place.js';
import { ReportError } from '../diagnostics/report-error.js';

/** What a screen reader and Word say of the council's logo. */
export const logoAlt = (council: string): string => `${council} logo`;

/**
 * A logo file as a data: URL, so the document loads nothing. Its bytes must be the image its name says:
 * a browser leaves out an image it cannot read without a word, and the PDF would be printed without it.
 */
export function logoDataUrl(
  logo: { readonly path: string; readonly at: Place },
  shown: string,
  content: Uint8Array,
): string {
  const kind = /\.svg$/i.test(logo.path) ? 'svg' : /\.jpe?g$/i.test(logo.path) ? 'jpeg' : 'png';
  if (!LOGO_KINDS[kind].test(content))
    throw new ReportError(message.logoNotItsKind(logo.at, shown, kind.toUpperCase()));
  return `data:${LOGO_KINDS[kind].type};base64,${Buffer.from(content).toString('base64')}`;
}

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const startsWith = (content: Uint8Array, bytes: readonly number[]): boolean =>
  bytes.every((byte, i) => content[i] === byte);

const LOGO_KINDS = {
  png: { type: 'image/png', test: (c: Uint8Array) => startsWith(c, PNG_SIGNATURE) },
  jpeg: { type: 'image/jpeg', test: (c: Uint8Array) => startsWith(c, [0xff, 0xd8, 0xff]) },
  // An <svg> element first, after any BOM, XML declaration, comments and doctype.
  svg: {
    type: 'image/svg+xml',
    test: (c: Uint8Array) =>
      /^\uFEFF?\s*(<\?xml[\s\S]*?\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(
        new TextDecoder().decode(c.subarray(0, 4096)),
      ),
  },
} as const;
