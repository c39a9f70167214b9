/**
 * Reads the console uses whose answer the server does not describe in /openapi.json yet (no
 * response schema), typed from the contract, in the shape openapi-typescript gives `paths`.
 * `AllPaths` (client.ts) lets these stand in for the generated entries; each is deleted here once
 * `npm run gen:api` brings its schema in. Empty now: the server describes every read the console makes.
 */
// biome-ignore lint/complexity/noBannedTypes: an empty overlay, kept for the next read that lands without a schema
export type Pending = {};
