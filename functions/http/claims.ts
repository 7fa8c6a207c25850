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

/**
 * API Gateway's JWT authorizer passes claims as strings; an array claim arrives as "[a b]".
 * Read both that and a real array.
 */
export function parseListClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    const inner = trimmed.slice(1, -1).trim();
    if (inner.startsWith('"')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (Array.isArray(parsed)) return parsed.map(String);
      } catch {
        /* fall through to space-separated */
      }
    }
    return inner.split(/[\s,]+/).filter(Boolean);
  }
  return trimmed.split(/[\s,]+/).filter(Boolean);
}

const ROLES: readonly Role[] = ['provider', 'worker', 'backoffice'];

export function claimsOf(event: Partial<APIGatewayProxyEventV2WithJWTAuthorizer>): Claims | undefined {
  const raw = event.requestContext?.authorizer?.jwt?.claims;
  if (!raw || typeof raw.sub !== 'string') return undefined;
  const roles = parseListClaim(raw.roles).filter((role): role is Role => (ROLES as string[]).includes(role));
  const text = (key: string) => (typeof raw[key] === 'string' && raw[key] !== '' ? String(raw[key]) : undefined);
  const org = text('org');
  const rrn = text('rrn');
  const email = text('email');
  const emailVerified = raw.email_verified === true || raw.email_verified === 'true';
  return { sub: raw.sub, roles, ...(org ? { org } : {}), ...(rrn ? { rrn } : {}), ...(email ? { email, emailVerified } : {}) };
}
