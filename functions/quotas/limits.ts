import * as z from 'zod';
import { quotaDefinitions, type QuotaLimits } from '../../shared/quotas/quota';
import { rateLimitDefinitions, type RateLimits } from '../../shared/quotas/rate-limits';
import { parseEnv } from '../config/env';

/**
 * The effective quota limits: each quota's default, overridden by its environment variable
 * (`QUOTA_…`, README "Configuration"). Parsed once; a malformed value fails the cold start.
 */
export function quotaLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): QuotaLimits {
  const schema = z.object(Object.fromEntries(quotaDefinitions.map((quota) => [
    quota.envVar, z.coerce.number().int().positive().default(quota.defaultLimit),
  ])));
  const parsed = parseEnv(schema, env) as Record<string, number>;
  return Object.fromEntries(quotaDefinitions.map((quota) => [quota.id, parsed[quota.envVar] as number]));
}

/** The edge's per-IP rate limits as deployed (`RATE_LIMIT_…`, set by the CDK app from the same context values as the WebACL). */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const schema = z.object(Object.fromEntries(rateLimitDefinitions.map((limit) => [
    limit.envVar, z.coerce.number().int().positive().default(limit.defaultLimit),
  ])));
  const parsed = parseEnv(schema, env) as Record<string, number>;
  return Object.fromEntries(rateLimitDefinitions.map((limit) => [limit.id, parsed[limit.envVar] as number]));
}
