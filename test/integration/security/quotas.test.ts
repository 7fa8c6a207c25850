/**
 * Issue 12 (OWASP API4, API6): per-principal quotas over the real gateway and DynamoDB Local. The
 * limits are read from the OpenAPI document (`x-quotas`), so the document and the behaviour cannot
 * drift; the refused call is 429 problem+json with Retry-After and creates nothing.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { uniqueKbo, uniqueRrn } from '../../support/ids';
import { bodyAt, expectStatus, workerToken } from '../../support/stack';
import { requestBody, seedRegistration, uniqueEmail } from '../cheques/support';
import { applicationBody, applicationsOf, providerWithOrganisation } from '../provider/support';
import { attackClient } from './support';

const { call } = attackClient('quotas');

/** The part of the OpenAPI document this suite reads: each operation's `x-quotas` (the contract types paths loosely). */
const quotaDocument = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.looseObject({ 'x-quotas': z.array(z.object({ id: z.string(), limit: z.number().int() })).optional() }))),
});
let doc: z.infer<typeof quotaDocument>;
const limitOf = (path: string, method: string, id: string): number => {
  const quota = doc.paths[path]?.[method]?.['x-quotas']?.find((q) => q.id === id);
  if (!quota) throw new Error(`no quota ${id} on ${method} ${path} in the OpenAPI document`);
  return quota.limit;
};

beforeAll(async () => {
  doc = quotaDocument.parse(bodyAt(await call('GET', '/v1/openapi.json'), 200));
});

const expectQuotaProblem = (response: { status: number; headers: Headers; body: unknown; text: string }, code: string) => {
  expectStatus(response, 429);
  expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(25 * 3600);
  expect(response.body).toMatchObject({ status: 429, errors: [{ code }], detail: expect.stringMatching(/^U hebt vandaag al \d+ /) });
};

describe('issue 12: per-principal quotas', () => {
  it('documents every quota in the OpenAPI document, with a 429 response', () => {
    for (const [path, method] of [['/v1/applications', 'post'], ['/v1/applications/{id}/documents', 'post'], ['/v1/organisation/lms-document', 'post'], ['/v1/cheque-requests', 'post']] as const) {
      expect(doc.paths[path]?.[method]?.['x-quotas']?.length, `${method} ${path}`).toBeGreaterThan(0);
      expect(doc.paths[path]?.[method]?.responses).toHaveProperty('429');
    }
  });

  it('OWASP API6: drafts per organisation per day — the one over the limit is 429 and creates nothing; another organisation is unaffected', async () => {
    const limit = limitOf('/v1/applications', 'post', 'drafts');
    const provider = await providerWithOrganisation(uniqueKbo());
    const body = applicationBody();
    for (let i = 0; i < limit; i++) {
      const created = await call('POST', '/v1/applications', { token: provider.token, body });
      expect(created.status, created.text).toBe(201);
    }
    expectQuotaProblem(await call('POST', '/v1/applications', { token: provider.token, body }), 'quota.drafts');
    expect(await applicationsOf(provider.kbo)).toHaveLength(limit);
    const other = await providerWithOrganisation(uniqueKbo());
    expect((await call('POST', '/v1/applications', { token: other.token, body })).status).toBe(201);
  });

  it('OWASP API4: upload slots per organisation per day — over several drafts; the next slot is 429; an idempotent replay is not counted', async () => {
    const limit = limitOf('/v1/applications/{id}/documents', 'post', 'uploadSlots');
    const provider = await providerWithOrganisation(uniqueKbo());
    const drafts: string[] = [];
    // at most 20 documents per application (R-SUB-1 area): spread the slots over enough drafts
    for (let i = 0; i < Math.ceil(limit / 20) + 1; i++) drafts.push(bodyAt(await call('POST', '/v1/applications', { token: provider.token, body: applicationBody() }), 201).id);
    const doc = { name: 'brochure.pdf', contentType: 'application/pdf', size: 20 * 1024 * 1024 };
    const key = randomUUID();
    const pathOf = (n: number) => `/v1/applications/${drafts[Math.floor(n / 20)]}/documents`;
    for (let i = 0; i < limit; i++) {
      const slot = await call('POST', pathOf(i), { token: provider.token, body: doc, headers: { 'idempotency-key': i === 0 ? key : randomUUID() } });
      expect(slot.status, slot.text).toBe(201);
    }
    // the replay of the first slot returns it again, without counting
    expect((await call('POST', pathOf(0), { token: provider.token, body: doc, headers: { 'idempotency-key': key } })).status).toBe(201);
    const last = drafts[drafts.length - 1] as string;
    expectQuotaProblem(await call('POST', `/v1/applications/${last}/documents`, { token: provider.token, body: doc }), 'quota.uploadSlots');
    // the LMS document slot shares the organisation's quota
    expectQuotaProblem(await call('POST', '/v1/organisation/lms-document', { token: provider.token, body: doc }), 'quota.uploadSlots');
    // the refused slot created nothing
    expect(bodyAt(await call('GET', `/v1/applications/${last}`, { token: provider.token }), 200).documents).toEqual([]);
  });

  it('OWASP API6: cheque requests per worker per day, refused ones included — no more mails to whatever address was typed', async () => {
    const limit = limitOf('/v1/cheque-requests', 'post', 'chequeRequests');
    const { odbNumber } = await seedRegistration({ chequeCategory: 'nt2' });
    const token = await workerToken(uniqueRrn());
    const stranger = uniqueEmail('vreemde');
    // far more than the budget: most are rejected, and each still counts
    const responses = await Promise.all(Array.from({ length: limit + 5 }, () =>
      call('POST', '/v1/cheque-requests', { token, body: requestBody(odbNumber, 20_000, stranger) })));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(limit);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(5);
    for (const r of refused) expectQuotaProblem(r, 'quota.chequeRequests');
    expect(bodyAt(await call('GET', '/v1/cheque-requests', { token }), 200).items).toHaveLength(limit);
    // another worker is unaffected
    expect((await call('POST', '/v1/cheque-requests', { token: await workerToken(uniqueRrn()), body: requestBody(odbNumber, 5_000, uniqueEmail()) })).status).toBe(201);
  });
});
