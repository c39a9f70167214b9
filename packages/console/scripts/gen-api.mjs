#!/usr/bin/env node
// Regenerates src/api/schema.d.ts from a running server's /openapi.json.
// usage: npm run gen:api -w @xinyu/console [-- URL]   (default http://127.0.0.1:8080, or XINYU_URL)
import { writeFileSync } from 'node:fs';
import { fetchDocument, renderSchema, SCHEMA_FILE } from './api-schema.mjs';

const base = process.argv[2] ?? process.env.XINYU_URL ?? 'http://127.0.0.1:8080';
const document = await fetchDocument(base);
writeFileSync(SCHEMA_FILE, await renderSchema(document));
console.log(`gen:api: ${Object.keys(document.paths ?? {}).length} paths from ${base} → ${SCHEMA_FILE}`);
