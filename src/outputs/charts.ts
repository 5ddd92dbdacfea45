/**
 * <slug>/charts/<id>.svg (and .png, with `charts: png`): each chart on its own, with its title and
 * source line, for slides. PNGs cost the browser a page on every build (one that has printed, or a new
 * one while the PDF prints), so they are made only on request, all on one page.
 */
import type { OutputFormat } from './types.js';

export const chartsOutput: OutputFormat = {
  wanted: (definition) => definition.output.charts !== false,
  async render({ definition, charts, fontFaces }, { printer }) {
    const svgs: { name: string; svg: string }[] = [];
    for (const chart of charts.values()) {
      if (chart.standalone)
        svgs.push({ name: `${definition.report.slug}/charts/${chart.id}`, svg: await chart.standalone() });
    }
    const pngs =
      printer && definition.output.charts === 'png'
        ? await (
            await printer
          ).rasterize(
            svgs.map((chart) => chart.svg),
            fontFaces,
          )
        : [];
    return svgs.flatMap(({ name, svg }, i) => [
      { name: `${name}.svg`, content: svg },
      ...(pngs[i] ? [{ name: `${name}.png`, content: pngs[i] }] : []),
    ]);
  },
};
