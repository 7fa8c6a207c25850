import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';

/**
 * The local OIDC issuer: one RS256 signing key (what API Gateway's JWT authorizer verifies, so a flow
 * that passes locally passes in AWS), created on first start under the data folder and kept, so tokens
 * printed by `npm run token` stay valid across restarts. The local gateway verifies tokens against its
 * JWKS as strictly as the JWT authorizer: RS256 signature by a key named in `kid`, issuer, audience,
 * `exp` (required, not passed), `iat` (required, not in the future), `nbf`, and `sub` (issue 12).
 */
export const LOCAL_AUDIENCE = 'opleidingsincentives';
export const LOCAL_SIGNING_ALG = 'RS256';
const ALG = LOCAL_SIGNING_ALG;

export interface LocalIssuer {
  issuer: string;
  audience: string;
  jwks: { keys: JWK[] };
  sign(claims: TokenClaims, expiresInSeconds?: number): Promise<string>;
  verify(token: string): Promise<JWTPayload>;
}

export interface TokenClaims {
  sub?: string;
  roles: string[];
  org?: string;
  rrn?: string;
  email?: string;
  name?: string;
}

export async function loadOrCreateKey(keyFile: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  if (existsSync(keyFile)) {
    const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
    // a key of an older data folder (ES256) is replaced: its tokens would not pass in AWS either
    if (stored.publicJwk.alg === ALG) return stored;
  }
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
  const kid = randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, JSON.stringify({ privateJwk, publicJwk }, null, 2), { mode: 0o600 });
  return { privateJwk, publicJwk };
}

export async function localIssuer(options: { keyFile: string; issuer: string; audience?: string }): Promise<LocalIssuer> {
  const { privateJwk, publicJwk } = await loadOrCreateKey(options.keyFile);
  const privateKey = await importJWK(privateJwk, ALG);
  const jwks = { keys: [publicJwk] };
  const keySet = createLocalJWKSet(jwks);
  const audience = options.audience ?? LOCAL_AUDIENCE;
  return {
    issuer: options.issuer,
    audience,
    jwks,
    async sign(claims, expiresInSeconds = 3600) {
      const { sub, ...rest } = claims;
      return new SignJWT({ ...rest })
        .setProtectedHeader({ alg: ALG, kid: publicJwk.kid as string, typ: 'JWT' })
        .setIssuer(options.issuer)
        .setAudience(audience)
        .setSubject(sub ?? `local-${claims.roles.join('-')}-${claims.org ?? randomUUID().slice(0, 8)}`)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
        .setJti(randomUUID())
        .sign(privateKey);
    },
    async verify(token) {
      const { payload, protectedHeader } = await jwtVerify(token, keySet, {
        issuer: options.issuer, audience, algorithms: [ALG], requiredClaims: ['exp', 'iat', 'sub'],
      });
      if (typeof protectedHeader.kid !== 'string' || protectedHeader.kid === '') throw new Error('token without kid');
      if ((payload.iat as number) > Math.floor(Date.now() / 1000)) throw new Error('token issued in the future');
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('token without sub');
      return payload;
    },
  };
}

/** Parses `--expires-in` values: `3600`, `90s`, `15m`, `12h`, `7d`, and negative ones for expired test tokens. */
export function parseDuration(value: string): number {
  const match = /^(-?\d+)([smhd]?)$/.exec(value.trim());
  if (!match) throw new Error(`Not a duration: "${value}" (use e.g. 3600, 15m, 12h, 7d)`);
  const amount = Number(match[1]);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return amount * unit;
}

/**
 * The local `sub` of a worker: a keyed hash of the national register number (as the sign-in page
 * derives it), so two workers never share a subject (issue 12: `worker-<last four digits>` let two
 * workers see each other's idempotent responses) and the number never appears in a token's subject.
 */
export function localWorkerSubject(secret: string, rrn: string): string {
  const digits = rrn.replace(/\D/g, '');
  return `worker-${createHmac('sha256', secret).update(digits).digest('hex').slice(0, 20)}`;
}
