import { operations } from '../../shared/api/contract';
import { buildOpenApiDocument } from '../../shared/api/openapi';
import { getHealth, getMe, getOpenApi } from '../../shared/api/platform';
import { apiHandler, implement } from '../http/api-handler';
import { quotaLimitsFromEnv } from '../quotas/limits';

let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = apiHandler([
  implement(getHealth, async () => ({ status: 200, body: { status: 'ok', time: new Date().toISOString() } })),
  implement(getOpenApi, async () => {
    openApiDocument ??= buildOpenApiDocument(operations, { version: process.env.API_VERSION ?? '0.1.0', quotaLimits: quotaLimitsFromEnv() });
    return { status: 200, body: openApiDocument, headers: { 'cache-control': 'public, max-age=300' } };
  }),
  implement(getMe, async ({ claims }) => ({
    status: 200,
    body: { sub: claims.sub, roles: claims.roles, ...(claims.org ? { org: claims.org } : {}) },
  })),
]);
