import * as z from 'zod';
import { quotaDefinitions, type QuotaLimits } from '../../shared/quotas/quota';
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
