/**
 * The budget holds under concurrency (R-CHQ-3): parallel requests of one worker through the real
 * gateway and DynamoDB Local can never together exceed the cap; idempotent replays create nothing.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyAt, expectEachStatus, expectStatus, workerToken } from '../../support/stack';
import { uniqueRrn } from '../../support/ids';
import { requestBody, seedRegistration, uniqueEmail } from './support';

let odbNumber: string;
let sharedOdbNumber: string;

beforeAll(async () => {
  // A fully paid category (R-CHQ-4): accepted requests are `approved` and never wait for a contribution.
  odbNumber = (await seedRegistration({ chequeCategory: 'nt2' })).odbNumber;
  sharedOdbNumber = (await seedRegistration({ chequeCategory: 'standard' })).odbNumber;
});

describe('concurrency', () => {
  it('R-CHQ-3: 50 parallel requests by one worker: the sum approved stays within €250, the rest is rejected with a reason', async () => {
    const token = await workerToken(uniqueRrn());
    const email = uniqueEmail();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => api('POST', '/v1/cheque-requests', { token, body: requestBody(odbNumber, 3_000, email) })),
    );
    expectEachStatus(responses, 201);
    const approved = responses.filter((r) => r.body.status === 'approved');
    const rejected = responses.filter((r) => r.body.status === 'rejected');
    expect(approved.length + rejected.length).toBe(50);
    const sum = approved.reduce((total, r) => total + (r.body.amountCents as number), 0);
    expect(sum).toBeLessThanOrEqual(25_000);
    // Nothing is lost either: a rejection is decided on a fresh read, so the cap is filled as far as it goes.
    expect(sum).toBe(24_000);
    for (const r of rejected) expect(r.body.reasons).toEqual([expect.objectContaining({ code: 'R-CHQ-3', path: 'amountCents' })]);

    const entitlement = await api('GET', '/v1/cheques/entitlement', { token });
    expect(entitlement.body).toMatchObject({ usedCents: sum, remainingCents: 25_000 - sum });
    const list = await api('GET', '/v1/cheque-requests', { token });
    expectStatus(list, 200);
    expect(list.body.items).toHaveLength(50);
  });

  it('idempotent replays create nothing: 10 parallel and then a sequential replay give one request', async () => {
    const token = await workerToken(uniqueRrn());
    const key = randomUUID();
    const body = requestBody(odbNumber, 5_000, uniqueEmail());
    const parallel = await Promise.all(
      Array.from({ length: 10 }, () => api('POST', '/v1/cheque-requests', { token, body, headers: { 'idempotency-key': key } })),
    );
    const created = parallel.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    for (const r of parallel.filter((x) => x.status !== 201)) expectStatus(r, 409);

    const replay = await api('POST', '/v1/cheque-requests', { token, body, headers: { 'idempotency-key': key } });
    expectStatus(replay, 201);
    expect(replay.text).toBe(created[0]?.text);

    const list = await api('GET', '/v1/cheque-requests', { token });
    expectStatus(list, 200);
    expect(list.body.items).toHaveLength(1);
    expect(bodyAt(await api('GET', '/v1/cheques/entitlement', { token }), 200).usedCents).toBe(5_000);

    const otherBody = await api('POST', '/v1/cheque-requests', { token, body: { ...body, amountCents: 6_000 }, headers: { 'idempotency-key': key } });
    expectStatus(otherBody, 422);
  });

  it('R-CHQ-3: 31 parallel 1-cent requests on a 50/50 training: together the worker pays ⌈31 / 2⌉ = 16 cents', async () => {
    const token = await workerToken(uniqueRrn());
    const email = uniqueEmail();
    const responses = await Promise.all(
      Array.from({ length: 31 }, () => api('POST', '/v1/cheque-requests', { token, body: requestBody(sharedOdbNumber, 1, email) })),
    );
    expectEachStatus(responses, 201);
    const accepted = responses.filter((r) => r.body.status === 'awaiting-contribution' || r.body.status === 'approved');
    expect(accepted).toHaveLength(31);
    const paid = accepted.reduce((sum, r) => sum + (r.body.contributionCents as number), 0);
    expect(paid).toBe(16);
  });
});
