/**
 * Reads the console uses whose answer the server does not describe in /openapi.json yet (no
 * response schema), typed from the contract, in the shape openapi-typescript gives `paths`.
 * `AllPaths` (client.ts) lets these stand in for the generated entries; each is deleted here once
 * `npm run gen:api` brings its schema in. Empty once the server describes every read.
 */

type Iso = string;
type Json<T> = { content: { 'application/json': T } };
type Read<Path, Query, Answer> = {
  get: { parameters: { path: Path; query?: Query }; responses: { 200: Json<Answer> } };
};

export interface Pending {
  '/v1/sellers/{seller}/metrics': Read<
    { seller: string },
    never,
    {
      seller: string;
      trades30d: number;
      refunds30d: number;
      disputes30d: number;
      refundRate30d: number | null;
      disputeRate30d: number | null;
    }
  >;
  '/v1/interventions': Read<
    never,
    { limit?: string },
    {
      cases: Array<{
        refund: string;
        order: string;
        seller: string;
        buyer: string;
        title: string | null;
        kind: string;
        reason: string;
        requested: number;
        escalatedAt: Iso | null;
        evidenceOpenUntil: Iso | null;
        rulingDueFrom: Iso | null;
        rulingDueBy: Iso | null;
        overdue: boolean;
      }>;
    }
  >;
}
