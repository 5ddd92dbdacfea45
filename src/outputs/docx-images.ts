/**
 * The Word twin's pictures: each chart as the PNG the browser drew at twice its size, and the council's
 * logo (png or jpeg as it is; svg drawn to PNG by the browser), each sized as the PDF shows it.
 */
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { PNG_SIGNATURE, startsWith } from '../document/logo.js';
import type { Printer } from '../pdf/print.js';
import type { Pictures } from './docx-package.js';

/** Word's image sizes are in CSS pixels, 96 to the inch; its page sizes in twips, 1440. */
const TWIPS_PER_PX = 15;
const PX_PER_MM = 96 / 25.4;

interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * A picture's alt text, with its number in the document: the docx package would otherwise number
 * pictures across every document the process writes, and a batch's reports would differ run to run.
 */
export interface Alt {
  readonly id: number;
  readonly title: string;
  readonly description: string;
}

/** A chart drawn at twice its size: shown at its own size, or narrower to fit the text width (twips). */
export function chartParagraph(png: Uint8Array, width: number, alt: Alt, pictures: Pictures): Paragraph {
  const size = pngSize(png);
  const scale = Math.min(0.5, width / TWIPS_PER_PX / size.width);
  return new Paragraph({
    keepNext: true,
    spacing: { before: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: pictures.placeholder(png),
        transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        altText: { id: String(alt.id), name: alt.title, title: alt.title, description: alt.description },
      }),
    ],
  });
}

/** The logo at the right, at most 18 mm high and 45 mm wide as print.css has it; none if it cannot be read. */
export async function logoParagraph(
  dataUrl: string,
  alt: Alt,
  printer: Promise<Printer> | undefined,
  pictures: Pictures,
): Promise<Paragraph | undefined> {
  const match = /^data:image\/(png|jpeg|svg\+xml);base64,(.*)$/s.exec(dataUrl);
  if (!match) return undefined;
  let data: Uint8Array = Buffer.from(match[2]!, 'base64');
  let type: 'png' | 'jpg' = match[1] === 'jpeg' ? 'jpg' : 'png';
  if (match[1] === 'svg+xml') {
    if (!printer) return undefined;
    const [png] = await (await printer).rasterize([Buffer.from(data).toString('utf8')], '');
    if (!png) return undefined;
    [data, type] = [png, 'png'];
  }
  // The logo was refused at its line if it is not the image its name says; one cut short is left out here.
  let size: Size | undefined;
  try {
    size = type === 'jpg' ? jpegSize(data) : pngSize(data);
  } catch {
    return undefined;
  }
  if (!size || size.width === 0 || size.height === 0) return undefined;
  const scale = Math.min((18 * PX_PER_MM) / size.height, (45 * PX_PER_MM) / size.width);
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [
      new ImageRun({
        type,
        data: pictures.placeholder(data),
        transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        altText: { id: String(alt.id), name: alt.title, title: alt.title, description: alt.description },
      }),
    ],
  });
}

/** A PNG's width and height, from its header. */
function pngSize(png: Uint8Array): Size {
  if (png.length < 24 || !startsWith(png, PNG_SIGNATURE)) throw new Error('not a PNG image');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A JPEG's width and height, from its first start-of-frame marker. */
function jpegSize(jpeg: Uint8Array): Size | undefined {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  for (let at = 2; at + 9 < jpeg.length;) {
    if (jpeg[at] !== 0xff) return undefined;
    const marker = jpeg[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}
