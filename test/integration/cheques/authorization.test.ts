/** Own data only (api.md): another worker's request is 404; providers and back office 403; no token 401. */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, backofficeToken, bodyAt, expectStatus, providerToken, tokenFor, workerToken } from '../../support/stack';
import { uniqueKbo, uniqueRrn } from '../../support/ids';
import { requestBody, seedRegistration, uniqueEmail } from './support';

let requestId: string;
let ownerToken: string;

beforeAll(async () => {
  const { odbNumber } = await seedRegistration({ chequeCategory: 'basicSkills' });
  ownerToken = await workerToken(uniqueRrn());
  const created = await api('POST', '/v1/cheque-requests', { token: ownerToken, body: requestBody(odbNumber, 4_000, uniqueEmail()) });
  expectStatus(created, 201);
  requestId = created.body.id;
});

describe('authorization of the worker routes', () => {
  it("a worker never sees another worker's request (404) nor lists it", async () => {
    const other = await workerToken(uniqueRrn());
    expect((await api('GET', `/v1/cheque-requests/${requestId}`, { token: ownerToken })).status).toBe(200);
    const response = await api('GET', `/v1/cheque-requests/${requestId}`, { token: other });
    expectStatus(response, 404);
    expect(bodyAt(await api('GET', '/v1/cheque-requests', { token: other }), 200).items).toEqual([]);
  });

  it('the same person with another token (same national register number) sees their own request', async () => {
    const list = await api('GET', '/v1/cheque-requests', { token: ownerToken });
    expectStatus(list, 200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([requestId]);
  });

  it('providers and the back office get 403 on every worker route', async () => {
    for (const token of [await providerToken(uniqueKbo()), await backofficeToken()]) {
      expect((await api('GET', '/v1/cheques/entitlement', { token })).status).toBe(403);
      expect((await api('GET', '/v1/cheque-requests', { token })).status).toBe(403);
      expect((await api('GET', `/v1/cheque-requests/${requestId}`, { token })).status).toBe(403);
      expect((await api('POST', '/v1/cheque-requests', { token, body: requestBody('ODB-A000001', 100, uniqueEmail()) })).status).toBe(403);
    }
  });

  it('anonymous callers and expired tokens get 401', async () => {
    const expired = await tokenFor({ sub: 'w', roles: ['worker'], rrn: uniqueRrn() }, -60);
    for (const token of [undefined, expired, 'not-a-jwt']) {
      expect((await api('GET', '/v1/cheques/entitlement', token ? { token } : {})).status).toBe(401);
      expect((await api('GET', `/v1/cheque-requests/${requestId}`, token ? { token } : {})).status).toBe(401);
      expect((await api('POST', '/v1/cheque-requests', { ...(token ? { token } : {}), body: {} })).status).toBe(401);
    }
  });

  it('a worker token without a valid national register number is 403', async () => {
    const token = await tokenFor({ sub: 'w-bad', roles: ['worker'], rrn: '12345678901' });
    expect((await api('GET', '/v1/cheques/entitlement', { token })).status).toBe(403);
  });
});
