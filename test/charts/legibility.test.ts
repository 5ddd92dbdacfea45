/**
 * Every chart preset, embedded and standalone, laid out by headless Chromium with the report's own
 * fonts: no text is cut short with "…", no two pieces of text sit on top of each other, and nothing is
 * drawn outside the SVG's own box (where it would be clipped).
 *
 * A text's box is its getBBox() taken to screen coordinates (its four corners through getScreenCTM(),
 * so rotated labels keep their true shape; for unrotated text this is its getBoundingClientRect()).
 * Only text that is drawn counts for overlap and clipping: Vega hides an axis label that would collide
 * with its neighbour by giving it opacity 0.
 * Two boxes overlap when they overlap by more than 1px along every separating axis: for two upright
 * boxes, by more than 1px both across and down.
 */
import { launch, type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontFaceCss } from '../../src/fonts.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { drawEveryPreset, drawLongTrend, type DrawnChart } from '../support/chart-fixtures.js';

interface Point {
  readonly x: number;
  readonly y: number;
}

interface TextBox {
  readonly index: number;
  readonly text: string;
  /** Drawn at all: Vega hides labels that would collide by giving them opacity 0. */
  readonly visible: boolean;
  /** For a label of an x axis: the screen y of that axis's line. */
  readonly xAxisLine: number | null;
  /** getBBox() corners in screen coordinates, in order round the box. */
  readonly quad: readonly [Point, Point, Point, Point];
  readonly rect: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
}

interface Layout {
  readonly svg: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly texts: readonly TextBox[];
  readonly fontLoaded: boolean;
}

/** Runs in the page; a string, so that no transpiler helper leaks into it. */
const MEASURE = `(() => {
  const svg = document.querySelector('svg');
  const r = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].map((el, index) => {
    const box = el.getBBox();
    const ctm = el.getScreenCTM();
    const corner = (x, y) => { const p = new DOMPoint(x, y).matrixTransform(ctm); return { x: p.x, y: p.y }; };
    const rect = el.getBoundingClientRect();
    let opacity = 1;
    for (let node = el; node && node !== svg.parentElement; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    const style = getComputedStyle(el);
    const visible = opacity > 0 && style.visibility !== 'hidden' && style.display !== 'none' && style.fill !== 'none' && Number(style.fillOpacity) > 0;
    // An axis label, with the screen y of its axis line when that axis runs across (an x axis).
    const axis = el.closest('.role-axis-label') ? el.closest('.role-axis') : null;
    const domain = axis ? axis.querySelector('.role-axis-domain line') : null;
    const line = domain ? domain.getBoundingClientRect() : null;
    const xAxisLine = line && line.width > line.height ? line.top + line.height / 2 : null;
    return {
      index,
      visible,
      xAxisLine,
      text: el.textContent ?? '',
      quad: [corner(box.x, box.y), corner(box.x + box.width, box.y), corner(box.x + box.width, box.y + box.height), corner(box.x, box.y + box.height)],
      rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
    };
  });
  const fontLoaded = [...document.fonts].some((face) => face.family.replace(/["']/g, '') === 'Source Sans 3' && face.status === 'loaded');
  return { svg: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, texts, fontLoaded };
})()`;

/** Unit normals of two adjacent edges: the separating axes a box can have. */
function axesOf(quad: TextBox['quad']): Point[] {
  return [
    [quad[0], quad[1]],
    [quad[1], quad[2]],
  ].map(([a, b]) => {
    const dx = b!.x - a!.x;
    const dy = b!.y - a!.y;
    const length = Math.hypot(dx, dy) || 1;
    return { x: -dy / length, y: dx / length };
  });
}

/** How far two boxes overlap along the axis where they overlap least (negative: a gap). */
function overlapOf(a: TextBox, b: TextBox): number {
  let least = Infinity;
  for (const axis of [...axesOf(a.quad), ...axesOf(b.quad)]) {
    const project = (quad: TextBox['quad']) => quad.map((p) => p.x * axis.x + p.y * axis.y);
    const pa = project(a.quad);
    const pb = project(b.quad);
    least = Math.min(least, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
  }
  return least;
}

/** A text a reader sees: drawn, with a box. */
const seen = (box: TextBox) => box.visible && box.rect.right - box.rect.left > 0 && box.rect.bottom - box.rect.top > 0;
const describeBox = (box: TextBox) =>
  `#${box.index} ${JSON.stringify(box.text)} [${box.rect.left.toFixed(1)}, ${box.rect.top.toFixed(1)} .. ${box.rect.right.toFixed(1)}, ${box.rect.bottom.toFixed(1)}]`;

// ---------------------------------------------------------------------------------------------------

// Every preset, and a trend over all 13 years in the files, whose year labels have to turn.
const charts: Record<string, DrawnChart> = {
  ...(await drawEveryPreset()),
  'trend over 13 years': await drawLongTrend(),
};
const CASES = Object.keys(charts).flatMap((preset) =>
  (['embedded', 'standalone'] as const).map((form) => ({ preset, form, name: `${preset}, ${form}` })),
);

let browser: Browser | undefined;
const layouts = new Map<string, Layout>();

beforeAll(async () => {
  const executablePath = findBrowser({ env: process.env, platform: process.platform });
  browser = await launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--headless=new'] });
  const css = await fontFaceCss();
  const page: Page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  for (const { preset, form, name } of CASES) {
    const { rendered } = charts[preset]!;
    const svg = form === 'embedded' ? rendered.svg! : rendered.standalone!;
    await page.setContent(
      `<!DOCTYPE html><html><head><style>${css} body { margin: 0; padding: 20px; background: #fff; }</style></head><body>${svg}</body></html>`,
      { waitUntil: 'load' },
    );
    await page.evaluate(
      `Promise.all([document.fonts.load("13px 'Source Sans 3'"), document.fonts.load("bold 13px 'Source Sans 3'")])`,
    );
    await page.evaluate('document.fonts.ready.then(() => true)');
    layouts.set(name, (await page.evaluate(MEASURE)) as Layout);
  }
  await page.close();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(CASES)('the $name chart in Chromium', ({ name, preset, form }) => {
  const layout = () => layouts.get(name)!;

  it('is laid out in the report font, and has text to read', () => {
    expect(layout().fontLoaded).toBe(true);
    expect(layout().texts.filter(seen).length).toBeGreaterThan(3);
  });

  it('cuts no text short with an ellipsis (hidden labels included)', () => {
    const cut = layout()
      .texts.filter((box) => box.text.includes('…'))
      .map(describeBox);
    expect(cut).toEqual([]);
  });

  it('has no two pieces of text on top of each other (more than 1px both ways)', () => {
    const texts = layout().texts.filter(seen);
    const clashes: string[] = [];
    for (const [i, a] of texts.entries()) {
      for (const b of texts.slice(i + 1)) {
        const overlap = overlapOf(a, b);
        if (overlap > 1) clashes.push(`${describeBox(a)} overlaps ${describeBox(b)} by ${overlap.toFixed(1)}px`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("draws every text inside the SVG's own box (nothing clipped)", () => {
    const { svg, texts } = layout();
    const TOLERANCE = 0.5;
    const outside = texts
      .filter(seen)
      .filter((box) =>
        box.quad.some(
          (p) =>
            p.x < svg.left - TOLERANCE ||
            p.x > svg.right + TOLERANCE ||
            p.y < svg.top - TOLERANCE ||
            p.y > svg.bottom + TOLERANCE,
        ),
      );
    expect(outside.map(describeBox), `svg box [${svg.left}, ${svg.top} .. ${svg.right}, ${svg.bottom}]`).toEqual([]);
  });

  it('hangs every x-axis label below its axis line, clear of the plot', () => {
    if (preset !== 'benchmark')
      expect(
        layout().texts.some((box) => box.xAxisLine !== null),
        'x-axis labels found',
      ).toBe(true);
    const crossing = layout()
      .texts.filter(seen)
      .filter((box) => box.xAxisLine !== null && Math.min(...box.quad.map((p) => p.y)) < box.xAxisLine - 1)
      .map(
        (box) =>
          `${describeBox(box)} rises ${(box.xAxisLine! - Math.min(...box.quad.map((p) => p.y))).toFixed(1)}px above its axis line`,
      );
    expect(crossing).toEqual([]);
  });

  if (form === 'standalone') {
    it('ends with its source line: no text below "Source: ..."', () => {
      const texts = layout().texts.filter(seen);
      const source = texts.find((box) => box.text === charts[preset]!.rendered.source);
      expect(source, 'the source line is drawn').toBeDefined();
      const top = Math.min(...source!.quad.map((p) => p.y));
      const below = texts
        .filter((box) => box !== source && Math.max(...box.quad.map((p) => p.y)) > top + 1)
        .map(describeBox);
      expect(below).toEqual([]);
    });
  }

  it("measures each text's box alike by getBBox() through getScreenCTM() and by getBoundingClientRect()", () => {
    for (const box of layout().texts.filter(seen)) {
      const xs = box.quad.map((p) => p.x);
      const ys = box.quad.map((p) => p.y);
      // The quad's own bounding box is the element's client rect (for rotated text too).
      expect(Math.min(...xs)).toBeCloseTo(box.rect.left, 0);
      expect(Math.max(...xs)).toBeCloseTo(box.rect.right, 0);
      expect(Math.min(...ys)).toBeCloseTo(box.rect.top, 0);
      expect(Math.max(...ys)).toBeCloseTo(box.rect.bottom, 0);
    }
  });
});
