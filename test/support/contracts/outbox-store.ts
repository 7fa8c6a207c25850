import { describe, expect, it } from 'vitest';
import { SWEEP_GRACE_MS, type OutboxMessage } from '../../../functions/outbox/outbox';
import type { OutboxStore } from '../../../functions/outbox/store';

export interface OutboxStoreUnderTest {
  store: OutboxStore;
  /** Writes a new message as `outboxPut` does (pending, in the due index after the grace period). */
  add(id: string, message: OutboxMessage, now: Date): Promise<void>;
  /** Writes a row whose message this code cannot deliver (a poison row). */
  addInvalid(id: string, now: Date): Promise<void>;
}

const mail: OutboxMessage = { kind: 'mail', mail: { to: ['contact@opleider.be'], subject: 'Bevestiging', text: 'Tekst', html: '<p>Tekst</p>' } };
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/**
 * The outbox port's contract, run against the in-memory fake (unit) AND the DynamoDB Local adapter
 * (integration), so the fake cannot drift from the real store.
 */
export function outboxStoreContract(name: string, make: () => Promise<OutboxStoreUnderTest>) {
  let seq = 0;
  const newId = () => `contract-${Date.now()}-${++seq}`;

  describe(`outbox store contract: ${name}`, () => {
    it('a pending message is claimed once; a second claim under the lease is refused; after the lease it is reclaimed', async () => {
      const { store, add } = await make();
      const id = newId();
      const now = at('2026-12-01T10:00:00.000Z');
      await add(id, mail, now);

      const first = await store.claim(id, now, plus(now, 60_000));
      const during = await store.claim(id, plus(now, 30_000), plus(now, 90_000));
      const after = await store.claim(id, plus(now, 61_000), plus(now, 121_000));

      expect(first).toMatchObject({ kind: 'claimed', claim: { id, attempt: 1, message: mail } });
      expect(during).toEqual({ kind: 'not-claimable' });
      expect(after).toMatchObject({ kind: 'claimed', claim: { attempt: 2 } });
    });

    it('a sent message is never claimed again and leaves the due index', async () => {
      const { store, add } = await make();
      const id = newId();
      const now = at('2026-12-01T10:00:00.000Z');
      await add(id, mail, now);
      await store.claim(id, now, plus(now, 60_000));

      await store.markSent(id, 'ses-1', plus(now, 1000));

      expect(await store.claim(id, plus(now, 3_600_000), plus(now, 3_660_000))).toEqual({ kind: 'not-claimable' });
      expect(await store.due(plus(now, 86_400_000), 1000)).not.toContain(id);
      expect(await store.status(id)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('a released message is pending again and due at its retry time, not before', async () => {
      const { store, add } = await make();
      const id = newId();
      const now = at('2026-12-01T10:00:00.000Z');
      await add(id, mail, now);
      await store.claim(id, now, plus(now, 60_000));

      await store.release(id, 1, 'Throttling: slow down', plus(now, 30_000));

      expect(await store.due(plus(now, 29_000), 1000)).not.toContain(id);
      expect(await store.due(plus(now, 30_000), 1000)).toContain(id);
      expect(await store.status(id)).toMatchObject({ status: 'pending', lastError: 'Throttling: slow down' });
      expect(await store.claim(id, plus(now, 30_000), plus(now, 90_000))).toMatchObject({ kind: 'claimed', claim: { attempt: 2 } });
    });

    it('only the holder of the current claim may release or fail it', async () => {
      const { store, add } = await make();
      const id = newId();
      const now = at('2026-12-01T10:00:00.000Z');
      await add(id, mail, now);
      await store.claim(id, now, plus(now, 60_000));
      await store.claim(id, plus(now, 61_000), plus(now, 121_000)); // the lease expired: attempt 2 holds it

      await store.release(id, 1, 'late', plus(now, 62_000));
      await store.markFailed(id, 1, 'late', plus(now, 62_000));

      expect(await store.status(id)).toMatchObject({ status: 'sending', attempts: 2 });
    });

    it('a failed message is never claimed again and leaves the due index', async () => {
      const { store, add } = await make();
      const id = newId();
      const now = at('2026-12-01T10:00:00.000Z');
      await add(id, mail, now);
      await store.claim(id, now, plus(now, 60_000));

      await store.markFailed(id, 1, 'MessageRejected: Email address is not verified', plus(now, 1000));

      expect(await store.claim(id, plus(now, 3_600_000), plus(now, 3_660_000))).toEqual({ kind: 'not-claimable' });
      expect(await store.due(plus(now, 86_400_000), 1000)).not.toContain(id);
      expect(await store.status(id)).toMatchObject({ status: 'failed', lastError: 'MessageRejected: Email address is not verified' });
    });

    it('a new message is due for the sweep only after the grace period; an expired lease is due', async () => {
      const { store, add } = await make();
      const id = newId();
      const now = at('2026-12-01T10:00:00.000Z');
      await add(id, mail, now);

      expect(await store.due(plus(now, SWEEP_GRACE_MS - 1000), 1000)).not.toContain(id);
      expect(await store.due(plus(now, SWEEP_GRACE_MS), 1000)).toContain(id);
      await store.claim(id, now, plus(now, 60_000));
      expect(await store.due(plus(now, 59_000), 1000)).not.toContain(id);
      expect(await store.due(plus(now, 60_000), 1000)).toContain(id);
    });

    it('a row that is not a deliverable message is reported invalid; a missing one is not claimable', async () => {
      const { store, addInvalid } = await make();
      const id = newId();
      const now = at('2026-12-01T10:00:00.000Z');
      await addInvalid(id, now);

      expect(await store.claim(id, now, plus(now, 60_000))).toMatchObject({ kind: 'invalid', id, attempt: 1 });
      expect(await store.claim(newId(), now, plus(now, 60_000))).toEqual({ kind: 'not-claimable' });
    });
  });
}
