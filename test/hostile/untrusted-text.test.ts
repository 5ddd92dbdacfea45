/**
 * Untrusted text: templates that reach for what every object inherits, charts that would link or
 * load, layouts that would run, load or redirect, prose with markup in it (shown, never obeyed), and
 * names in the data that Excel would take for formulas.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SLUG,
  editText,
  expectNothingLeftOver,
  expectOutputUnchanged,
  expectRefused,
  fixture,
  placeOf,
  re,
  refuse,
  run,
  yamlPlace,
  useGoodOutput,
} from './support.js';

const CONFIG = 'report.config.yaml';
const AUDIT = 'templates/walsall/audit.hbs';
const LAYOUT = 'templates/layout.hbs';
const good = useGoodOutput('report');

/** A fixture with `text` added at the end of a template; returns it with the line and column where `text` stands. */
function withTemplateLine(file: string, text: string) {
  const fx = fixture(good.folder, 'report', (dir) => editText(dir, file, (hbs) => `${hbs}${text}\n`));
  return { fx, at: placeOf(join(fx.dir, file), text) };
}

describe('templates reaching for what objects inherit', () => {
  it('{{value "__proto__" "latest"}} is no indicator, named at its line', async () => {
    const { fx, at } = withTemplateLine(AUDIT, '<p>{{value "__proto__" "latest"}}</p>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(AUDIT)}, line ${at.line}: the template cannot be used: there is no indicator "__proto__"; the report defines "repeat_plans"\\.$`,
      ),
    ]);
  });

  it('{{value "constructor" "latest"}} is no indicator, named at its line', async () => {
    const { fx, at } = withTemplateLine(AUDIT, '<p>{{value "constructor" "latest"}}</p>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(AUDIT)}, line ${at.line}: the template cannot be used: there is no indicator "constructor"; the report defines "repeat_plans"\\.$`,
      ),
    ]);
  });

  it("{{report.toString}} is not a field: refused at its line and column, with no warning of Handlebars' own", async () => {
    const { fx, at } = withTemplateLine(AUDIT, '<p>{{report.toString}}</p>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(AUDIT)}: the template cannot be used: line ${at.line}, column ${at.column + 5}: "toString" is not defined\\.$`,
      ),
    ]);
  });

  it('{{lookup report "constructor"}} in the layout is refused at its line and column', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, LAYOUT, (hbs) =>
        hbs.replace('<main>', '<main>{{#with (lookup report "constructor")}}{{name}}{{/with}}'),
      ),
    );
    const at = placeOf(join(fx.dir, LAYOUT), '(lookup report');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}: the template cannot be used: line ${at.line}, column ${at.column}: "constructor" is not defined\\.$`,
      ),
    ]);
  });

  it('{{report.title.length}} (a field of text) is refused at its line and column', async () => {
    const { fx, at } = withTemplateLine(AUDIT, '<p>{{report.title.length}}</p>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(AUDIT)}: the template cannot be used: line ${at.line}, column ${at.column + 5}: "length" is not defined\\.$`,
      ),
    ]);
  });
  it('{{indicators.repeat_plans.title}} (a field of nothing) names the missing field, not a JavaScript error', async () => {
    const { fx, at } = withTemplateLine(AUDIT, '<p>{{indicators.repeat_plans.title}}</p>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(AUDIT)}: the template cannot be used: line ${at.line}, column ${at.column + 5}: "indicators" is not defined\\.$`,
      ),
    ]);
  });
});

/** A diagram of the report's own in Vega-Lite, placed first in the definition's diagrams. */
function withChart(edit: (chart: string) => string) {
  const chart = [
    '  - id: custom-bars',
    '    title: Repeat plans by year (%)',
    '    indicator: repeat_plans',
    '    chart:',
    '      vegaLite:',
    '        data: { name: repeat_plans }',
    '        mark: bar',
    '        encoding:',
    '          x: { field: period, type: ordinal }',
    '          y: { field: value, type: quantitative }',
    '',
  ].join('\n');
  return fixture(good.folder, 'report', (dir) =>
    editText(dir, CONFIG, (yaml) => yaml.replace('diagrams:\n', `diagrams:\n${edit(chart)}`)),
  );
}

describe('Vega-Lite charts that would link or load', () => {
  it('a mark with href: "javascript:alert(1)" is refused where it stands', async () => {
    const fx = withChart((chart) => chart.replace('mark: bar', 'mark: { type: bar, href: "javascript:alert(1)" }'));
    const at = placeOf(join(fx.dir, CONFIG), '"javascript:alert(1)"');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line, at.column)}the Vega-Lite chart is not valid: a chart may not link anywhere \\(href\\)\\.$`,
      ),
    ]);
  });

  it('an href encoding is refused where it stands', async () => {
    const fx = withChart((chart) => `${chart}          href: { value: "javascript:alert(1)" }\n`);
    const at = placeOf(join(fx.dir, CONFIG), '{ value: "javascript:alert(1)" }');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line, at.column)}the Vega-Lite chart is not valid: a chart may not link anywhere \\(href\\)\\.$`,
      ),
    ]);
  });

  it('data from a data: URL is refused where it stands', async () => {
    const fx = withChart((chart) =>
      chart.replace('{ name: repeat_plans }', '{ url: "data:text/csv;base64,cGVyaW9kLHZhbHVlCjIwMTUtMTYsOTkK" }'),
    );
    const at = placeOf(join(fx.dir, CONFIG), '"data:text/csv');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line, at.column)}the Vega-Lite chart is not valid: a chart takes its data from indicators only \\(\\{ "name": "<indicator id>" \\}\\), never from a URL\\.$`,
      ),
    ]);
  });
});

/** A fixture whose layout has `from` replaced by `to`; returns it with the line `to` stands on. */
function withLayout(from: string, to: string) {
  const fx = fixture(good.folder, 'report', (dir) => editText(dir, LAYOUT, (hbs) => hbs.replace(from, to)));
  return { fx, line: placeOf(join(fx.dir, LAYOUT), to).line };
}

const REFUSED =
  'a report must stand alone and send its readers nowhere, so scripts, frames, links to stylesheets, files from elsewhere and redirects are refused\\.$';

describe('layouts that would run, load or redirect', () => {
  it('a Handlebars block closed by the wrong name is named at the block', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, LAYOUT, (hbs) => hbs.replace('{{/each}}\n</main>', '{{/eachh}}\n</main>')),
    );
    const at = placeOf(join(fx.dir, LAYOUT), 'each sections}}');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}: the template cannot be used: line ${at.line}, column ${at.column}: each doesn't match eachh\\.$`,
      ),
    ]);
  });

  it('a Handlebars tag never closed is named with its line', async () => {
    const { fx, line } = withLayout('<main>', '<main>{{#each sections');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`^${re(LAYOUT)}: the template cannot be used: Parse error on line ${line}\\.$`),
    ]);
  });

  it('<script> is refused at its line', async () => {
    const { fx, line } = withLayout('<main>', '<main><script>alert(1)</script>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`^${re(LAYOUT)}, line ${line}: the report may not hold a <script> element \\(<script>\\); ${REFUSED}`),
    ]);
  });

  it('<iframe> is refused at its line', async () => {
    const { fx, line } = withLayout('<main>', '<main><iframe src="https://example.org/"></iframe>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}, line ${line}: the report may not hold an <iframe> element \\(<iframe src="https://example\\.org/">\\); ${REFUSED}`,
      ),
    ]);
  });

  it('<link rel=preconnect> is refused at its line', async () => {
    const { fx, line } = withLayout('</head>', '<link rel="preconnect" href="https://example.org">\n</head>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}, line ${line}: the report may not hold a <link> element \\(<link rel="preconnect" href="https://example\\.org">\\); ${REFUSED}`,
      ),
    ]);
  });

  it('<meta http-equiv=refresh> is refused at its line', async () => {
    const { fx, line } = withLayout(
      '</head>',
      '<meta http-equiv="refresh" content="0;url=https://example.org">\n</head>',
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}, line ${line}: the report may not hold a meta refresh, which sends the reader elsewhere \\(<meta http-equiv="refresh"`,
      ),
    ]);
  });

  it('a meta refresh spelt with a character reference (r&#101;fresh) is refused too', async () => {
    const { fx, line } = withLayout(
      '</head>',
      '<meta http-equiv="r&#101;fresh" content="0;url=https://example.org">\n</head>',
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}, line ${line}: the report may not hold a meta refresh, which sends the reader elsewhere \\(<meta http-equiv="r&#101;fresh"`,
      ),
    ]);
  });

  it('an onload= attribute is refused at its line', async () => {
    const { fx, line } = withLayout('<body>', '<body onload="alert(1)">');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}, line ${line}: the report may not hold an event handler \\(onload\\) \\(<body onload="alert\\(1\\)">\\); ${REFUSED}`,
      ),
    ]);
  });

  it('a javascript: href is refused at its line', async () => {
    const { fx, line } = withLayout('<main>', '<main><a href="javascript:alert(1)">Read more</a>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}, line ${line}: the report may not hold a href to a script \\(javascript:alert\\(1\\)\\) \\(<a href="javascript:alert\\(1\\)">\\); ${REFUSED}`,
      ),
    ]);
  });

  it('a javascript: href hidden by a tab (jav&#x09;ascript:) is refused, the sentence holding no tab', async () => {
    const { fx, line } = withLayout('<main>', '<main><a href="jav&#x09;ascript:alert(1)">Read more</a>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}, line ${line}: the report may not hold a href to a script \\(javascript:alert\\(1\\)\\) \\(<a href="jav&#x09;ascript:alert\\(1\\)">\\)`,
      ),
    ]);
    expect(result.stderr).not.toContain('\t');
  });

  it('<noscript><iframe></noscript> is refused (printing runs no script, so it would be markup)', async () => {
    const { fx, line } = withLayout(
      '<main>',
      '<main><noscript><iframe src="https://example.org/"></iframe></noscript>',
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(LAYOUT)}, line ${line}: the report may not hold an <iframe> element \\(<iframe src="https://example\\.org/">\\); ${REFUSED}`,
      ),
    ]);
  });
});

describe('sections and partials that would run', () => {
  it('a <script> in a section template is refused, naming that template and line', async () => {
    const { fx, at } = withTemplateLine(AUDIT, '<p>Audit <script>alert(1)</script></p>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^${re(AUDIT)}, line ${at.line}: the report may not hold a <script> element \\(<script>\\); ${REFUSED}`,
      ),
    ]);
  });

  it('a <script> inside an <svg> in a section template is refused', async () => {
    const { fx, at } = withTemplateLine(AUDIT, '<p><svg><script>alert(1)</script></svg></p>');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`^${re(AUDIT)}, line ${at.line}: the report may not hold a <script> element`),
    ]);
  });

  it('a picture, a style or an SVG image from outside the report is refused at its line, not left missing', async () => {
    for (const markup of [
      '<p><img src="https://example.org/track.png" alt=""></p>',
      '<p><img src="logo.png" alt="Our logo"></p>',
      '<p><img src="data:image/png;base64,AAAA" srcset="https://example.org/big.png 2x" alt=""></p>',
      '<p style="background: url( \'https://example.org/p.png\')">Figures</p>',
      '<style>@import "https://example.org/more.css";</style>',
      '<svg><image href="https://example.org/p.png"/></svg>',
    ]) {
      const { fx, at } = withTemplateLine(AUDIT, markup);
      const result = await refuse(fx, ['build']);
      expectRefused(fx, result, [
        new RegExp(`^${re(AUDIT)}, line ${at.line}: the report may not hold a (file|style that) load`),
      ]);
    }
  });

  it('a picture the report carries (a data: URL) or a link to a page elsewhere builds', async () => {
    const markup =
      '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt=""> <a href="https://explore-education-statistics.service.gov.uk/">DfE</a></p>';
    const fx = fixture(good.folder, 'report', (dir) => editText(dir, AUDIT, (hbs) => `${hbs}${markup}\n`));
    const result = await run(fx, ['build']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('an onerror= in a partial drawn three times is one sentence, naming the partial and line', async () => {
    const { fx, at } = withTemplateLine('templates/partials/diagram.hbs', '<p><img src=x onerror=alert(1)></p>');
    const result = await refuse(fx, ['build']);
    const lines = expectRefused(fx, result, [
      new RegExp(
        `^templates/partials/diagram\\.hbs, line ${at.line}: the report may not hold an event handler \\(onerror\\) \\(<img src=x onerror=alert\\(1\\)>\\); ${REFUSED}`,
      ),
    ]);
    expect(lines).toHaveLength(1);
  });

  it("a section's inline text with <script> builds, the markup shown as written, never obeyed", async () => {
    const text = 'Not directly relevant <script>alert(1)</script> to this report & <b>its</b> figures.';
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => yaml.replace('text: Not directly relevant to this report.', `text: ${text}`)),
    );
    const result = await run(fx, ['build', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const html = readFileSync(join(fx.out, `${SLUG}.html`), 'utf8');
    expect(html).toContain(
      'Not directly relevant &lt;script&gt;alert(1)&lt;/script&gt; to this report &amp; &lt;b&gt;its&lt;/b&gt; figures.',
    );
    expect(html).not.toMatch(/<script|<b>its/i);
    expectNothingLeftOver(fx);
  });

  it("a section's inline text may not write unescaped output ({{{ }}})", async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) =>
        yaml.replace('text: Not directly relevant to this report.', 'text: Not directly {{{report.title}}} relevant.'),
      ),
    );
    const { line } = placeOf(join(fx.dir, CONFIG), 'text: Not directly {{{');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^report\\.config\\.yaml \\(sections\\[6\\]\\.text, which starts at line ${line}\\): the template cannot be used: text in the report definition cannot use unescaped output \\(\\{\\{\\{ \\}\\}\\} or \\{\\{& \\}\\}\\); use a template file\\.$`,
      ),
    ]);
  });
});

describe('characters no document can show', () => {
  it.each([
    ['an escape in quotes', '"All\\u0001"', '0001'],
    ['a vertical tab pasted in', 'All\u000B', '000B'],
    ['half of a surrogate pair', '"All\\uD800"', 'D800'],
  ])('%s is refused at its line and column, and nothing is written', async (_, wards, code) => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => yaml.replace('wards: All', `wards: ${wards}`)),
    );
    const at = placeOf(join(fx.dir, CONFIG), `wards: ${wards}`);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line, at.column + 7)}the text holds the invisible character U\\+${code}, which no PDF, web page or Word document can show`,
      ),
    ]);
  });
});

describe('names Excel would take for formulas', () => {
  /** The national csv files that list councils by code and name (not the neighbour models). */
  const nationalFiles = (dir: string) =>
    readdirSync(join(dir, 'data/dfe'))
      .filter((name) => name.endsWith('.csv') && !/neighbour|sn_model/i.test(name))
      .map((name) => `data/dfe/${name}`);
  const replaceIn = (path: string, edit: (text: string) => string) =>
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
  /** The csv rows of `indicators --format csv`, split into cells (no cell here holds a comma). */
  const rows = (csv: string) =>
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));

  it('a council named "=..." in the national files is written with a leading apostrophe', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      for (const name of nationalFiles(dir))
        replaceIn(join(dir, name), (csv) =>
          csv.replaceAll(',335,E08000030,Walsall,', ",335,E08000030,=HYPERLINK(1)*cmd|' /C calc'!A0,"),
        );
    });
    const result = await run(fx, ['indicators', '--data', 'data/dfe', '--area', '335', '--format', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const names = rows(result.stdout).map((cells) => cells[2]);
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names)).toEqual(new Set(["'=HYPERLINK(1)*cmd|' /C calc'!A0"]));
    expectOutputUnchanged(fx);
  });

  it('a council named "@..." in the national files is written with a leading apostrophe, with a report definition too', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      editText(dir, 'data/dfe/d3_cpps_subsequent_plan_2013_to_2025.csv', (csv) =>
        csv.replaceAll(',335,E08000030,Walsall,', ',335,E08000030,@SUM(1+1),'),
      );
      editText(dir, CONFIG, (yaml) => yaml.replace('  name: Walsall', '  name: "@SUM(1+1)"'));
    });
    const result = await run(fx, ['indicators', CONFIG, '--format', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const names = rows(result.stdout).map((cells) => cells[2]);
    expect(names).toHaveLength(5);
    expect(new Set(names)).toEqual(new Set(["'@SUM(1+1)"]));
    expectOutputUnchanged(fx);
  });

  it('a region named "+..." in the national files is written with a leading apostrophe', async () => {
    const fx = fixture(good.folder, 'report', (dir) => {
      for (const name of nationalFiles(dir))
        replaceIn(join(dir, name), (csv) =>
          csv.replaceAll(',E12000005,West Midlands,', ',E12000005,+West Midlands-1,'),
        );
    });
    const result = await run(fx, ['indicators', '--data', 'data/dfe', '--area', '335', '--format', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    const regions = rows(result.stdout)
      .filter((cells) => cells[0] === 'cpp_subsequent_percent')
      .map((cells) => cells[9]);
    expect(regions.length).toBeGreaterThan(5);
    expect(new Set(regions)).toEqual(new Set(["'+West Midlands-1"]));
    expectOutputUnchanged(fx);
  });
});
