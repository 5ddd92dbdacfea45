/**
 * <slug>/charts/<id>.svg and .png: each chart on its own, with its title and source line, for slides.
 * The PNGs are drawn by the browser, all on one page, while it prints the PDF.
 */
import type { OutputFormat } from './types.js';

export const chartsOutput: OutputFormat = {
  wanted: (definition) => definition.output.charts,
  async render({ definition, charts, fontFaces }, { printer }) {
    const svgs: { name: string; svg: string }[] = [];
    for (const chart of charts.values()) {
      if (chart.standalone)
        svgs.push({ name: `${definition.report.slug}/charts/${chart.id}`, svg: await chart.standalone() });
    }
    const pngs = printer
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
