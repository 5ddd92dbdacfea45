/**
 * Vega-Lite spec -> accessible, deterministic SVG, rendered in Node with no browser. Vega's loader is
 * replaced by one that refuses every URL and file: chart data arrives inline only.
 */
import { MONTHS, SHORT_MONTHS } from '../dates.js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { measureText, type TextItem } from './text-metrics.js';

const refusingLoader = {
  ...vega.loader(),
  load: () => Promise.reject(new Error('Charts cannot load data from files or the network.')),
  sanitize: () => Promise.reject(new Error('Charts cannot load data from files or the network.')),
  http: () => Promise.reject(new Error('Charts cannot load data from the network.')),
  file: () => Promise.reject(new Error('Charts cannot load data from files.')),
};

export interface ChartText {
  /** A unique, stable prefix for the SVG's ids: the diagram id. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** Numbers and dates the British way in every chart: 1,885 and 31 Mar 2016, pounds for currency. */
const EN_GB_NUMBERS = { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] };
const EN_GB_TIME = {
  dateTime: '%a %e %b %Y %X',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['AM', 'PM'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  months: MONTHS,
  shortMonths: SHORT_MONTHS,
};

export async function renderSvg(spec: TopLevelSpec, text: ChartText): Promise<string> {
  useEmbeddedFontMetrics();
  vega.formatLocale(EN_GB_NUMBERS);
  vega.timeFormatLocale(EN_GB_TIME);
  const { shape, datasets } = withoutValues(spec);
  const view = new vega.View(runtimeOf(shape), {
    renderer: 'none',
    loader: refusingLoader as unknown as vega.Loader,
  });
  for (const [name, values] of datasets) view.data(name, values);
  try {
    return labelSvg(prefixIds(await view.toSVG(), text.id), text);
  } finally {
    view.finalize();
  }
}

/**
 * Vega measures text with a canvas; in Node it has none and guesses 0.8 x characters x font size,
 * which makes legends and labels far too wide or truncated. Give it the embedded font's widths.
 */
function useEmbeddedFontMetrics(): void {
  const metricsApi = (vega as unknown as { textMetrics: unknown }).textMetrics as {
    width: (item: TextItem, text?: unknown) => number;
    estimateWidth: (item: TextItem, text?: unknown) => number;
  };
  metricsApi.width = (item, text) => {
    const value = text ?? item.text;
    if (typeof value !== 'string' && typeof value !== 'number') return metricsApi.estimateWidth(item, text);
    return measureText(String(value), item.fontSize ?? 11, item.fontWeight);
  };
}

/**
 * Charts of the same shape compiled and parsed once. A batch draws the same six charts for each of 153
 * councils: only their data differs, and Vega takes data at run time. The shape is the spec with every
 * inline dataset replaced by a name; anything else that differs (a council's name in a label) is a
 * shape of its own.
 */
const runtimes = new Map<string, vega.Runtime>();
const KEPT_SHAPES = 64;

function runtimeOf(shape: TopLevelSpec): vega.Runtime {
  const key = JSON.stringify(shape);
  let runtime = runtimes.get(key);
  if (!runtime) {
    // Vega-Lite's warnings are about specs we write ourselves; tests cover those. Errors still throw.
    const { spec } = compile(shape, { logger: vega.logger(vega.Error) });
    runtime = vega.parse(spec);
    if (runtimes.size >= KEPT_SHAPES) runtimes.delete(runtimes.keys().next().value!);
    runtimes.set(key, runtime);
  }
  return runtime;
}

const DATASET = 'scrutiny_data_';

/** The spec with each `data: { values }` named instead, and the values by name. */
function withoutValues(spec: TopLevelSpec): { shape: TopLevelSpec; datasets: Map<string, unknown[]> } {
  const datasets = new Map<string, unknown[]>();
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (key === 'data' && isInline(value)) {
          const name = `${DATASET}${datasets.size}`;
          datasets.set(name, value.values);
          const { values: _values, ...rest } = value;
          return [key, { ...rest, name }];
        }
        return [key, strip(value)];
      }),
    );
  };
  return { shape: strip(spec) as TopLevelSpec, datasets };
}

function isInline(data: unknown): data is { values: unknown[] } & Record<string, unknown> {
  return typeof data === 'object' && data !== null && Array.isArray((data as { values?: unknown }).values);
}

/**
 * Vega numbers clip paths and gradients from counters shared by every chart in the process, so the
 * same chart gets different ids depending on what was drawn before. Renumber them per chart.
 */
export function prefixIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  const renamed = new Map(ids.map((id, i) => [id, `${prefix}-def${i + 1}`]));
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) =>
    renamed.has(id) ? `${lead}${renamed.get(id)}` : whole,
  );
}

/**
 * A role, title and description on the root <svg>, so the chart is one image with a text alternative.
 * Vega marks its groups as graphics objects and symbols for screen readers; inside one image those
 * would be unnamed parts, so those roles are removed.
 */
function labelSvg(svg: string, text: ChartText): string {
  const titleId = `${text.id}-title`;
  const descId = `${text.id}-desc`;
  return svg
    .replace(/ role="graphics-[a-z-]+"| aria-roledescription="[^"]*"/g, '')
    .replace(/^<svg\b/, `<svg role="img" aria-labelledby="${titleId} ${descId}"`)
    .replace(
      /^(<svg[^>]*>)/,
      `$1<title id="${titleId}">${escapeXml(text.title)}</title><desc id="${descId}">${escapeXml(text.description)}</desc>`,
    );
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
