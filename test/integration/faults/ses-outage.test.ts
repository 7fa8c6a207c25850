import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeadLetters } from '../../../functions/adapters/dead-letters';
import type { DeliveryPorts } from '../../../functions/outbox/deliver';
import { eventually } from '../../support/stack';
import { mailsTo, outboxTestEnv, ownTable, sesProxy, writeMail } from './support';

/**
 * Issue 14.2 and 14.5: SES refusing (500), black-holed (accepts the connection, never answers) and
 * rejecting a message (400 MessageRejected), between the outbox and the SES emulator. The clients have
 * the factory's bounds, shortened by the environment: 2 s request timeout, 2 attempts.
 */
describe('faults: SES refusing, black-holed and rejecting', () => {
  let own: Awaited<ReturnType<typeof ownTable>>;
  let proxy: Awaited<ReturnType<typeof sesProxy>>;
  let ports: DeliveryPorts;
  let deadLetterFile: string;
  let deliver: typeof import('../../../functions/outbox/deliver').deliverOutboxMessage;
  let now = Date.now();

  beforeAll(async () => {
    own = await ownTable('faults-ses');
    proxy = await sesProxy();
    ({ deadLetterFile } = outboxTestEnv(own.table, proxy.endpoint));
    const { outboxPorts, parseOutboxEnv } = await import('../../../functions/outbox/deliverers');
    ({ deliverOutboxMessage: deliver } = await import('../../../functions/outbox/deliver'));
    ports = outboxPorts(parseOutboxEnv(), { clock: () => new Date(now) });
  });
  afterAll(() => proxy.close());

  it('SES refusing: the delivery is released for a retry; after recovery the mail goes out once', async () => {
    const to = `refused-${Date.now()}@opleider.be`;
    const id = `refused:${Date.now()}`;
    await writeMail(own.doc, own.table, id, to, new Date(now));
    proxy.set('refuse');

    const during = await deliver(id, ports);
    const status = await ports.store.status(id);
    proxy.set('pass');
    now += 61_000;
    const after = await deliver(id, ports);
    const again = await deliver(id, ports);

    expect(during).toBe('retry');
    expect(status).toMatchObject({ status: 'pending', attempts: 1 });
    expect([after, again]).toEqual(['sent', 'not-claimable']);
    expect(await eventually(async () => { const m = await mailsTo(to); return m.length ? m : undefined; })).toHaveLength(1);
  });

  it('SES black-holed: the delivery gives up within the client timeouts instead of hanging, then delivers once', async () => {
    const to = `blackholed-${Date.now()}@opleider.be`;
    const id = `blackholed:${Date.now()}`;
    await writeMail(own.doc, own.table, id, to, new Date(now));
    proxy.set('blackhole');

    const during = await deliver(id, ports); // without client timeouts this hangs as long as TCP does (~35 s)
    const status = await ports.store.status(id);
    proxy.set('pass');
    now += 61_000;
    const after = await deliver(id, ports);

    expect(during).toBe('retry');
    expect(status?.lastError).toMatch(/TimeoutError.*requestTimeout/);
    expect(after).toBe('sent');
    expect(await eventually(async () => { const m = await mailsTo(to); return m.length ? m : undefined; })).toHaveLength(1);
  });

  it('SES rejecting the message: marked failed, dead-lettered (the alarm), never retried', async () => {
    const to = `rejected-${Date.now()}@opleider.be`;
    const id = `rejected:${Date.now()}`;
    await writeMail(own.doc, own.table, id, to, new Date(now));
    proxy.set('reject');

    const result = await deliver(id, ports);
    const requestsAfterReject = proxy.requests();
    proxy.set('pass');
    now += 86_400_000;
    const later = await deliver(id, ports);

    expect(result).toBe('failed');
    expect(later).toBe('not-claimable');
    expect(proxy.requests()).toBe(requestsAfterReject);
    expect(await ports.store.status(id)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('MessageRejected') });
    expect(readDeadLetters(deadLetterFile)).toContainEqual(expect.objectContaining({ source: 'outbox', id, detail: expect.objectContaining({ cause: 'permanent' }) }));
    expect(await mailsTo(to)).toHaveLength(0);
  });
});
