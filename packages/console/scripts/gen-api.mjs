#!/usr/bin/env node
// Regenerates src/api/schema.d.ts from the server's OpenAPI document: printed by `xinyu openapi`
// (no server or database needed), or fetched from a running server when a URL is given.
// usage: npm run gen:api -w @xinyu/console [-- http://127.0.0.1:8080]   (or XINYU_URL=…)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fetchDocument, renderSchema, SCHEMA_FILE } from './api-schema.mjs';
import { ROOT } from './demo-server.mjs';

const base = process.argv[2] ?? process.env.XINYU_URL;
const document = base
  ? await fetchDocument(base)
  : JSON.parse(
      execFileSync(process.execPath, [path.join(ROOT, 'packages/server/bin/xinyu.mjs'), 'openapi'], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      }),
    );
writeFileSync(SCHEMA_FILE, await renderSchema(document));
const from = base ?? 'xinyu openapi';
console.log(
  `gen:api: ${Object.keys(document.paths ?? {}).length} paths from ${from} → ${path.relative(ROOT, SCHEMA_FILE)}`,
);
