import { ProblemError } from '../../shared/http/problem';
import type { Operation } from '../../shared/api/operation';
import { countersFor, quotaExceededDetail, type QuotaLimits, type QuotaStore } from '../../shared/quotas/quota';
import { dynamoQuotaStore } from '../quotas/dynamo-quota-store';
import { quotaLimitsFromEnv } from '../quotas/limits';
import type { Principal } from './principal';

/**
 * Enforces the quotas an operation declares (shared/api/operation.ts `quotas`): increments the
 * principal's counters, or refuses with 429 problem+json and `Retry-After` (seconds until the
 * counter's day ends in Brussels). Runs after authentication and validation, inside the idempotency
 * guard, so a replay never counts.
 */
export async function enforceQuotas(
  operation: Operation,
  principal: Principal,
  store: QuotaStore,
  limits: QuotaLimits,
  now: Date,
): Promise<void> {
  if (!operation.quotas?.length) return;
  const counters = countersFor(operation.quotas, {
    ...(principal.organisation ? { organisation: principal.organisation } : {}),
    ...(principal.worker ? { worker: principal.worker } : {}),
  }, limits, now);
  const outcome = await store.consume(counters);
  if (outcome.ok) return;
  const { exceeded } = outcome;
  const retryAfter = Math.max(1, Math.ceil((exceeded.resetsAt - now.getTime()) / 1000));
  throw new ProblemError(429, 'quota-exceeded', 'Limiet bereikt', quotaExceededDetail(exceeded), {
    errors: [{ path: '', code: `quota.${exceeded.quota.id}`, message: quotaExceededDetail(exceeded) }],
    headers: { 'retry-after': String(retryAfter) },
  });
}

export interface QuotaOptions {
  /** The counters; default: DynamoDB table QUOTA_TABLE_NAME. */
  quotaStore?: QuotaStore;
  /** Default: the QUOTA_… variables over the defaults. */
  quotaLimits?: QuotaLimits;
}

/** The store and limits a handler with quota-bearing operations needs; fails at cold start without them. */
export function quotaSetup(operations: readonly Operation[], options: QuotaOptions, env: NodeJS.ProcessEnv = process.env) {
  if (!operations.some((op) => op.quotas?.length)) return undefined;
  const table = env.QUOTA_TABLE_NAME;
  if (!options.quotaStore && !table) throw new Error('apiHandler: QUOTA_TABLE_NAME (or a quotaStore) is required for operations with quotas');
  return {
    store: options.quotaStore ?? dynamoQuotaStore(table as string),
    limits: options.quotaLimits ?? quotaLimitsFromEnv(env),
  };
}
