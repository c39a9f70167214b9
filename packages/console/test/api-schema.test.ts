import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fetchDocument, renderSchema, SCHEMA_FILE } from '../scripts/api-schema.mjs';
import { baseUrl } from './support.js';

// DESIGN: the console imports nothing from the server but its generated client. When a route's
// schema changes, this fails until `npm run gen:api -w @xinyu/console` regenerates the types.
it('the committed API types are those of the OpenAPI document the server serves', async () => {
  const served = await renderSchema(await fetchDocument(baseUrl));
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(served);
});
