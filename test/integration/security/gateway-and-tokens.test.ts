/**
 * Issue 12 (low): the local gateway is as strict as API Gateway — JWTs need RS256 by a `kid` of the
 * JWKS, `exp`, `iat` (not in the future) and `sub`; role claims match exactly; malformed
 * percent-encoding is 400 and a body over 10 MB is 413, never a 500; a crafted cursor on any paged
 * route of the contract is 400.
 */
import { join } from 'node:path';
import { SignJWT, decodeProtectedHeader, importJWK, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateKey } from '../../../infra/local/auth';
import { gsi } from '../../../functions/storage/keys';
import { operations } from '../../../shared/api/contract';
import type { Operation, Role } from '../../../shared/api/operation';
import { uniqueKbo, uniqueRrn } from '../../support/ids';
import { backofficeToken, bodyAt, expectStatus, providerToken, stack, tokenFor, workerToken } from '../../support/stack';
import { attackClient } from './support';

const { call } = attackClient('gateway and tokens');

let sign: (payload: JWTPayload, header?: Record<string, unknown>) => Promise<string>;
beforeAll(async () => {
  const info = stack();
  const { privateJwk, publicJwk } = await loadOrCreateKey(join(info.dataDir, 'auth', 'signing-key.json'));
  const key = await importJWK(privateJwk, 'RS256');
  sign = (payload, header = { alg: 'RS256', kid: publicJwk.kid }) =>
    new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(key);
});

const now = () => Math.floor(Date.now() / 1000);
const base = () => ({ iss: stack().issuer, aud: stack().audience, sub: 'p-strict', roles: ['provider'], org: '0403170701', iat: now() - 5, exp: now() + 600 });

describe('issue 12: local JWT checks as strict as the API Gateway JWT authorizer', () => {
  it('the local issuer signs RS256 with a kid; such a token passes', async () => {
    const token = await tokenFor({ sub: 'p-1', roles: ['provider'], org: '0403170701' });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect((await call('GET', '/v1/me', { token: await sign(base()) })).status).toBe(200);
  });

  it.each([
    ['without exp', (p: JWTPayload) => { delete p.exp; }],
    ['without iat', (p: JWTPayload) => { delete p.iat; }],
    ['issued in the future', (p: JWTPayload) => { p.iat = now() + 3600; }],
    ['without sub', (p: JWTPayload) => { delete p.sub; }],
    ['not yet valid (nbf)', (p: JWTPayload) => { p.nbf = now() + 3600; }],
  ])('401 for a token %s', async (_what, change) => {
    const payload = base();
    change(payload);
    expect((await call('GET', '/v1/me', { token: await sign(payload) })).status).toBe(401);
  });

  it('401 for a token without kid, and for alg "none"', async () => {
    expect((await call('GET', '/v1/me', { token: await sign(base(), { alg: 'RS256' }) })).status).toBe(401);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(base())).toString('base64url')}.`;
    expect((await call('GET', '/v1/me', { token: none })).status).toBe(401);
  });

  it('role claims match exactly: ["provider backoffice"] grants neither role (403), "[provider]" works', async () => {
    const token = await tokenFor({ sub: `p-${uniqueKbo()}`, roles: ['provider backoffice'], org: uniqueKbo() });
    expect((await call('GET', '/v1/backoffice/applications', { token })).status).toBe(403);
    expect((await call('GET', '/v1/applications', { token })).status).toBe(403);
    const commas = await tokenFor({ sub: 'p-commas', roles: ['provider,backoffice'], org: uniqueKbo() });
    expect((await call('GET', '/v1/backoffice/applications', { token: commas })).status).toBe(403);
    expect((await call('GET', '/v1/applications', { token: await providerToken(uniqueKbo()) })).status).toBe(200);
  });
});

describe('issue 12: the local gateway answers bad requests as API Gateway does', () => {
  it('malformed percent-encoding in a path parameter is 400, not 500', async () => {
    const token = await workerToken(uniqueRrn());
    for (const path of ['/v1/cheque-requests/%', '/v1/cheque-requests/%E0%A4%A', '/v1/cheque-requests/%ZZ']) {
      const response = await call('GET', path, { token });
      expect(response.status, path).toBe(400);
    }
    expect((await call('GET', '/v1/trainings/%')).status).toBe(400);
  });

  it('a body over 10 MB is 413; nothing reaches the handler', async () => {
    const token = await providerToken(uniqueKbo());
    const big = `{"title":"${'a'.repeat(10 * 1024 * 1024)}"}`;
    const response = await call('POST', '/v1/applications', { token, rawBody: big, headers: { 'content-type': 'application/json' } });
    expectStatus(response, 413);
    expect(bodyAt(await call('GET', '/v1/applications', { token }), 200).items).toEqual([]);
  });
});

/** Paged routes: every operation of the contract whose query takes a `cursor`. */
const paged = operations.filter((op) => op.method === 'GET' && op.query && 'cursor' in ((op.query as unknown as { shape?: object }).shape ?? {}));
const tokenForRole = async (op: Operation): Promise<string | undefined> => {
  if (op.auth.kind !== 'jwt') return undefined;
  const role = op.auth.roles[0] as Role;
  if (role === 'provider') return providerToken(uniqueKbo());
  if (role === 'worker') return workerToken(uniqueRrn());
  return backofficeToken();
};
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const craftedCursors = [
  b64({ gsi1pk: 'ORG#0403170701#APPS', foo: 'bar' }),
  b64({ pk: { S: 'APP#1' }, sk: 'x', gsi1pk: 'x', gsi1sk: 'x' }),
  b64({ pk: 'APP#1', sk: 'APP', gsi1pk: 'ORG#0202239951#APPS', gsi1sk: '2026' }),
  b64({ pk: 'APP#1', sk: 'APP', gsi2pk: 'STATUS#screening', gsi2sk: '2026', extra: 'x' }),
  b64([1, 2, 3]),
  b64('null'),
  b64('{"o":-1}'),
  b64('{"o":1.5}'),
  b64('not json'),
  'AAAA',
];

describe('issue 12: a crafted cursor is 400 on every paged route of the contract', () => {
  it('the contract has paged routes', () => {
    expect(paged.map((op) => op.path)).toEqual(expect.arrayContaining(['/v1/applications', '/v1/backoffice/applications', '/v1/registrations', '/v1/trainings']));
  });
  for (const op of paged) {
    it(`${op.method} ${op.path}: crafted cursors → 400 problem+json`, async () => {
      const token = await tokenForRole(op);
      for (const cursor of craftedCursors) {
        const response = await call('GET', `${op.path}?cursor=${encodeURIComponent(cursor)}`, token ? { token } : {});
        expect(response.status, `${cursor}: ${response.text}`).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    });
  }
});

describe('issue 12: a cursor of the caller\'s own partition with a wrong key set is 400, not a DynamoDB error (500)', () => {
  it('GET /v1/applications and the back-office queue', async () => {
    const kbo = uniqueKbo();
    const provider = await providerToken(kbo);
    const ownPartition = gsi.orgApplications(kbo);
    for (const key of [
      { gsi1pk: ownPartition, gsi1sk: '2026-12-01', foo: 'bar' },
      { gsi1pk: ownPartition },
      { pk: 'APP#x', sk: 'APP', gsi1pk: ownPartition, gsi1sk: '2026', extra: 'x' },
    ]) {
      const response = await call('GET', `/v1/applications?cursor=${b64(key)}`, { token: provider });
      expectStatus(response, 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'query.cursor', code: 'invalid_cursor' })]);
    }
    const queue = gsi.applicationStatus('screening');
    for (const key of [{ gsi2pk: queue, gsi2sk: '2026', foo: 'bar' }, { gsi2pk: queue }]) {
      const response = await call('GET', `/v1/backoffice/applications?cursor=${b64(key)}`, { token: await backofficeToken() });
      expect(response.status, response.text).toBe(400);
    }
  });
});
