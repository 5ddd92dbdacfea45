/**
 * A definition may not start a program: there is no setting for one, nothing in it is evaluated, and
 * the browser is the user's own choice (--browser, SCRUTINY_BROWSER), never the definition's.
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  editText,
  expectRefused,
  fixture,
  placeOf,
  re,
  refuse,
  run,
  yamlPlace,
  type Fixture,
  useGoodOutput,
} from './support.js';

const CONFIG = 'report.config.yaml';
const good = useGoodOutput('report');

/** A "browser" that leaves a marker file beside itself when it is run, and fails. */
function markerScript(fx: Fixture): { script: string; marker: string } {
  const script = join(fx.dir, 'not-a-browser.sh');
  const marker = join(fx.dir, 'MARKER');
  writeFileSync(script, `#!/bin/sh\ntouch "${marker}"\nexit 1\n`);
  chmodSync(script, 0o755);
  return { script, marker };
}

describe('a definition cannot start a program', () => {
  it('output.browser: /bin/sh is refused at its line', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => yaml.replace('\n  folder: output', '\n  folder: output\n  browser: /bin/sh')),
    );
    const at = placeOf(join(fx.dir, CONFIG), 'browser: /bin/sh');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `${yamlPlace(CONFIG, at.line, at.column)}"output\\.browser" is not allowed in a report definition: a report definition may not choose a program to run; name the browser with --browser or the SCRUTINY_BROWSER environment variable\\.$`,
      ),
    ]);
  });

  it('output.browser naming a script is refused at its line, and the script never runs', async () => {
    const fx = fixture(good.folder);
    const { script, marker } = markerScript(fx);
    editText(fx.dir, CONFIG, (yaml) => yaml.replace('\n  folder: output', `\n  folder: output\n  browser: ${script}`));
    const at = placeOf(join(fx.dir, CONFIG), `browser: ${script}`);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column)}"output\\.browser" is not allowed in a report definition`),
    ]);
    expect(existsSync(marker)).toBe(false);
  });

  it('a browser key anywhere else is an unknown key at its line, and the script never runs', async () => {
    const fx = fixture(good.folder);
    const { script, marker } = markerScript(fx);
    editText(fx.dir, CONFIG, (yaml) => yaml.replace('\narea:', `\nbrowser: ${script}\narea:`));
    const at = placeOf(join(fx.dir, CONFIG), `browser: ${script}`);
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [new RegExp(`${yamlPlace(CONFIG, at.line, 1)}unknown key "browser"\\.$`)]);
    expect(existsSync(marker)).toBe(false);
  });

  it("SCRUTINY_BROWSER is the user's own choice: it runs (the marker proves it), fails, and nothing is written", async () => {
    const fx = fixture(good.folder);
    const { script, marker } = markerScript(fx);
    const result = await run(fx, ['build', '--force'], { SCRUTINY_BROWSER: script });
    expectRefused(fx, result, [
      new RegExp(
        `^The browser "${re(script)}" did not start \\(.*\\); check that it runs, or name another with --browser or SCRUTINY_BROWSER\\.$`,
      ),
    ]);
    expect(existsSync(marker)).toBe(true);
  });

  it('a custom indicator with a formula is refused at the key: nothing in a definition is evaluated', async () => {
    const custom = [
      '  - id: visits',
      "    formula: \"require('child_process').execSync('touch EVALUATED')\"",
      '    custom:',
      '      kind: count',
      '      title: Visits',
      '      definition: Visits made.',
      '    local: { source: walsall, from: Period start, to: Period end, numerator: Plans starting }',
    ].join('\n');
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => yaml.replace('\ndiagrams:', `\n${custom}\n\ndiagrams:`)),
    );
    const at = placeOf(join(fx.dir, CONFIG), 'formula:');
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(`${yamlPlace(CONFIG, at.line, at.column)}unknown key "formula" in indicators\\[1\\]`),
    ]);
    expect(existsSync(join(fx.dir, 'EVALUATED'))).toBe(false);
  });

  it('a template calling a helper the tool does not have is refused at its line', async () => {
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, 'templates/walsall/audit.hbs', (hbs) => `${hbs}<p>{{exec "touch EVALUATED"}}</p>\n`),
    );
    const line = placeOf(join(fx.dir, 'templates/walsall/audit.hbs'), '{{exec').line;
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      new RegExp(
        `^templates/walsall/audit\\.hbs: the template cannot be used: line ${line}, column 4: "exec" is not a helper \\(the README lists the helpers\\)\\.$`,
      ),
    ]);
    expect(existsSync(join(fx.dir, 'EVALUATED'))).toBe(false);
  });

  it('a Vega expression reaching for the Function constructor is refused, naming the diagram, exit 2', async () => {
    const chart = [
      '  - id: custom-bars',
      '    title: Repeat plans by year (%)',
      '    indicator: repeat_plans',
      '    chart:',
      '      vegaLite:',
      '        data: { name: repeat_plans }',
      `        transform: [{ calculate: "constructor.constructor('return process')().exit(7)", as: boom }]`,
      '        mark: bar',
      '        encoding:',
      '          x: { field: period, type: ordinal }',
      '          y: { field: value, type: quantitative }',
    ].join('\n');
    const fx = fixture(good.folder, 'report', (dir) =>
      editText(dir, CONFIG, (yaml) => yaml.replace('diagrams:\n', `diagrams:\n${chart}\n`)),
    );
    const result = await refuse(fx, ['build']);
    expectRefused(fx, result, [
      /^report\.config\.yaml: the Vega-Lite chart of diagram "custom-bars" cannot be drawn: Illegal callee type: MemberExpression; check its expressions \(calculate, filter\) and fields\.$/,
    ]);
  });
});
