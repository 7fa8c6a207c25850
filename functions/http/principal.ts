import type { Operation, Role } from '../../shared/api/operation';
import { workerHash } from '../cheques/worker-hash';
import { resolveSecret } from '../config/secrets';
import type { Claims } from './claims';

/**
 * Who is calling, as the idempotency store and the quotas see it: the token's `sub` and its tenant —
 * the organisation (KBO number) for a provider, the keyed hash of the national register number for
 * a worker (never the number itself), `backoffice` for the back office. Scoping by tenant as well as
 * `sub` means two callers can never share a stored response or a quota, even if an identity provider
 * reused a `sub` (issue 12).
 */
export interface Principal {
  sub: string;
  role: Role | 'anonymous';
  tenant: string;
  organisation?: string;
  worker?: string;
}

/** The key of the worker hash: given (unit tests), else RRN_HMAC_SECRET(_ARN) of the function, fetched once. */
export type SecretSource = () => Promise<string>;

export const envRrnSecret: SecretSource = () => resolveSecret('RRN_HMAC_SECRET');

export async function principalOf(operation: Operation, claims: Claims | undefined, rrnSecret: SecretSource): Promise<Principal> {
  if (!claims || operation.auth.kind !== 'jwt') return { sub: claims?.sub ?? 'anonymous', role: 'anonymous', tenant: 'anonymous' };
  // The role this route is called in (the chain has already refused a token without one).
  const role = operation.auth.roles.find((allowed) => claims.roles.includes(allowed)) ?? 'anonymous';
  if (role === 'provider') {
    return { sub: claims.sub, role, tenant: `org:${claims.org ?? ''}`, ...(claims.org ? { organisation: claims.org } : {}) };
  }
  if (role === 'worker' && claims.rrn) {
    let hash: string | undefined;
    try { hash = workerHash(await rrnSecret(), claims.rrn); } catch (error) { if (!(error instanceof RangeError)) throw error; }
    if (hash) return { sub: claims.sub, role, tenant: `worker:${hash}`, worker: hash };
  }
  return { sub: claims.sub, role, tenant: role === 'backoffice' ? 'backoffice' : `${role}:none` };
}
