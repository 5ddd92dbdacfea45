/** The report definition's JSON Schema, generated from the zod schema, for editors' completion and checks. */
import { z } from 'zod';
import { reportDefinitionSchema } from './schema.js';

export const JSON_SCHEMA_FILE = 'schema/report.config.schema.json';

export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(reportDefinitionSchema, { io: 'input', target: 'draft-7' });
  return `${JSON.stringify({ ...schema, title: 'scrutiny report definition (report.config.yaml)' }, null, 2)}\n`;
}
