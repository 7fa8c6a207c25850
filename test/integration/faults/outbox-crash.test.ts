import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryPorts } from '../../../functions/outbox/deliver';
import { eventually } from '../../support/stack';
import { mailsTo, outboxTestEnv, ownTable, sesProxy, writeMail } from './support';

/**
 * Issue 14.1: a consumer killed between claim and send, or between send and mark-sent, against
 * DynamoDB Local and the SES emulator. The kill is an in-process fault hook that throws where the
 * process would die (nothing after it runs: no release, no mark-sent); the lease clock is the test's.
 */
class Killed extends Error {}

describe('faults: the outbox consumer crashes mid-delivery', () => {
  let own: Awaited<ReturnType<typeof ownTable>>;
  let proxy: Awaited<ReturnType<typeof sesProxy>>;
  let ports: (faults?: DeliveryPorts['faults']) => DeliveryPorts;
  let deliver: typeof import('../../../functions/outbox/deliver').deliverOutboxMessage;
  let sweep: typeof import('../../../functions/outbox/sweep').sweepOutbox;
  let now = Date.now();

  beforeAll(async () => {
    own = await ownTable('faults-crash');
    proxy = await sesProxy();
    outboxTestEnv(own.table, proxy.endpoint);
    const { outboxPorts, parseOutboxEnv } = await import('../../../functions/outbox/deliverers');
    ({ deliverOutboxMessage: deliver } = await import('../../../functions/outbox/deliver'));
    ({ sweepOutbox: sweep } = await import('../../../functions/outbox/sweep'));
    const env = parseOutboxEnv();
    ports = (faults) => outboxPorts(env, { clock: () => new Date(now), ...(faults ? { faults } : {}) });
  });
  afterAll(() => proxy.close());

  it('killed between claim and send: the lease expires, the redelivered record sends the mail, exactly once', async () => {
    // Prepare
    const to = `crash-claim-${Date.now()}@opleider.be`;
    const id = `crash-claim:${Date.now()}`;
    await writeMail(own.doc, own.table, id, to, new Date(now));

    // Act
    await expect(deliver(id, ports({ afterClaim: () => { throw new Killed('SIGKILL after claim'); } }))).rejects.toThrow(Killed);
    const status = await ports().store.status(id);
    const underLease = await deliver(id, ports()); // the stream redelivers at once: the dead consumer's lease still holds
    now += 61_000;
    const afterLease = await deliver(id, ports());
    const later = await deliver(id, ports());

    // Assess
    expect(status).toMatchObject({ status: 'sending', attempts: 1 });
    expect([underLease, afterLease, later]).toEqual(['not-claimable', 'sent', 'not-claimable']);
    const mails = await eventually(async () => { const m = await mailsTo(to); return m.length ? m : undefined; });
    expect(mails).toHaveLength(1);
    expect(await ports().store.status(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('killed between claim and send with no redelivery: the sweep on the due index delivers it once', async () => {
    const to = `crash-sweep-${Date.now()}@opleider.be`;
    const id = `crash-sweep:${Date.now()}`;
    await writeMail(own.doc, own.table, id, to, new Date(now));
    await expect(deliver(id, ports({ afterClaim: () => { throw new Killed('SIGKILL after claim'); } }))).rejects.toThrow(Killed);

    const early = await sweep(ports(), new Date(now + 30_000), 4);
    now += 61_000;
    const swept = await sweep(ports(), new Date(now), 4);

    expect(early.changed).toBe(0);
    expect(swept.changed).toBeGreaterThanOrEqual(1);
    expect(await ports().store.status(id)).toMatchObject({ status: 'sent' });
    const mails = await eventually(async () => { const m = await mailsTo(to); return m.length ? m : undefined; });
    expect(mails).toHaveLength(1);
  });

  it('killed between send and mark-sent: reclaimed after the lease and sent again — at most twice (docs/decisions/0007-outbox-leases.md)', async () => {
    const to = `crash-send-${Date.now()}@opleider.be`;
    const id = `crash-send:${Date.now()}`;
    await writeMail(own.doc, own.table, id, to, new Date(now));

    await expect(deliver(id, ports({ afterSend: () => { throw new Killed('SIGKILL after send'); } }))).rejects.toThrow(Killed);
    now += 61_000;
    const results = [await deliver(id, ports()), await deliver(id, ports())];
    now += 61_000;
    results.push(await deliver(id, ports()));

    expect(results).toEqual(['sent', 'not-claimable', 'not-claimable']);
    const mails = await eventually(async () => { const m = await mailsTo(to); return m.length >= 2 ? m : undefined; });
    expect(mails).toHaveLength(2);
  });
});
