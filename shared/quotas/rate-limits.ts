import { ProblemError } from '../http/problem';

/**
 * Per-IP rate limits at the edge (issue 12, OWASP API4): AWS WAF rate-based rules on the CloudFront
 * distribution in front of the HTTP API (infra/cdk/stacks/api-waf-stack.ts). Pure definitions: the CDK
 * app reads the limits from context (same names as the environment variables), the WebACL enforces
 * them, and the OpenAPI document states them (`x-rate-limits`). They count requests per client IP
 * over a sliding window of `windowSeconds`; over the limit WAF answers 429 until the rate falls back.
 *
 * Two tiers: anonymous reads (GET without an Authorization header: the catalogue search, the public
 * record, proof verification) get the lower limit, so one scraper cannot starve anyone; every request
 * of an IP (signed in or not) counts toward the higher one, sized for a provider's office behind one
 * NAT address. Reading: per IP, not per token, because WAF sees no verified identity (the JWT is
 * checked later, by API Gateway); per-principal limits are the quotas (shared/quotas/quota.ts).
 */
export interface RateLimitDefinition {
  /** Stable id: WAF rule name suffix, OpenAPI extension. */
  id: string;
  envVar: string;
  defaultLimit: number;
  windowSeconds: 60 | 120 | 300 | 600;
  /** English, for the OpenAPI document and the README. */
  description: string;
}

export const RATE_LIMITS = {
  anonymous: {
    id: 'anonymous', envVar: 'RATE_LIMIT_ANONYMOUS_PER_IP_PER_5_MIN', defaultLimit: 600, windowSeconds: 300,
    description: 'GET requests without an Authorization header (catalogue search, public record, proof check) per client IP per 5 minutes',
  },
  all: {
    id: 'all', envVar: 'RATE_LIMIT_PER_IP_PER_5_MIN', defaultLimit: 6000, windowSeconds: 300,
    description: 'requests of any kind (signed in or not) per client IP per 5 minutes',
  },
} as const satisfies Record<string, RateLimitDefinition>;

export const rateLimitDefinitions: readonly RateLimitDefinition[] = Object.values(RATE_LIMITS);

export type RateLimits = Readonly<Record<string, number>>;

export const defaultRateLimits: RateLimits = Object.fromEntries(rateLimitDefinitions.map((limit) => [limit.id, limit.defaultLimit]));

/** Seconds a client over a rate limit is told to wait (WAF re-evaluates its rate every minute or so). */
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 60;

/** The problem document WAF returns with its 429 (the same shape as every other error of the API). */
export const rateLimitedProblem = () => new ProblemError(429, 'rate-limited', 'Te veel aanvragen',
  'Er kwamen te veel aanvragen van uw netwerkadres. Wacht een minuut en probeer het dan opnieuw.').toDocument();
