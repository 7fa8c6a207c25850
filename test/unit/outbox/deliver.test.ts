import { describe, expect, it } from 'vitest';
import { deliverAll, deliverOutboxMessage, retryDelayMs, type DeliveryPorts } from '../../../functions/outbox/deliver';
import type { OutboxMessage } from '../../../functions/outbox/outbox';
import { sweepOutbox } from '../../../functions/outbox/sweep';
import { memoryDeadLetters, memoryOutboxStore } from './memory-store';

const mail = (to: string): OutboxMessage => ({ kind: 'mail', mail: { to: [to], subject: 'Bevestiging', text: 'Tekst', html: '<p>Tekst</p>' } });

class SimulatedCrash extends Error {}
const rejected = Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' });

function harness(options: { failures?: unknown[]; start?: string } = {}) {
  let now = new Date(options.start ?? '2026-12-01T10:00:00.000Z');
  const store = memoryOutboxStore();
  const deadLetters = memoryDeadLetters();
  const sent: string[] = [];
  const failures = [...(options.failures ?? [])];
  const ports: DeliveryPorts = {
    store, deadLetters,
    deliver: {
      mail: async (message, id) => {
        const failure = failures.shift();
        if (failure) throw failure;
        sent.push(`${id}→${message.mail.to.join(',')}`);
        return `receipt-${id}`;
      },
    },
    clock: () => now,
    leaseMs: 60_000,
    maxAttempts: 4,
    isPermanent: (error) => error instanceof Error && error.name === 'MessageRejected',
  };
  return { ports, store, deadLetters, sent, advance: (ms: number) => { now = new Date(now.getTime() + ms); }, now: () => now };
}

describe('outbox delivery (claim with a lease, send, mark sent)', () => {
  it('delivers a message once; a redelivered record sends nothing again', async () => {
    const { ports, store, sent, now } = harness();
    await store.add('submitted:A1', mail('a@opleider.be'), now());

    const first = await deliverOutboxMessage('submitted:A1', ports);
    const again = await deliverOutboxMessage('submitted:A1', ports);

    expect([first, again]).toEqual(['sent', 'not-claimable']);
    expect(sent).toEqual(['submitted:A1→a@opleider.be']);
    expect(await store.status('submitted:A1')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a crash between claim and send: the lease expires and the redelivery sends it, once', async () => {
    const { ports, store, sent, advance, now } = harness();
    await store.add('m1', mail('a@opleider.be'), now());
    const crashing = { ...ports, faults: { afterClaim: () => { throw new SimulatedCrash('killed after claim'); } } };

    await expect(deliverOutboxMessage('m1', crashing)).rejects.toThrow(SimulatedCrash);
    const underLease = await deliverOutboxMessage('m1', ports);
    advance(60_000);
    const afterLease = await deliverOutboxMessage('m1', ports);

    expect(underLease).toBe('not-claimable');
    expect(afterLease).toBe('sent');
    expect(sent).toEqual(['m1→a@opleider.be']);
  });

  it('a crash between send and mark-sent: reclaimed after the lease and sent a second time (at least once, decision note)', async () => {
    const { ports, store, sent, advance, now } = harness();
    await store.add('m2', mail('b@opleider.be'), now());
    const crashing = { ...ports, faults: { afterSend: () => { throw new SimulatedCrash('killed after send'); } } };

    await expect(deliverOutboxMessage('m2', crashing)).rejects.toThrow(SimulatedCrash);
    advance(60_000);
    await deliverOutboxMessage('m2', ports);
    await deliverOutboxMessage('m2', ports);

    expect(sent).toEqual(['m2→b@opleider.be', 'm2→b@opleider.be']);
    expect(await store.status('m2')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a transient failure releases the message with a backoff; the sweep retries it when due', async () => {
    const throttled = Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
    const { ports, store, sent, advance, now } = harness({ failures: [throttled] });
    await store.add('m3', mail('c@opleider.be'), now());

    const first = await deliverOutboxMessage('m3', ports);
    const tooEarly = await sweepOutbox(ports, new Date(now().getTime() + retryDelayMs(1) - 1000), 4);
    advance(retryDelayMs(1));
    const swept = await sweepOutbox(ports, now(), 4);

    expect(first).toBe('retry');
    expect(tooEarly).toMatchObject({ examined: 0, changed: 0 });
    expect(swept).toMatchObject({ examined: 1, changed: 1 });
    expect(sent).toEqual(['m3→c@opleider.be']);
  });

  it('a permanent SES rejection marks the message failed and dead-letters it; it is never retried', async () => {
    const { ports, store, deadLetters, sent, advance, now } = harness({ failures: [rejected] });
    await store.add('m4', mail('not-an-inbox@invalid'), now());

    const result = await deliverOutboxMessage('m4', ports);
    advance(86_400_000);
    const swept = await sweepOutbox(ports, now(), 4);
    const redelivered = await deliverOutboxMessage('m4', ports);

    expect(result).toBe('failed');
    expect(redelivered).toBe('not-claimable');
    expect(swept.examined).toBe(0);
    expect(sent).toEqual([]);
    expect(await store.status('m4')).toMatchObject({ status: 'failed', lastError: expect.stringContaining('MessageRejected') });
    expect(deadLetters.letters).toEqual([expect.objectContaining({ source: 'outbox', id: 'm4', detail: expect.objectContaining({ cause: 'permanent', kind: 'mail' }) })]);
  });

  it('a message that keeps failing transiently is given up after maxAttempts, not retried for ever', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const { ports, store, deadLetters, advance, now } = harness({ failures: [down, down, down, down, down] });
    await store.add('m5', mail('d@opleider.be'), now());

    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(await deliverOutboxMessage('m5', ports));
      advance(3_600_000);
    }

    expect(results).toEqual(['retry', 'retry', 'retry', 'failed', 'not-claimable']);
    expect(await store.status('m5')).toMatchObject({ status: 'failed', attempts: 4 });
    expect(deadLetters.letters.map((l) => l.detail?.cause)).toEqual(['attempts-exhausted']);
  });

  it('a row that is not a deliverable message is failed and dead-lettered at once', async () => {
    const { ports, store, deadLetters, now } = harness();
    await store.add('m6', { kind: 'carrier-pigeon' }, now());

    expect(await deliverOutboxMessage('m6', ports)).toBe('failed');
    expect(deadLetters.letters[0]).toMatchObject({ id: 'm6', detail: { cause: 'invalid' } });
  });

  it('delivers a batch in parallel, bounded by the concurrency', async () => {
    const { ports, store, now } = harness();
    let active = 0;
    let peak = 0;
    const slow: DeliveryPorts = {
      ...ports,
      deliver: { mail: async (_m, id) => { active++; peak = Math.max(peak, active); await new Promise((r) => setTimeout(r, 5)); active--; return id; } },
    };
    const ids = Array.from({ length: 25 }, (_, i) => `batch-${i}`);
    for (const id of ids) await store.add(id, mail(`${id}@opleider.be`), now());

    const results = await deliverAll(ids, slow, 10);

    expect(results).toEqual(ids.map(() => 'sent'));
    expect(peak).toBe(10);
  });
});
