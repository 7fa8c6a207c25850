/**
 * THE CORS policy of the HTTP API, for the API Gateway stage (infra/cdk/stacks/api-stack.ts) and the
 * local gateway (infra/local/gateway.ts) alike: the site's origin may call every method of the
 * contract with the headers the contract uses, and read the correlation id and Retry-After (429).
 */
export const corsPolicy = {
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
  exposeHeaders: ['x-correlation-id', 'retry-after'],
  maxAgeSeconds: 3600,
} as const;

/** API Gateway HTTP API's payload limit (10 MB): the local gateway answers 413 above it as well. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
