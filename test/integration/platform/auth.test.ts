import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { api, stack, tokenFor } from '../../support/stack';

describe('the local gateway verifies tokens as the API Gateway JWT authorizer does', () => {
  it('200 with a good token, and the handler sees the verified claims', async () => {
    const token = await tokenFor({ sub: 'p-1', roles: ['provider'], org: '0403170701' });
    const response = await api('GET', '/v1/me', { token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sub: 'p-1', roles: ['provider'], org: '0403170701' });
  });

  it('401 without a token', async () => {
    const response = await api('GET', '/v1/me');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'Unauthorized' });
  });

  it('401 for an expired token', async () => {
    const token = await tokenFor({ sub: 'p-1', roles: ['provider'], org: '0403170701' }, -60);
    expect((await api('GET', '/v1/me', { token })).status).toBe(401);
  });

  it('401 for a forged signature (right claims, another key)', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const info = stack();
    const forged = await new SignJWT({ roles: ['backoffice'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(info.issuer).setAudience(info.audience).setSubject('intruder')
      .setIssuedAt().setExpirationTime('1h').sign(privateKey);
    expect((await api('GET', '/v1/me', { token: forged })).status).toBe(401);
  });

  it('401 for a wrong audience', async () => {
    const { localIssuer } = await import('../../../infra/local/auth');
    const { join } = await import('node:path');
    const info = stack();
    const other = await localIssuer({ keyFile: join(info.dataDir, 'auth', 'signing-key.json'), issuer: info.issuer, audience: 'another-api' });
    const token = await other.sign({ sub: 'p-1', roles: ['provider'], org: '0403170701' });
    expect((await api('GET', '/v1/me', { token })).status).toBe(401);
  });

  it('401 for a tampered payload', async () => {
    const token = await tokenFor({ sub: 'w-1', roles: ['worker'], rrn: '85073003328' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.roles = ['backoffice'];
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect((await api('GET', '/v1/me', { token: tampered })).status).toBe(401);
  });
});
