import { describe, expect, it } from 'vitest';
import { rateLimitsFromEnv } from '../../../functions/quotas/limits';
import { operations } from '../../../shared/api/contract';
import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { RATE_LIMITS } from '../../../shared/quotas/rate-limits';

// Issue 12: the edge's per-IP limits are stated in the OpenAPI document, with the deployed values.
describe('issue 12: x-rate-limits in the OpenAPI document', () => {
  it('lists both tiers with the configured limits, window, 429 and Retry-After', () => {
    const doc = buildOpenApiDocument(operations, { version: 't', rateLimits: rateLimitsFromEnv({ [RATE_LIMITS.anonymous.envVar]: '300' }) });
    expect(doc['x-rate-limits']).toEqual([
      expect.objectContaining({ id: 'anonymous', limit: 300, windowSeconds: 300, per: 'client IP', status: 429, retryAfterSeconds: 60 }),
      expect.objectContaining({ id: 'all', limit: RATE_LIMITS.all.defaultLimit, windowSeconds: 300, per: 'client IP', status: 429 }),
    ]);
  });

  it('a malformed limit in the environment fails the cold start', () => {
    expect(() => rateLimitsFromEnv({ [RATE_LIMITS.all.envVar]: 'many' })).toThrow(RATE_LIMITS.all.envVar);
  });
});
