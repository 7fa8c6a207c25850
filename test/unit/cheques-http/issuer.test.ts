/** R-CHQ-7 at the HTTP level: the issuer's signed events, and the unpaid-contribution cancellation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signIssuerEvent } from '../../../shared/cheques/signature';
import { body, harness, ISSUER_SECRET, RRN_A } from './harness';
import { bodyAt, expectStatus } from '../../support/expect-status';

async function acceptedRequest(h: ReturnType<typeof harness>, amountCents = 20_000) {
  const response = await h.request(RRN_A, body({ amountCents }));
  expectStatus(response, 201);
  expect(response.body.status).toBe('awaiting-contribution');
  return response.body.id as string;
}

describe('POST /v1/issuer/events', () => {
  it('R-CHQ-7: contribution paid → approved; delivered → issued with expiry; expired → unused amount released', async () => {
    const h = harness();
    const id = await acceptedRequest(h);

    const paid = await h.issuerEvent({ eventId: 'e1', requestId: id, type: 'contribution-paid' });
    expect(paid).toMatchObject({ status: 200, body: { eventId: 'e1', requestId: id, status: 'approved' } });
    expect(h.store.requests.get(id)?.contributionDueAt).not.toBeUndefined();

    const delivered = await h.issuerEvent({ eventId: 'e2', requestId: id, type: 'cheques-delivered', expiryDate: '2027-11-30' });
    expectStatus(delivered, 200);
    expect(delivered.body.status).toBe('issued');
    expect((await h.get(RRN_A, id)).body).toMatchObject({ status: 'issued', expiryDate: '2027-11-30' });
    expect(h.store.outbox.has(`cheque-delivered:${id}`)).toBe(true);

    const expired = await h.issuerEvent({ eventId: 'e3', requestId: id, type: 'cheques-expired', unusedCents: 5_000 });
    expectStatus(expired, 200);
    expect(expired.body.status).toBe('expired');
    expect((await h.entitlement(RRN_A)).body).toMatchObject({ usedCents: 15_000, remainingCents: 10_000 });
  });

  it('R-CHQ-7: a wrong signature is 401 and changes nothing', async () => {
    const h = harness();
    const id = await acceptedRequest(h);
    const response = await h.issuerEvent({ eventId: 'bad-1', requestId: id, type: 'contribution-paid' }, { secret: 'another-secret-0123456789' });
    expectStatus(response, 401);
    expect(response.body.type).toMatch(/invalid-signature/);
    expect(h.store.requests.get(id)?.status).toBe('awaiting-contribution');
    expect(h.store.issuerEvents.size).toBe(0);
  });

  it('R-CHQ-7: a body changed after signing is 401', async () => {
    const h = harness();
    const id = await acceptedRequest(h);
    const signedBody = JSON.stringify({ eventId: 'x', requestId: id, type: 'cheques-expired', unusedCents: 0, occurredAt: '2026-11-23T10:00:00.000Z' });
    const signature = signIssuerEvent(ISSUER_SECRET, Math.floor(Date.parse('2026-11-23T10:00:00Z') / 1000), signedBody);
    const response = await h.issuerEvent({}, { rawBody: signedBody.replace('"unusedCents":0', '"unusedCents":1'), signature });
    expectStatus(response, 401);
  });

  it('R-CHQ-7: a timestamp older than 5 minutes is refused (401), nothing changed; within 5 minutes is fine', async () => {
    const h = harness();
    const id = await acceptedRequest(h);
    const now = Math.floor(Date.parse('2026-11-23T10:00:00Z') / 1000);
    const stale = await h.issuerEvent({ eventId: 's1', requestId: id, type: 'contribution-paid' }, { timestamp: now - 301 });
    expectStatus(stale, 401);
    expect(stale.body.type).toMatch(/stale-event/);
    expect(h.store.requests.get(id)?.status).toBe('awaiting-contribution');
    const fresh = await h.issuerEvent({ eventId: 's2', requestId: id, type: 'contribution-paid' }, { timestamp: now - 299 });
    expectStatus(fresh, 200);
  });

  it('R-CHQ-7: a replayed event id is 409 and changes nothing', async () => {
    const h = harness();
    const id = await acceptedRequest(h);
    await h.issuerEvent({ eventId: 'r1', requestId: id, type: 'contribution-paid' });
    const before = structuredClone(h.store.requests.get(id));
    const replay = await h.issuerEvent({ eventId: 'r1', requestId: id, type: 'cheques-delivered', expiryDate: '2027-01-01' });
    expectStatus(replay, 409);
    expect(replay.body.type).toMatch(/replayed-event/);
    expect(h.store.requests.get(id)).toEqual(before);
  });

  it('R-CHQ-7: an event that does not fit the status is 409 with the allowed events', async () => {
    const h = harness();
    const id = await acceptedRequest(h);
    const response = await h.issuerEvent({ eventId: 'o1', requestId: id, type: 'cheques-expired', unusedCents: 0 });
    expectStatus(response, 409);
    expect(response.body.allowed).toEqual(['contribution-paid', 'contribution-overdue', 'cancel']);
  });

  it('R-CHQ-7: a malformed event is 400 with every problem; an unknown request 404; more unused than requested 400', async () => {
    const h = harness();
    const id = await acceptedRequest(h);
    const malformed = await h.issuerEvent({ eventId: '', type: 'cheques-delivered' });
    expectStatus(malformed, 400);
    expect(malformed.body.errors?.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['eventId', 'requestId', 'expiryDate']));
    expect((await h.issuerEvent({ eventId: 'u1', requestId: 'nope', type: 'contribution-paid' })).status).toBe(404);
    await h.issuerEvent({ eventId: 'u2', requestId: id, type: 'contribution-paid' });
    await h.issuerEvent({ eventId: 'u3', requestId: id, type: 'cheques-delivered', expiryDate: '2027-11-30' });
    const tooMuch = await h.issuerEvent({ eventId: 'u4', requestId: id, type: 'cheques-expired', unusedCents: 20_001 });
    expectStatus(tooMuch, 400);
    expect(tooMuch.body.errors?.[0]?.code).toBe('R-CHQ-7');
  });

  it('junk bodies with a valid signature never give a 5xx and change nothing (fuzz)', async () => {
    const h = harness();
    const id = await acceptedRequest(h);
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (raw) => {
      const response = await h.issuerEvent({}, { rawBody: raw });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }), { numRuns: 200 });
    expect(h.store.requests.get(id)?.status).toBe('awaiting-contribution');
  });
});

describe('job unpaid-contributions', () => {
  it('R-CHQ-7: an unpaid contribution is cancelled after 30 days, the budget released, a mail sent; a second run changes nothing', async () => {
    const h = harness();
    const id = await acceptedRequest(h, 25_000);
    expect((await h.runUnpaidJob('2026-12-23T09:59:59.000Z')).changed).toBe(0);
    const first = await h.runUnpaidJob('2026-12-23T10:00:00.000Z');
    expect(first).toEqual({ examined: 1, changed: 1 });
    expect(h.store.requests.get(id)?.status).toBe('cancelled');
    expect(bodyAt(await h.entitlement(RRN_A), 200).usedCents).toBe(0);
    expect(h.store.outbox.has(`cheque-cancelled:${id}`)).toBe(true);
    expect(await h.runUnpaidJob('2027-01-23T10:00:00.000Z')).toEqual({ examined: 0, changed: 0 });
  });

  it('R-CHQ-7: a paid contribution is never cancelled', async () => {
    const h = harness();
    const id = await acceptedRequest(h);
    await h.issuerEvent({ eventId: 'p1', requestId: id, type: 'contribution-paid' });
    expect((await h.runUnpaidJob('2027-06-01T00:00:00.000Z')).changed).toBe(0);
    expect(h.store.requests.get(id)?.status).toBe('approved');
  });
});
