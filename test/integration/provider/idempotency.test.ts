import { describe, expect, it } from 'vitest';
import { api, expectStatus } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import { applicationBody, applicationsOf, providerWithOrganisation } from './support';

describe('Idempotency-Key on the provider POSTs', () => {
  it('a replay of POST /v1/applications with the same key returns the same status and body and creates nothing new', async () => {
    // Prepare
    const provider = await providerWithOrganisation(uniqueKbo());
    const body = applicationBody();
    const headers = { 'idempotency-key': 'create-replay' };

    // Act
    const first = await api('POST', '/v1/applications', { token: provider.token, body, headers });
    const second = await api('POST', '/v1/applications', { token: provider.token, body, headers });

    // Assess
    expectStatus(first, 201);
    expectStatus(second, 201);
    expect(second.text).toBe(first.text);
    expect(await applicationsOf(provider.kbo)).toHaveLength(1);
  });

  it('10 parallel duplicates create exactly one application', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const body = applicationBody();
    const responses = await Promise.all(Array.from({ length: 10 }, () =>
      api('POST', '/v1/applications', { token: provider.token, body, headers: { 'idempotency-key': 'create-parallel' } })));
    expect(await applicationsOf(provider.kbo)).toHaveLength(1);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    for (const r of responses.filter((x) => x.status !== 201)) {
      expectStatus(r, 409);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });

  it('the same key with another body → 422', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const headers = { 'idempotency-key': 'create-other-body' };
    expect((await api('POST', '/v1/applications', { token: provider.token, body: applicationBody({ title: 'Een' }), headers })).status).toBe(201);
    const other = await api('POST', '/v1/applications', { token: provider.token, body: applicationBody({ title: 'Twee' }), headers });
    expectStatus(other, 422);
    expect(other.body.type).toMatch(/idempotency-key-reused/);
    expect(await applicationsOf(provider.kbo)).toHaveLength(1);
  });

  it('R-SUB-1: a submit replayed with the same key returns the same response', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const created = await api('POST', '/v1/applications', { token: provider.token, body: applicationBody() });
    const headers = { 'idempotency-key': 'submit-replay' };
    expectStatus(created, 201);
    const first = await api('POST', `/v1/applications/${created.body.id}/submit`, { token: provider.token, headers });
    const second = await api('POST', `/v1/applications/${created.body.id}/submit`, { token: provider.token, headers });
    expectStatus(first, 200);
    expect(second.text).toBe(first.text);
  });

  it('a document slot replayed with the same key is the same slot', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const created = await api('POST', '/v1/applications', { token: provider.token, body: applicationBody() });
    const body = { name: 'programma.pdf', contentType: 'application/pdf', size: 1234 };
    const headers = { 'idempotency-key': 'slot-replay' };
    expectStatus(created, 201);
    const first = await api('POST', `/v1/applications/${created.body.id}/documents`, { token: provider.token, body, headers });
    const second = await api('POST', `/v1/applications/${created.body.id}/documents`, { token: provider.token, body, headers });
    expectStatus(first, 201);
    expectStatus(second, 201);
    expect(second.body.document.id).toBe(first.body.document.id);
    const app = await api('GET', `/v1/applications/${created.body.id}`, { token: provider.token });
    expectStatus(app, 200);
    expect(app.body.documents).toHaveLength(1);
  });
});
