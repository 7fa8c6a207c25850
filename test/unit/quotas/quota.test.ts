import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { apiHandler, implement } from '../../../functions/http/api-handler';
import { quotaLimitsFromEnv } from '../../../functions/quotas/limits';
import { defineOperation } from '../../../shared/api/operation';
import { QUOTAS, brusselsDayWindow, countersFor, defaultQuotaLimits } from '../../../shared/quotas/quota';
import { httpEvent, testContext } from '../../support/events';
import { memoryQuotaStore } from '../../support/memory-quota-store';

describe('quota windows: the Brussels calendar day', () => {
  it('ends at midnight in Brussels, in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(brusselsDayWindow(new Date('2026-12-01T10:00:00Z'))).toEqual({ day: '2026-12-01', endsAt: Date.parse('2026-12-01T23:00:00Z') });
    expect(brusselsDayWindow(new Date('2026-07-01T10:00:00Z'))).toEqual({ day: '2026-07-01', endsAt: Date.parse('2026-07-01T22:00:00Z') });
    // 23:30 UTC on 1 December is already 2 December in Brussels
    expect(brusselsDayWindow(new Date('2026-12-01T23:30:00Z')).day).toBe('2026-12-02');
    // the day before summer time starts has 23 hours
    expect(brusselsDayWindow(new Date('2027-03-27T12:00:00Z')).endsAt).toBe(Date.parse('2027-03-27T23:00:00Z'));
    expect(brusselsDayWindow(new Date('2027-03-28T12:00:00Z')).endsAt).toBe(Date.parse('2027-03-28T22:00:00Z'));
  });

  it('keys counters by quota, principal and day; skips a scope the call does not have', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const counters = countersFor([QUOTAS.drafts, QUOTAS.uploadSlots, QUOTAS.chequeRequests], { organisation: '0403170701' }, defaultQuotaLimits, now);
    expect(counters.map((c) => c.key)).toEqual(['drafts#0403170701#2026-12-01', 'uploadSlots#0403170701#2026-12-01']);
  });
});

describe('quota limits from configuration', () => {
  it('takes the defaults, overridden by the QUOTA_… variables, and refuses a malformed value', () => {
    expect(quotaLimitsFromEnv({})).toEqual(defaultQuotaLimits);
    expect(quotaLimitsFromEnv({ QUOTA_DRAFTS_PER_ORGANISATION_PER_DAY: '7' }).drafts).toBe(7);
    expect(() => quotaLimitsFromEnv({ QUOTA_DRAFTS_PER_ORGANISATION_PER_DAY: '0' })).toThrow(/QUOTA_DRAFTS_PER_ORGANISATION_PER_DAY/);
  });
});

describe('the handler chain enforces the quotas an operation declares', () => {
  const createThing = defineOperation({
    id: 'createThing', method: 'POST', path: '/v1/things', fn: 'test', auth: { kind: 'jwt', roles: ['provider'] },
    summary: 'test', body: z.strictObject({ title: z.string() }), quotas: [QUOTAS.drafts],
    responses: { 201: { description: 'created' } },
  });
  const setup = () => {
    const store = memoryQuotaStore();
    let runs = 0;
    const handler = apiHandler([implement(createThing, async () => ({ status: 201, body: { n: ++runs } }))], {
      quotaStore: store, quotaLimits: { drafts: 2 }, now: () => new Date('2026-12-01T22:30:00Z'),
    });
    const call = async (org: string, body: unknown = { title: 'x' }) =>
      (await handler(httpEvent({ routeKey: 'POST /v1/things', body, claims: { sub: `p-${org}`, roles: '[provider]', org } }), testContext())) as APIGatewayProxyStructuredResultV2;
    return { call, runs: () => runs };
  };

  it('OWASP API4/API6: over the limit is 429 problem+json in Dutch with Retry-After until midnight in Brussels; nothing runs', async () => {
    const { call, runs } = setup();
    expect((await call('0403170701')).statusCode).toBe(201);
    expect((await call('0403170701')).statusCode).toBe(201);
    const refused = await call('0403170701');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers?.['content-type']).toMatch(/application\/problem\+json/);
    // 22:30 UTC in December is 23:30 in Brussels: 30 minutes to midnight
    expect(refused.headers?.['retry-after']).toBe('1800');
    const problem = JSON.parse(refused.body as string);
    expect(problem).toMatchObject({ status: 429, title: 'Limiet bereikt', errors: [{ code: 'quota.drafts', path: '' }] });
    expect(problem.detail).toMatch(/U hebt vandaag al 2 ontwerpaanvragen aangemaakt/);
    expect(problem.detail).not.toMatch(/R-|quota\./);
    expect(runs()).toBe(2);
    // another organisation has its own quota
    expect((await call('0202239951')).statusCode).toBe(201);
  });

  it('does not count a request refused by validation', async () => {
    const { call } = setup();
    for (let i = 0; i < 5; i++) expect((await call('0403170701', { nope: 1 })).statusCode).toBe(400);
    expect((await call('0403170701')).statusCode).toBe(201);
  });

  it('refuses to start without a quota store for an operation with quotas', () => {
    expect(() => apiHandler([implement(createThing, async () => ({ status: 201 }))], {})).toThrow(/QUOTA_TABLE_NAME/);
  });
});
