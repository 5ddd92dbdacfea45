/**
 * A value the schema refuses is described in an officer's words: what it must be and what was found,
 * never the validator's own ("Invalid input: expected int, received number").
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeFound, schemaIssue, type SchemaIssue } from '../../src/diagnostics/messages.js';

const issueOf = (schema: z.ZodType, value: unknown): SchemaIssue => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the schema to refuse the value');
  return result.error.issues[0] as SchemaIssue;
};

describe('schemaIssue', () => {
  it('says what kind of value is needed and what was found', () => {
    expect(schemaIssue(issueOf(z.boolean(), 'yes'), 'yes')).toBe('must be true or false, not the text "yes"');
    expect(schemaIssue(issueOf(z.number().int(), 5.5), 5.5)).toBe('must be a whole number, not the number 5.5');
    expect(schemaIssue(issueOf(z.array(z.string()), {}), {})).toBe('must be a list, not a block of keys');
  });

  it('tells the user to quote a code that YAML read as a number', () => {
    expect(schemaIssue(issueOf(z.string(), 335), 335)).toBe(
      'must be text, not the number 335; write it in quotes: "335"',
    );
  });

  it('lists the allowed values and suggests the nearest', () => {
    const said = schemaIssue(issueOf(z.enum(['trend', 'neighbours']), 'neighbors'), 'neighbors');
    expect(said).toBe('must be one of "trend" or "neighbours"; did you mean "neighbours"?');
  });

  it('describes a value that may be a name or a block, as a chart may', () => {
    const chart = z.union([z.enum(['trend', 'none']), z.strictObject({ vegaLite: z.unknown() })]);
    expect(schemaIssue(issueOf(chart, 'bar'), 'bar')).toBe(
      'must be one of "trend", "none" or a block of keys (key: value)',
    );
  });

  it('gives limits in words', () => {
    expect(schemaIssue(issueOf(z.string().min(1), ''), '')).toBe('must not be empty');
    expect(schemaIssue(issueOf(z.number().max(3), 4), 4)).toBe('must be at most 3');
    expect(schemaIssue(issueOf(z.array(z.string()).min(1), []), [])).toBe('needs at least 1 item');
  });

  it('keeps the words a schema gives its own rules', () => {
    const year = z.string().regex(/^\d{4}$/, 'must be a year written as 2016');
    expect(schemaIssue(issueOf(year, '16'), '16')).toBe('must be a year written as 2016');
  });
});

describe('describeFound', () => {
  it('names what the YAML holds, cutting long text short', () => {
    expect(describeFound(null)).toBe('empty');
    expect(describeFound(true)).toBe('true');
    expect(describeFound('x'.repeat(60))).toBe(`the text "${'x'.repeat(37)}..."`);
  });
});
