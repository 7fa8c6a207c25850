import { timingSafeEqual } from 'node:crypto';
import { ProblemError } from '../../shared/http/problem';
import { resolveSecret } from '../config/secrets';

/**
 * The header CloudFront adds to every request it sends to the API (infra/cdk/stacks/api-edge-stack.ts).
 * A client's own header of that name is replaced by CloudFront's value.
 */
export const ORIGIN_VERIFY_HEADER = 'X-Origin-Verify';

/** Where the expected value comes from: given (tests), or ORIGIN_VERIFY_SECRET(_ARN); none = not checked (local stack). */
export type OriginVerifySource = (() => Promise<string>) | undefined;

export function envOriginVerify(env: NodeJS.ProcessEnv = process.env): OriginVerifySource {
  if (!env.ORIGIN_VERIFY_SECRET && !env.ORIGIN_VERIFY_SECRET_ARN) return undefined;
  return () => resolveSecret('ORIGIN_VERIFY_SECRET', env);
}

/**
 * Issue 12: the direct execute-api address bypasses the WAF (rate tiers, managed rules); a request that
 * did not come through CloudFront is refused before anything is read or written.
 */
export async function assertThroughEdge(source: OriginVerifySource, headers: Record<string, string | undefined> | undefined): Promise<void> {
  if (!source) return;
  const expected = Buffer.from(await source(), 'utf8');
  const given = Buffer.from(headers?.[ORIGIN_VERIFY_HEADER.toLowerCase()] ?? '', 'utf8');
  if (given.length === expected.length && timingSafeEqual(given, expected)) return;
  throw new ProblemError(403, 'not-through-edge', 'Verkeerd adres',
    'Gebruik het publieke adres van de API; dit adres beantwoordt geen aanvragen rechtstreeks.');
}
