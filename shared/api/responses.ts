import * as z from 'zod';
import type { Operation } from './operation';
import { problemSchema } from './problem-schema';

/**
 * Every response an operation can give, by status: what the OpenAPI document promises
 * (shared/api/openapi.ts renders exactly this) and what the test HTTP helpers check each response
 * against (test/support/contract-check.ts). One list, so a test cannot pass on a status or a shape
 * the document does not state.
 *
 * Beside the statuses an operation declares, the handler chain and the gateway add: 400 (invalid
 * input) where there is input; 401 (the gateway's `{"message":"Unauthorized"}`, as API Gateway's JWT
 * authorizer answers) and 403 on `jwt` routes; 409 and 422 on idempotent ones; 429 with Retry-After
 * where quotas apply; 503 `dependency-unavailable` with Retry-After and 500 `internal` everywhere.
 * Every 4xx/5xx but the gateway's 401 is RFC 9457 problem+json.
 */
export type ResponseBody =
  | { kind: 'json'; schema: z.ZodType }
  | { kind: 'problem' }
  | { kind: 'binary'; contentType: string }
  | { kind: 'none' };

export interface DocumentedResponse {
  description: string;
  body: ResponseBody;
  /**
   * What the gateway answers with this status itself, before the request reaches the API (API Gateway
   * and the local gateway alike): `{"message": …}` as application/json, beside the API's own body.
   */
  gateway?: z.ZodType;
  /** Response headers the document names (Retry-After). */
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
}

/** What API Gateway's JWT authorizer (and the local gateway, the same) answers without a valid token. */
export const gatewayUnauthorizedSchema = z.strictObject({ message: z.literal('Unauthorized') });
/** API Gateway's own answers to a request it cannot route (malformed percent-encoding) or take (over 10 MB). */
export const gatewayBadRequestSchema = z.strictObject({ message: z.literal('Bad Request') });
export const gatewayTooLargeSchema = z.strictObject({ message: z.literal('Request Entity Too Large') });

const retryAfter = (description: string) => ({ 'Retry-After': { description, schema: { type: 'integer', minimum: 1 } } });

export function documentedResponses(op: Operation, quotaDescription?: string): Map<number, DocumentedResponse> {
  const responses = new Map<number, DocumentedResponse>();
  for (const [status, spec] of Object.entries(op.responses)) {
    const code = Number(status);
    const body: ResponseBody = spec.schema ? { kind: 'json', schema: spec.schema }
      : spec.contentType ? { kind: 'binary', contentType: spec.contentType }
        // a declared error without a schema is still the chain's problem document
        : code >= 400 ? { kind: 'problem' } : { kind: 'none' };
    responses.set(code, { description: spec.description, body });
  }
  const add = (status: number, response: DocumentedResponse) => { if (!responses.has(status)) responses.set(status, response); };
  const problem = (description: string): DocumentedResponse => ({ description, body: { kind: 'problem' } });
  if (op.body || op.query || op.params) add(400, problem('Invalid input: every problem listed'));
  // a path the gateway cannot decode never reaches the API
  if (op.params) {
    const declared = responses.get(400)!;
    responses.set(400, { ...declared, description: `${declared.description}; or the gateway's own 400 for a path it cannot decode`, gateway: gatewayBadRequestSchema });
  }
  if (op.body) add(413, { description: 'Body over 10 MB (the gateway refuses it)', body: { kind: 'json', schema: gatewayTooLargeSchema } });
  if (op.auth.kind === 'jwt') {
    add(401, { description: 'Missing or invalid token (the gateway)', body: { kind: 'json', schema: gatewayUnauthorizedSchema } });
    add(403, problem('Wrong role'));
  }
  if (op.idempotent) {
    add(409, problem('Conflict, or the same Idempotency-Key is still in progress'));
    add(422, problem('Same Idempotency-Key with another body'));
  }
  if (op.quotas?.length) {
    add(429, { ...problem(quotaDescription ?? 'Quota reached'), headers: retryAfter('Seconds until the quota resets (midnight in Brussels)') });
  }
  add(500, problem('Internal error (never with its cause)'));
  add(503, { ...problem('A dependency is unavailable or throttling: try again after Retry-After seconds'), headers: retryAfter('Seconds to wait before trying again') });
  return responses;
}

/** The problem document's schema, for checks of 4xx/5xx bodies. */
export { problemSchema };
