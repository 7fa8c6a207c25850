import { beforeAll, describe, expect, it } from 'vitest';
import { api, backofficeToken, expectStatus, providerToken, tokenFor, workerToken } from '../../support/stack';
import { uniqueKbo, uniqueRrn } from '../../support/ids';
import { applicationBody, createDraft, organisationBody, providerWithOrganisation, storedApplication, type Provider } from './support';

/** R-ORG-1: only providers with an `org` claim reach these routes; an organisation never sees another's data. */
describe('authorization matrix of the provider routes', () => {
  let a: Provider;
  let b: Provider;
  let appOfA: string;
  let worker: string;
  let backoffice: string;

  beforeAll(async () => {
    a = await providerWithOrganisation(uniqueKbo());
    b = await providerWithOrganisation(uniqueKbo());
    appOfA = (await createDraft(a)).id;
    worker = await workerToken(uniqueRrn());
    backoffice = await backofficeToken();
  });

  const routes = (id: string): Array<{ method: string; path: string; body?: unknown; ownObject: boolean }> => [
    { method: 'GET', path: '/v1/organisation', ownObject: false },
    { method: 'PUT', path: '/v1/organisation', body: organisationBody(), ownObject: false },
    { method: 'POST', path: '/v1/organisation/lms-document', body: { name: 'lms.pdf', contentType: 'application/pdf', size: 10 }, ownObject: false },
    { method: 'POST', path: '/v1/applications', body: applicationBody(), ownObject: false },
    { method: 'GET', path: '/v1/applications', ownObject: false },
    { method: 'GET', path: `/v1/applications/${id}`, ownObject: true },
    { method: 'PUT', path: `/v1/applications/${id}`, body: applicationBody(), ownObject: true },
    { method: 'POST', path: `/v1/applications/${id}/check`, ownObject: true },
    { method: 'POST', path: `/v1/applications/${id}/documents`, body: { name: 'a.pdf', contentType: 'application/pdf', size: 10 }, ownObject: true },
    { method: 'POST', path: `/v1/applications/${id}/documents/00000000-0000-4000-8000-000000000000/confirm`, ownObject: true },
    { method: 'POST', path: `/v1/applications/${id}/submit`, ownObject: true },
    { method: 'DELETE', path: `/v1/applications/${id}`, ownObject: true },
  ];

  it('R-ORG-1: anonymous → 401, worker and back office → 403 on every provider route', async () => {
    for (const route of routes(appOfA)) {
      const anonymous = await api(route.method, route.path, { body: route.body });
      expect(anonymous.status, `${route.method} ${route.path} anonymous`).toBe(401);
      for (const token of [worker, backoffice]) {
        const response = await api(route.method, route.path, { token, body: route.body });
        expect(response.status, `${route.method} ${route.path}`).toBe(403);
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    }
  });

  it('R-ORG-1: provider B gets 404 (not 403) for every route on provider A\'s application, and changes nothing', async () => {
    const before = await storedApplication(appOfA);
    for (const route of routes(appOfA).filter((r) => r.ownObject)) {
      const response = await api(route.method, route.path, { token: b.token, body: route.body });
      expect(response.status, `${route.method} ${route.path}`).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    expect(await storedApplication(appOfA)).toEqual(before);
    const list = await api('GET', '/v1/applications', { token: b.token });
    expectStatus(list, 200);
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(appOfA);
  });

  it('R-ORG-1: provider A reaches its own application', async () => {
    const response = await api('GET', `/v1/applications/${appOfA}`, { token: a.token });
    expectStatus(response, 200);
    expect(response.body.id).toBe(appOfA);
  });

  it('R-ORG-1: a provider token without a valid org claim → 403', async () => {
    const noOrg = await tokenFor({ sub: 'p-no-org', roles: ['provider'] });
    const badOrg = await tokenFor({ sub: 'p-bad-org', roles: ['provider'], org: '0123456789' });
    for (const token of [noOrg, badOrg]) {
      expect((await api('GET', '/v1/applications', { token })).status).toBe(403);
      expect((await api('POST', '/v1/applications', { token, body: applicationBody() })).status).toBe(403);
    }
  });

  it('an unknown id is 404 and a malformed id is 400', async () => {
    expect((await api('GET', '/v1/applications/00000000-0000-4000-8000-000000000000', { token: a.token })).status).toBe(404);
    const malformed = await api('GET', '/v1/applications/not-an-id', { token: a.token });
    expectStatus(malformed, 400);
    expect(malformed.body.errors?.[0]?.path).toBe('path.id');
  });

  it('a provider reads a profile only after filling it in (404 before)', async () => {
    const token = await providerToken(uniqueKbo());
    expect((await api('GET', '/v1/organisation', { token })).status).toBe(404);
  });
});
