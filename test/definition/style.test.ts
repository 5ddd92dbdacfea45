import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../src/definition/read-definition.js';
import { CONFIG, FILE } from '../support/example-text.js';
import { thrown } from '../support/report-errors.js';

describe("a council's colours and logo", () => {
  it('accept colours written #rgb or #rrggbb', () => {
    const { spec } = readDefinition({ file: FILE, text: `${CONFIG}\nstyle:\n  accent: "#5b2c83"\n  text: "#111"\n` });
    expect(spec.style).toEqual({ accent: '#5b2c83', text: '#111' });
  });

  it('refuse anything else, at its line, so nothing but a colour reaches the CSS', () => {
    const text = `${CONFIG}\nstyle:\n  accent: "red; } body { display: none"\n`;
    const { problems } = thrown(() => readDefinition({ file: FILE, text }));
    const line = text.split('\n').findIndex((l) => l.startsWith('  accent:')) + 1;
    expect(problems).toEqual([
      `${FILE}, line ${line}, column 11: "style.accent" must be a colour written #rgb or #rrggbb, for example #0b5fa5.`,
    ]);
  });

  it('name an unknown colour key with the nearest one', () => {
    const { problems } = thrown(() => readDefinition({ file: FILE, text: `${CONFIG}\nstyle:\n  acent: "#000"\n` }));
    expect(problems[0]).toContain('unknown key "acent" in style; did you mean "accent"?');
  });
});
