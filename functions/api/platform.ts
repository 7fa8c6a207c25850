import { operations } from '../../shared/api/contract';
import { buildOpenApiDocument } from '../../shared/api/openapi';
import { getHealth, getMe, getOpenApi } from '../../shared/api/platform';
import * as z from 'zod';
import { parseEnv } from '../config/env';
import { apiHandler, implement } from '../http/api-handler';
import { quotaLimitsFromEnv, rateLimitsFromEnv } from '../quotas/limits';

const env = parseEnv(z.object({ API_VERSION: z.string().min(1).default('0.1.0') }));

let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = apiHandler([
  implement(getHealth, async () => ({ status: 200, body: { status: 'ok', time: new Date().toISOString() } })),
  implement(getOpenApi, async () => {
    openApiDocument ??= buildOpenApiDocument(operations, { version: env.API_VERSION, quotaLimits: quotaLimitsFromEnv(), rateLimits: rateLimitsFromEnv() });
    return { status: 200, body: openApiDocument, headers: { 'cache-control': 'public, max-age=300' } };
  }),
  implement(getMe, async ({ claims }) => ({
    status: 200,
    body: { sub: claims.sub, roles: claims.roles, ...(claims.org ? { org: claims.org } : {}) },
  })),
]);
