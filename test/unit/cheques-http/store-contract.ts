/**
 * One contract for the cheque store port (functions/cheques/store.ts), run against the in-memory fake
 * (unit) and the DynamoDB adapter on DynamoDB Local (integration), so the fake cannot drift from the
 * real store (issue 15).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChequeStore } from '../../../functions/cheques/store';
import type { StoredChequeRequest } from '../../../functions/cheques/stored-request';
import { requestDelta, reservationCondition, EMPTY_BUDGET } from '../../../shared/cheques/budget';
import { rulesFor } from '../../../shared/cheques/entitlement-rules';
import { storedChequeRequest } from '../../support/fixtures/cheques';

const found = rulesFor('2026-2027');
if (!found) throw new Error('rules missing');
const rules = found;
const NOW = new Date('2026-11-23T10:00:00.000Z');

function request(overrides: Partial<StoredChequeRequest> = {}): StoredChequeRequest {
  return storedChequeRequest({
    id: randomUUID(), workerHash: `contract-${randomUUID()}`, odbNumber: 'ODB-A000001',
    amountCents: 10_001, contributionCents: 5_001, governmentCents: 5_000,
    createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    ...overrides,
  });
}

const reservationOf = (r: StoredChequeRequest, budget = EMPTY_BUDGET) =>
  reservationCondition(r, r.chequeCategory ?? 'standard', rules, budget);

export function chequeStoreContract(name: string, make: () => ChequeStore): void {
  describe(`cheque store contract: ${name}`, () => {
    it('creates a request with its reservation; reads it back by id and by worker', async () => {
      const store = make();
      const r = request();
      expect(await store.create({ request: r, reservation: reservationOf(r), outbox: [] }, NOW)).toBe('created');
      expect(await store.get(r.id)).toEqual(r);
      expect(await store.listByWorker(r.workerHash)).toEqual([r]);
      expect(await store.budget(r.workerHash, '2026-2027')).toEqual({ usedCents: 10_001, usedOrdinaryCents: 10_001, sharedCents: 10_001, sharedContributionCents: 5_001 });
    });

    it('R-CHQ-3: a reservation over the cap, or on a running total that moved, is refused and writes nothing', async () => {
      const store = make();
      const first = request({ amountCents: 20_000, contributionCents: 10_000, governmentCents: 10_000 });
      await store.create({ request: first, reservation: reservationOf(first), outbox: [] }, NOW);
      const over = request({ workerHash: first.workerHash, amountCents: 6_000, contributionCents: 3_000, governmentCents: 3_000 });
      expect(await store.create({ request: over, reservation: reservationOf(over, await store.budget(first.workerHash, '2026-2027')), outbox: [] }, NOW)).toBe('retry');
      // Computed on an empty budget although 20,000 is already shared: the running total moved.
      const stale = request({ workerHash: first.workerHash, amountCents: 1, contributionCents: 1, governmentCents: 0 });
      expect(await store.create({ request: stale, reservation: reservationOf(stale, EMPTY_BUDGET), outbox: [] }, NOW)).toBe('retry');
      expect(await store.get(over.id)).toBeUndefined();
      expect(await store.get(stale.id)).toBeUndefined();
      expect((await store.budget(first.workerHash, '2026-2027')).usedCents).toBe(20_000);
    });

    it('changes only from the expected status; a release gives amount and contribution back; an issuer event id counts once', async () => {
      const store = make();
      const r = request();
      await store.create({ request: r, reservation: reservationOf(r), outbox: [] }, NOW);
      const cancelled = { ...r, status: 'cancelled' as const, updatedAt: '2026-11-24T10:00:00.000Z' };
      const release = requestDelta(r, 'standard', rules);
      expect(await store.change({ next: cancelled, expectedStatus: 'approved', release, issuerEventId: undefined, outbox: [] }, NOW)).toBe('stale');
      expect(await store.change({ next: cancelled, expectedStatus: 'awaiting-contribution', release, issuerEventId: undefined, outbox: [] }, NOW)).toBe('changed');
      expect(await store.budget(r.workerHash, '2026-2027')).toEqual(EMPTY_BUDGET);
      expect((await store.get(r.id))?.status).toBe('cancelled');

      const s = request();
      await store.create({ request: s, reservation: reservationOf(s), outbox: [] }, NOW);
      const paid = { ...s, status: 'approved' as const, updatedAt: '2026-11-25T10:00:00.000Z' };
      const eventId = `evt-${randomUUID()}`;
      expect(await store.change({ next: paid, expectedStatus: 'awaiting-contribution', release: undefined, issuerEventId: eventId, outbox: [] }, NOW)).toBe('changed');
      expect(await store.issuerEventSeen(eventId)).toBe(true);
      const again = { ...paid, status: 'issued' as const, updatedAt: '2026-11-26T10:00:00.000Z' };
      expect(await store.change({ next: again, expectedStatus: 'approved', release: undefined, issuerEventId: eventId, outbox: [] }, NOW)).toBe('replayed');
    });

    it('R-CHQ-7: unpaidDue lists awaiting requests due at or before now, not later ones', async () => {
      const store = make();
      const due = request({ contributionDueAt: '2026-12-01T00:00:00.000Z' });
      const later = request({ contributionDueAt: '2027-06-01T00:00:00.000Z' });
      for (const r of [due, later]) await store.create({ request: r, reservation: reservationOf(r), outbox: [] }, NOW);
      const ids = (await store.unpaidDue(new Date('2026-12-01T00:00:00.000Z'))).map((r) => r.id);
      expect(ids).toContain(due.id);
      expect(ids).not.toContain(later.id);
    });

    it('R-CHQ-8: a proof is recorded once per code; the first one wins', async () => {
      const store = make();
      const code = `TEST-${randomUUID().slice(0, 4).toUpperCase()}`;
      const facts = {
        reference: 'OC-1', requestedAt: NOW.toISOString(), schoolYear: '2026-2027', odbNumber: 'ODB-A000001', trainingTitle: 'T', providerName: 'P',
        amountCents: 1, contributionCents: 1, governmentCents: 0, status: 'approved' as const, decidedAt: NOW.toISOString(), reasons: [],
      };
      const first = { code, requestId: 'r1', issuedAt: NOW.toISOString(), facts };
      expect(await store.saveProof(first)).toEqual(first);
      expect(await store.saveProof({ ...first, issuedAt: '2026-12-01T00:00:00.000Z' })).toEqual(first);
      expect(await store.getProof(code)).toEqual(first);
      expect(await store.getProof(`${code}-X`)).toBeUndefined();
    });
  });
}
