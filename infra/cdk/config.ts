import type { Node } from 'constructs';
import { quotaDefinitions } from '../../shared/quotas/quota';
import { rateLimitDefinitions, type RateLimits } from '../../shared/quotas/rate-limits';

/**
 * Deployment settings, read once from CDK context (`cdk.json` holds the defaults; override with
 * `-c key=value`). Nothing here is a secret: secrets live in Secrets Manager under the names below.
 */
export interface DeployConfig {
  /** `prod` turns on deletion protection and RETAIN; anything else is a throwaway environment. */
  stage: string;
  production: boolean;
  region: string;
  /** Mail domain (SES identity) and, with `siteCertificateArn`, the site's domain. */
  domain: string;
  /** Sender address of every mail; must be in `domain`. */
  senderAddress: string;
  /** Sender address of the cheques service's mails to workers (CHEQUES_MAIL_FROM); must be in `domain`. */
  chequesSenderAddress: string;
  /** Public URL of the site (links in mails, CORS origin of the API and of the presigned POST). */
  siteUrl: string;
  /** ACM certificate in us-east-1 for `domain`; without it the site is served on its CloudFront domain. */
  siteCertificateArn: string | undefined;
  oidcIssuer: string;
  oidcAudience: string[];
  /** The worker page's OIDC client id (authorization code flow with PKCE); default: the first audience. */
  oidcClientId: string;
  /** The scopes the worker page asks for (space-separated, `openid` included). */
  oidcScopes: string;
  rrnHmacSecretName: string;
  issuerWebhookSecretName: string;
  /** Secret with the value CloudFront adds as X-Origin-Verify to API requests. */
  originVerifySecretName: string;
  issuerWebhookUrl: string;
  alarmEmail: string | undefined;
  logRetentionDays: number;
  apiThrottle: { rateLimit: number; burstLimit: number };
  /** Per-principal quotas (shared/quotas/quota.ts), by environment variable: `-c QUOTA_DRAFTS_PER_ORGANISATION_PER_DAY=80`. */
  quotaLimits: Record<string, string>;
  /**
   * Per-IP rate limits of the WAF in front of the API (shared/quotas/rate-limits.ts), by id; set by
   * context under their environment variable names: `-c RATE_LIMIT_ANONYMOUS_PER_IP_PER_5_MIN=300`.
   */
  rateLimits: RateLimits;
  /** Region of the CLOUDFRONT-scope WebACL: always us-east-1 (AWS requires it); a context value only for tests. */
  edgeRegion: string;
}

function text(node: Node, key: string, fallback?: string): string {
  const value: unknown = node.tryGetContext(key);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  if (fallback !== undefined) return fallback;
  throw new Error(`Missing CDK context value "${key}" (set it in cdk.json or pass -c ${key}=...)`);
}

function optional(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function list(node: Node, key: string): string[] {
  const value: unknown = node.tryGetContext(key);
  if (Array.isArray(value)) return value.map(String).filter((v) => v !== '');
  if (typeof value === 'string' && value.trim() !== '') {
    // `-c key=a,b` or `-c key=["a","b"]`
    if (value.trim().startsWith('[')) return (JSON.parse(value) as unknown[]).map(String);
    return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  }
  throw new Error(`Missing CDK context value "${key}"`);
}

function integer(node: Node, key: string, fallback: number): number {
  const raw = optional(node, key) ?? (typeof node.tryGetContext(key) === 'number' ? String(node.tryGetContext(key)) : undefined);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`CDK context "${key}" must be a positive integer`);
  return value;
}

export function readConfig(node: Node): DeployConfig {
  const stage = text(node, 'stage', 'prod');
  const domain = text(node, 'domain');
  const senderAddress = text(node, 'senderAddress', `opleidingsdatabank@${domain}`);
  if (!senderAddress.toLowerCase().endsWith(`@${domain.toLowerCase()}`)) {
    throw new Error(`senderAddress ${senderAddress} must be an address of the SES domain ${domain}`);
  }
  const chequesSenderAddress = text(node, 'chequesSenderAddress', `opleidingscheques@${domain}`);
  if (!chequesSenderAddress.toLowerCase().endsWith(`@${domain.toLowerCase()}`)) {
    throw new Error(`chequesSenderAddress ${chequesSenderAddress} must be an address of the SES domain ${domain}`);
  }
  return {
    stage,
    production: stage === 'prod',
    region: text(node, 'region', 'eu-west-1'),
    domain,
    senderAddress,
    chequesSenderAddress,
    siteUrl: text(node, 'siteUrl', `https://${domain}`),
    siteCertificateArn: optional(node, 'siteCertificateArn'),
    oidcIssuer: text(node, 'oidcIssuer'),
    oidcAudience: list(node, 'oidcAudience'),
    oidcClientId: text(node, 'oidcClientId', list(node, 'oidcAudience')[0] ?? 'cheques-site'),
    oidcScopes: text(node, 'oidcScopes', 'openid'),
    rrnHmacSecretName: text(node, 'rrnHmacSecretName'),
    issuerWebhookSecretName: text(node, 'issuerWebhookSecretName'),
    originVerifySecretName: text(node, 'originVerifySecretName', 'opleidingsincentives/api-origin-verify'),
    issuerWebhookUrl: text(node, 'issuerWebhookUrl'),
    alarmEmail: optional(node, 'alarmEmail'),
    logRetentionDays: integer(node, 'logRetentionDays', 30),
    apiThrottle: { rateLimit: integer(node, 'apiRateLimit', 50), burstLimit: integer(node, 'apiBurstLimit', 100) },
    quotaLimits: Object.fromEntries(quotaDefinitions.map((quota) => [quota.envVar, String(integer(node, quota.envVar, quota.defaultLimit))])),
    rateLimits: Object.fromEntries(rateLimitDefinitions.map((limit) => {
      const value = integer(node, limit.envVar, limit.defaultLimit);
      // AWS WAF: a rate-based rule's limit is 10 … 2,000,000,000 requests per window
      if (value < 10 || value > 2_000_000_000) throw new Error(`CDK context "${limit.envVar}" must be between 10 and 2000000000 (AWS WAF rate-based rule)`);
      return [limit.id, value];
    })),
    edgeRegion: text(node, 'edgeRegion', 'us-east-1'),
  };
}
