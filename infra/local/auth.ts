import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';

/**
 * The local OIDC issuer: one ES256 signing key, created on first start under the data folder and kept,
 * so tokens printed by `npm run token` stay valid across restarts. The local gateway verifies tokens
 * against its JWKS exactly as API Gateway's JWT authorizer does (signature, issuer, audience, expiry).
 */
export const LOCAL_AUDIENCE = 'opleidingsincentives';
const ALG = 'ES256';

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
  if (existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
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
      const { payload } = await jwtVerify(token, keySet, { issuer: options.issuer, audience, algorithms: [ALG] });
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
