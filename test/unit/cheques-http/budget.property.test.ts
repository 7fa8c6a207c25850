/**
 * R-CHQ-3, R-CHQ-5, R-CHQ-7 through the routes: for any sequence of requests, cancellations (unpaid
 * contributions) and expiries, a worker's live total per school year never exceeds the caps, and the
 * stored budget always equals the sum of the live requests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredChequeRequest } from '../../../functions/cheques/stored-request';
import { body, harness, RRN_A } from './harness';
import { bodyAt } from '../../support/expect-status';

type Step =
  | { kind: 'request'; odb: string; amountCents: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'expire'; pick: number; unusedPermille: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('request' as const),
    odb: fc.constantFrom('ODB-A000001', 'ODB-A000002', 'ODB-A000003'),
    amountCents: fc.oneof(fc.integer({ min: 1, max: 60_000 }), fc.constantFrom(12_500, 25_000, 50_000)),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('expire' as const), pick: fc.nat(), unusedPermille: fc.integer({ min: 0, max: 1000 }) }),
);

const live = (r: StoredChequeRequest) => ['approved', 'awaiting-contribution', 'issued'].includes(r.status);

describe('budget under any sequence', () => {
  it('R-CHQ-3, R-CHQ-5: approved totals never exceed the caps; releases come back', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
      const h = harness();
      let clock = Date.parse('2026-11-23T10:00:00.000Z');
      let event = 0;
      for (const s of steps) {
        clock += 1000;
        h.setNow(new Date(clock).toISOString());
        const requests = [...h.store.requests.values()];
        if (s.kind === 'request') {
          await h.request(RRN_A, body({ odbNumber: s.odb, amountCents: s.amountCents }));
        } else if (s.kind === 'cancel') {
          const waiting = requests.filter((r) => r.status === 'awaiting-contribution');
          const target = waiting[s.pick % Math.max(1, waiting.length)];
          if (target?.contributionDueAt) await h.runUnpaidJob(target.contributionDueAt);
        } else {
          const target = requests.filter(live)[s.pick % Math.max(1, requests.filter(live).length)];
          if (!target) continue;
          if (target.status === 'awaiting-contribution') await h.issuerEvent({ eventId: `e${++event}`, requestId: target.id, type: 'contribution-paid' });
          if (target.status !== 'issued') await h.issuerEvent({ eventId: `e${++event}`, requestId: target.id, type: 'cheques-delivered', expiryDate: '2027-12-31' });
          const unusedCents = Math.floor((target.amountCents * s.unusedPermille) / 1000);
          await h.issuerEvent({ eventId: `e${++event}`, requestId: target.id, type: 'cheques-expired', unusedCents });
        }
        const all = [...h.store.requests.values()];
        const held = (r: StoredChequeRequest) => (live(r) ? r.amountCents : r.status === 'expired' ? r.amountCents - (r.unusedCents ?? 0) : 0);
        const total = all.reduce((sum, r) => sum + held(r), 0);
        const ordinary = all.filter((r) => r.chequeCategory !== 'higherEducation').reduce((sum, r) => sum + held(r), 0);
        expect(total).toBeLessThanOrEqual(50_000);
        expect(ordinary).toBeLessThanOrEqual(25_000);
        const entitlement = bodyAt(await h.entitlement(RRN_A), 200);
        expect(entitlement.usedCents).toBe(total);
      }
    }), { numRuns: 150 });
  });
});
