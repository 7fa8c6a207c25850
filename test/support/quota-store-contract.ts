import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { QUOTAS, countersFor, type QuotaStore } from '../../shared/quotas/quota';

/**
 * The contract of the quota port, run against the in-memory fake (unit) and the DynamoDB adapter on
 * DynamoDB Local (integration): both must behave the same.
 */
export function quotaStoreContract(name: string, make: () => QuotaStore) {
  const now = new Date('2026-12-01T10:00:00Z');
  const limits = { drafts: 3, chequeRequests: 2, workerMails: 5 };

  describe(`quota store contract: ${name}`, () => {
    it('counts up to the limit and refuses the call after it, naming the exceeded quota', async () => {
      const store = make();
      const counters = countersFor([QUOTAS.drafts], { organisation: `org-${randomUUID()}` }, limits, now);
      for (let i = 0; i < 3; i++) expect(await store.consume(counters)).toEqual({ ok: true });
      const refused = await store.consume(counters);
      expect(refused).toMatchObject({ ok: false, exceeded: { key: counters[0]!.key, limit: 3 } });
    });

    it('moves every counter of a call or none: a refused call consumes nothing', async () => {
      const store = make();
      const subject = { worker: `worker-${randomUUID()}` };
      const both = countersFor([QUOTAS.chequeRequests, QUOTAS.workerMails], subject, limits, now);
      expect(await store.consume(both)).toEqual({ ok: true });
      expect(await store.consume(both)).toEqual({ ok: true });
      expect(await store.consume(both)).toMatchObject({ ok: false, exceeded: { quota: { id: 'chequeRequests' } } });
      // the mail counter stayed at 2: three more mails pass, then it is full
      const other = countersFor([QUOTAS.workerMails], subject, limits, now);
      for (let i = 0; i < 3; i++) expect(await store.consume(other)).toEqual({ ok: true });
      expect(await store.consume(other)).toMatchObject({ ok: false });
    });

    it('keeps principals and days apart', async () => {
      const store = make();
      const a = countersFor([QUOTAS.drafts], { organisation: `org-${randomUUID()}` }, limits, now);
      const b = countersFor([QUOTAS.drafts], { organisation: `org-${randomUUID()}` }, limits, now);
      for (let i = 0; i < 3; i++) await store.consume(a);
      expect(await store.consume(b)).toEqual({ ok: true });
      const tomorrow = countersFor([QUOTAS.drafts], { organisation: a[0]!.key.split('#')[1] as string }, limits, new Date('2026-12-02T10:00:00Z'));
      expect(await store.consume(tomorrow)).toEqual({ ok: true });
    });

    it('never lets parallel calls pass the limit together', async () => {
      const store = make();
      const counters = countersFor([QUOTAS.drafts], { organisation: `org-${randomUUID()}` }, limits, now);
      const outcomes = await Promise.all(Array.from({ length: 12 }, () => store.consume(counters)));
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
    });
  });
}
