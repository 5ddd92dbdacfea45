/**
 * A house style owns what differs; the structure every style shares comes from base.css first. A
 * council that writes its own print.css with colours alone still gets paragraph numbers in the gutter,
 * diagrams kept on one page and table headers repeated, and may replace base.css too.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { houseStyle, templateFinder } from '../../src/document/templates.js';
import { nodeFileSystem } from '../../src/effects.js';
import { projectFiles } from '../../src/files/project-files.js';
import { BUILT_IN_TEMPLATES } from '../../src/version.js';

function councilFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'house-style-'));
  mkdirSync(join(dir, 'templates'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'templates', name), text);
  return dir;
}

const styleOf = (dir: string) =>
  houseStyle(
    templateFinder(
      join(dir, 'templates'),
      projectFiles(nodeFileSystem(dir), { baseDir: dir, builtIn: BUILT_IN_TEMPLATES }),
    ),
  );

describe('houseStyle', () => {
  it("puts the shared structure before a council's own print.css, which keeps the last word", async () => {
    const css = await styleOf(councilFolder({ 'print.css': ':root { --accent: #123456; }\n.marker-own {}' }));
    expect(css).toContain('table.figures thead { display: table-header-group; }');
    expect(css).toContain('figure.diagram { margin: 0.6em 0 1em; break-inside: avoid;');
    expect(css.indexOf('.paragraph-number')).toBeLessThan(css.indexOf('.marker-own'));
    expect(css).not.toContain('.front-block');
  });

  it("takes the council's own base.css when it has one", async () => {
    const css = await styleOf(councilFolder({ 'base.css': '.marker-base {}', 'print.css': '.marker-own {}' }));
    expect(css).toBe('.marker-base {}\n.marker-own {}');
  });
});
