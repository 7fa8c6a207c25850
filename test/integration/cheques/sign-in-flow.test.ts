/**
 * Issue 12: the local issuer speaks the OIDC authorization code flow with PKCE (S256), state and nonce,
 * through the real local gateway, as a real identity provider would; its access token works on the API.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueRrn } from '../../support/ids';
import { api, stack } from '../../support/stack';

const b64 = (buffer: Buffer) => buffer.toString('base64url');
const redirectUri = 'http://127.0.0.1:4321/cheques/';

async function authorize(rrn: string, challenge: string) {
  const discovery = await (await fetch(`${stack().issuer}/.well-known/openid-configuration`)).json() as Record<string, string>;
  const query = new URLSearchParams({
    response_type: 'code', client_id: 'cheques-site', redirect_uri: redirectUri, scope: 'openid', state: 'st-1', nonce: 'no-1',
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  const page = await fetch(`${discovery.authorization_endpoint}?${query}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('name="code_challenge"');
  const form = new URLSearchParams({ ...Object.fromEntries(query), rrn });
  const posted = await fetch(discovery.authorization_endpoint ?? '', {
    method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual',
  });
  expect(posted.status).toBe(303);
  const location = new URL(posted.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(redirectUri);
  expect(location.searchParams.get('state')).toBe('st-1');
  expect(location.hash).toBe('');
  return { discovery, code: location.searchParams.get('code') ?? '' };
}

const exchange = (tokenEndpoint: string, fields: Record<string, string>) =>
  fetch(tokenEndpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:4321' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'cheques-site', redirect_uri: redirectUri, ...fields }).toString(),
  });

describe('OIDC code flow with PKCE on the local issuer', () => {
  it('issue 12: discovery → authorize → code → token with the verifier; the access token works; a code is single-use', async () => {
    const verifier = b64(randomBytes(48));
    const challenge = b64(createHash('sha256').update(verifier).digest());
    const { discovery, code } = await authorize(uniqueRrn(), challenge);
    expect(discovery).toMatchObject({ issuer: stack().issuer, code_challenge_methods_supported: ['S256'], response_types_supported: ['code'] });

    expect((await exchange(discovery.token_endpoint ?? '', { code, code_verifier: b64(randomBytes(48)) })).status).toBe(400);
    // The failed attempt used the code up.
    expect((await exchange(discovery.token_endpoint ?? '', { code, code_verifier: verifier })).status).toBe(400);

    const second = await authorize(uniqueRrn(), challenge);
    const response = await exchange(discovery.token_endpoint ?? '', { code: second.code, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4321');
    const tokens = await response.json() as { access_token: string; id_token: string; token_type: string };
    expect(tokens.token_type).toBe('Bearer');
    const idPayload = JSON.parse(Buffer.from(tokens.id_token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(idPayload).toMatchObject({ nonce: 'no-1', iss: stack().issuer });
    expect((await api('GET', '/v1/cheques/entitlement', { token: tokens.access_token })).status).toBe(200);
    expect((await exchange(discovery.token_endpoint ?? '', { code: second.code, code_verifier: verifier })).status).toBe(400);
  });

  it('issue 12: without PKCE, or to another host, the authorize endpoint refuses', async () => {
    const base = `${stack().issuer}/authorize`;
    const common = { response_type: 'code', client_id: 'cheques-site', scope: 'openid', state: 's', nonce: 'n' };
    const noPkce = await fetch(`${base}?${new URLSearchParams({ ...common, redirect_uri: redirectUri })}`);
    expect(noPkce.status).toBe(400);
    const foreign = await fetch(`${base}?${new URLSearchParams({
      ...common, redirect_uri: 'https://evil.example/cb', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256',
    })}`);
    expect(foreign.status).toBe(400);
  });
});
