import { ERROR_CODE_LIST } from '@xinyu/domain';
import Type from 'typebox';
import { Id } from '../app/command-schemas.js';
import type { AccessRule } from './access.js';

/** Response and parameter schemas shared by the routes (documented in /openapi.json). */
export const ErrorResponse = Type.Object(
  {
    code: Type.String({ description: `one of ${ERROR_CODE_LIST.join(', ')}` }),
    message: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { description: 'A refusal: `code` from the closed list (docs/errors.md).' },
);

export const OrderParams = Type.Object({ order: Id });
export const LineParams = Type.Object({ order: Id, line: Id });
export const SellerParams = Type.Object({ seller: Id });
export const BuyerParams = Type.Object({ buyer: Id });

/** Every write needs one: the same key with the same request replays the first answer. */
export const WriteHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' }),
});

/** The body of a command named by its URL alone: none, `null` or `{}`; anything else is refused. */
export const NoBody = Type.Union([Type.Null(), Type.Object({}, { additionalProperties: false })], {
  description: 'No body is needed; one that is sent must be `{}` or `null` (unknown fields are refused).',
});

/** Query strings are text: numbers are given as digits and parsed after validation. */
export const PageQuery = {
  limit: Type.Optional(
    Type.String({ pattern: '^(?:[1-9]|[1-9][0-9]|100)$', description: 'page size 1–100, default 20' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'opaque cursor from `nextCursor`' })),
};

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

export function pageLimit(limit: string | undefined): number {
  return limit ? Number(limit) : 20;
}

/** Route config of what only the marketplace backend (its API key) may call. */
export const MARKETPLACE_ONLY: { access: AccessRule } = { access: { roles: [] } };
