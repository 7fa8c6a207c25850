import { operations } from '../shared/api/contract';
import { routeKey, type Auth } from '../shared/api/operation';

/**
 * The route table of the HTTP API, shared by the CDK app (API Gateway routes and authorizer) and the
 * local gateway. Derived from the operations of the contract: one source of truth.
 */
export interface ApiRoute {
  routeKey: string;
  method: string;
  path: string;
  fn: string;
  auth: Auth;
}

export const apiRoutes: readonly ApiRoute[] = operations.map((op) => ({
  routeKey: routeKey(op),
  method: op.method,
  path: op.path,
  fn: op.fn,
  auth: op.auth,
}));

/** One Lambda per area; its entry module exports `handler`. */
export const apiFunctionEntry = (fn: string): string => `functions/api/${fn}.ts`;

export const apiFunctionNames: readonly string[] = [...new Set(apiRoutes.map((route) => route.fn))];
