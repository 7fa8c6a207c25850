import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Role } from '../../shared/api/operation';

export interface Claims {
  sub: string;
  roles: Role[];
  /** The provider's KBO number. */
  org?: string;
  /** The worker's national register number: use it, never log or store it in plain text. */
  rrn?: string;
  email?: string;
  /** The identity provider vouches for `email` (OIDC `email_verified`). */
  emailVerified?: boolean;
}

const ROLES: readonly Role[] = ['provider', 'worker', 'backoffice'];
const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * The `roles` claim, matched exactly (issue 12). API Gateway's JWT authorizer passes an array claim as
 * the string "[a b]", so `["provider backoffice"]` and `["provider", "backoffice"]` arrive the same:
 * such a value is ambiguous and grants NO role (403), instead of being split on spaces or commas. A
 * token carries one role (`"provider"`, `["provider"]` → "[provider]"), or a real or JSON array whose
 * every element is exactly a role code; anything else grants nothing.
 */
export function parseRoleClaim(value: unknown): Role[] {
  const exactly = (list: unknown[]): Role[] => (list.length > 0 && list.every(isRole) ? [...new Set(list)] : []);
  if (Array.isArray(value)) return exactly(value);
  if (typeof value !== 'string') return [];
  if (isRole(value)) return [value];
  if (value.startsWith('[') && value.endsWith(']')) {
    const inner = value.slice(1, -1);
    if (inner.startsWith('"')) {
      try {
        const parsed: unknown = JSON.parse(value);
        return Array.isArray(parsed) ? exactly(parsed) : [];
      } catch {
        return [];
      }
    }
    return isRole(inner) ? [inner] : [];
  }
  return [];
}


export function claimsOf(event: Partial<APIGatewayProxyEventV2WithJWTAuthorizer>): Claims | undefined {
  const raw = event.requestContext?.authorizer?.jwt?.claims;
  if (!raw || typeof raw.sub !== 'string') return undefined;
  const roles = parseRoleClaim(raw.roles);
  const text = (key: string) => (typeof raw[key] === 'string' && raw[key] !== '' ? String(raw[key]) : undefined);
  const org = text('org');
  const rrn = text('rrn');
  const email = text('email');
  const emailVerified = raw.email_verified === true || raw.email_verified === 'true';
  return { sub: raw.sub, roles, ...(org ? { org } : {}), ...(rrn ? { rrn } : {}), ...(email ? { email, emailVerified } : {}) };
}
