/**
 * R-CHQ-7: the issue order deliverer of the outbox — an order file per request in the issuer bucket and,
 * when ISSUER_WEBHOOK_URL is configured, a signed POST of the same bytes. Invoked in process against the
 * stack's S3 emulator, with a local HTTP server as the issuer's webhook.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUER_SIGNATURE_HEADER, ISSUER_TIMESTAMP_HEADER } from '../../../shared/cheques/issuer-events';
import { verifyIssuerSignature } from '../../../shared/cheques/signature';
import { stack } from '../../support/stack';
import { issuerOrder } from './support';

interface Received { headers: Record<string, string | string[] | undefined>; body: string }
const received: Received[] = [];
let server: Server;
let answer = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  Object.assign(process.env, stack().env, { ISSUER_WEBHOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders` });
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

describe('issue orders', () => {
  it('R-CHQ-7: writes the order file and posts it, signed, to the webhook; a failing webhook throws so the outbox retries', async () => {
    const { deliverIssuerOrder } = await import('../../../functions/outbox/deliver-issuer-order');
    const requestId = randomUUID();
    const order = { requestId, amountCents: 10_000, contributionCents: 5_000 };

    const receipt = await deliverIssuerOrder({ kind: 'issuer-order', order });
    expect(receipt).toBe(`s3://${stack().env.ISSUER_BUCKET}/orders/${requestId}.json`);
    expect(await issuerOrder(requestId)).toEqual(order);
    const post = received.find((r) => r.body.includes(requestId));
    expect(post).toBeDefined();
    expect(JSON.parse(post?.body ?? '{}')).toEqual(order);
    const timestamp = String(post?.headers[ISSUER_TIMESTAMP_HEADER]);
    const signature = String(post?.headers[ISSUER_SIGNATURE_HEADER]);
    expect(verifyIssuerSignature(stack().env.ISSUER_WEBHOOK_SECRET ?? '', timestamp, post?.body ?? '', signature)).toBe(true);

    answer = 503;
    await expect(deliverIssuerOrder({ kind: 'issuer-order', order: { ...order, requestId: randomUUID() } })).rejects.toThrow(/503/);
    answer = 200;
  });
});
