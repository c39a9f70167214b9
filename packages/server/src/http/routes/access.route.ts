import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { PERSON_ROLES } from '../../app/access/caller.js';
import { issueAccessToken } from '../../app/access/issue-access-token.js';
import { revokeAccessToken } from '../../app/access/revoke-access-token.js';
import { DisplayName, Id } from '../../app/command-schemas.js';
import type { AppContext } from '../../app/context.js';
import { runWrite } from '../run-write.js';
import { errorResponses, MARKETPLACE_ONLY, WriteHeaders } from '../schemas.js';

const RoleSchema = Type.Union(
  PERSON_ROLES.map((r) => Type.Literal(r)),
  { description: 'buyer, seller (the shop owner), agent (a shop’s customer service) or staff (platform)' },
);
const IssueBody = Type.Object(
  {
    role: RoleSchema,
    subject: Id,
    name: Type.Optional(DisplayName),
    ttlHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 8_760, description: 'hours, default 720 (30 days)' })),
  },
  { additionalProperties: false },
);
const Issued = Type.Object({
  token: Type.String({ description: 'the secret: shown once, only its hash is kept' }),
  role: Type.String(),
  subject: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String({ format: 'date-time' }),
});
const Me = Type.Object({
  role: Type.String({ description: 'marketplace, buyer, seller, agent or staff' }),
  subject: Type.Union([Type.String(), Type.Null()], { description: 'null for the marketplace' }),
  name: Type.Union([Type.String(), Type.Null()]),
  marketplace: Type.String(),
});
const tags = ['access'];

/** Access tokens for people, minted by the marketplace backend; and who the caller is. */
export function accessRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/access-tokens',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags,
          summary: 'Mint an access token for a buyer, a seller, a shop’s agent or platform staff',
          headers: WriteHeaders,
          body: IssueBody,
          response: { 201: Issued, ...errorResponses },
        },
      },
      (req, reply) =>
        runWrite(
          ctx,
          req,
          reply,
          (uow) => issueAccessToken(uow, { ...req.body, marketplace: req.caller?.marketplace ?? '' }),
          201,
        ),
    );
    app.post(
      '/access-tokens/revoke',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags,
          summary: 'Revoke a token; it is refused from then on',
          headers: WriteHeaders,
          body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ revoked: Type.Boolean() }), ...errorResponses },
        },
      },
      (req, reply) =>
        runWrite(ctx, req, reply, (uow) => revokeAccessToken(uow, req.caller?.marketplace ?? '', req.body.token)),
    );
    app.get(
      '/me',
      {
        config: { access: { roles: ['buyer', 'seller', 'agent', 'staff'] } },
        schema: { tags, summary: 'Who the credentials stand for', response: { 200: Me } },
      },
      async (req) => {
        const caller = req.caller!;
        return caller.role === 'marketplace'
          ? { role: 'marketplace', subject: null, name: null, marketplace: caller.marketplace }
          : { role: caller.role, subject: caller.subject, name: caller.name, marketplace: caller.marketplace };
      },
    );
  };
}
