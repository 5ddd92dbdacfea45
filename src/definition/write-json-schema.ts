/** npm run schema: writes schema/report.config.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_FILE, reportJsonSchema } from './json-schema.js';

const path = fileURLToPath(new URL(`../../${JSON_SCHEMA_FILE}`, import.meta.url));
writeFileSync(path, reportJsonSchema());
console.log(`Wrote ${JSON_SCHEMA_FILE}`);
