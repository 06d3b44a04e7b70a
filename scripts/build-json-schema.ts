/**
 * Writes dist/analysis.schema.json from the zod schema, for CMS form builders.
 * Generated, never edited by hand: the zod module is the single source of the rules.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { analysisSchema, fieldDocs, SCHEMA_VERSION } from '../src/schema/analysis.js';

const schema = {
  ...z.toJSONSchema(analysisSchema, { io: 'input', metadata: fieldDocs }),
  $id: `urn:newsroom-widgets:analysis:v${SCHEMA_VERSION}`,
  title: 'newsroom-widgets structured analysis',
  description:
    `Schema version ${SCHEMA_VERSION}. Rules JSON Schema cannot say (ids that must resolve, [n] citations, ` +
    'unique ids, real calendar dates) are checked by `newsroom-widgets validate`.',
};
mkdirSync('dist', { recursive: true });
writeFileSync('dist/analysis.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
console.log('wrote dist/analysis.schema.json');
