import type { z } from 'zod';
import type { QuotaDefinition } from '../quotas/quota';

export type Role = 'provider' | 'worker' | 'backoffice';

/**
 * How a route is authenticated.
 * - `public`: no token.
 * - `jwt`: the gateway (API Gateway JWT authorizer, or the local gateway) verifies the bearer token;
 *   the handler then checks the role (403 for the wrong one).
 * - `signature`: machine-to-machine, verified by the handler itself (the issuer's HMAC signature).
 */
export type Auth = { kind: 'public' } | { kind: 'jwt'; roles: readonly Role[] } | { kind: 'signature' };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** A non-JSON body (e.g. `application/pdf`); the implementation returns its bytes. */
  contentType?: string;
}

/**
 * One HTTP operation of the contract in api.md. The same object validates requests in the handler,
 * types the implementation, defines the route (API Gateway and local gateway) and generates the
 * OpenAPI document.
 */
export interface Operation<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  A extends Auth = Auth,
  R extends Record<number, ResponseSpec> = Record<number, ResponseSpec>,
  M extends HttpMethod = HttpMethod,
  Path extends string = string,
> {
  id: string;
  /** Kept with its literal type (`M`, `Path`), so the test HTTP helper can type a response from method + path. */
  method: M;
  /** API Gateway route path, e.g. `/v1/applications/{id}`. */
  path: Path;
  /** Logical function (one Lambda per area): entry `functions/api/<fn>.ts`. */
  fn: string;
  auth: A;
  summary: string;
  tags?: string[];
  body?: B;
  query?: Q;
  params?: P;
  /** POSTs that create something honour `Idempotency-Key`. */
  idempotent?: boolean;
  /**
   * Per-principal quotas (shared/quotas/quota.ts) the handler chain enforces before the
   * implementation runs: over the limit is 429 problem+json with `Retry-After`. Documented in the
   * OpenAPI document (`x-quotas` and the 429 response).
   */
  quotas?: readonly QuotaDefinition[];
  /** Kept with its literal type (`R`), so tests can type a response from its schema. */
  responses: R;
}

export function defineOperation<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  const A extends Auth = Auth,
  const R extends Record<number, ResponseSpec> = Record<number, ResponseSpec>,
  const M extends HttpMethod = HttpMethod,
  const Path extends string = string,
>(operation: Operation<B, Q, P, A, R, M, Path>): Operation<B, Q, P, A, R, M, Path> {
  return operation;
}

/** The body type of an operation's response `S` (the schema's output), e.g. `ResponseBodyOf<typeof getTraining, 200>`. */
export type ResponseBodyOf<O, S extends number> = O extends { responses: infer R }
  ? S extends keyof R ? R[S] extends { schema: infer Schema extends z.ZodType } ? z.output<Schema> : undefined : never
  : never;

export const routeKey = (operation: Pick<Operation, 'method' | 'path'>): string =>
  `${operation.method} ${operation.path}`;
