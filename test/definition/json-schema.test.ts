import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_FILE, reportJsonSchema } from '../../src/definition/json-schema.js';
import { ROOT } from '../support/cli.js';

describe('the JSON Schema editors use', () => {
  it('is the one the zod schema generates (run npm run schema after changing it)', () => {
    expect(readFileSync(join(ROOT, JSON_SCHEMA_FILE), 'utf8')).toBe(reportJsonSchema());
  });

  it('is named on the first line of the example definition', () => {
    const firstLine = readFileSync(join(ROOT, 'report.config.yaml'), 'utf8').split('\n')[0];
    expect(firstLine).toBe(`# yaml-language-server: $schema=./${JSON_SCHEMA_FILE}`);
  });

  it('describes the keys and rejects unknown ones, as the validator does', () => {
    const schema = JSON.parse(reportJsonSchema()) as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(schema.required).toEqual(expect.arrayContaining(['report', 'area', 'sections']));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.report!.properties!)).toEqual(
      expect.arrayContaining(['title', 'committee', 'meetingDate', 'contactOfficers']),
    );
  });
});
