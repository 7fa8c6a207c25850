import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainTable } from '../../../functions/storage/definitions';
import { keys } from '../../../functions/storage/keys';
import { composeMail } from '../../../functions/mail/mail';
import { outboxPut } from '../../../functions/outbox/dynamo-store';
import { provisionTables } from '../../../infra/local/provision';
import { eventually, sentMails, stack } from '../../support/stack';

/**
 * The outbox consumer in process, against DynamoDB Local and the SES emulator behind a proxy that
 * fails the first send — on a table of its own, so the stack's poller does not race the test.
 */
describe('transactional outbox: SES delivery', () => {
  const table = `outbox-test-${Date.now()}`;
  let proxy: Server;
  let failuresLeft = 0;
  let doc: DynamoDBDocumentClient;
  let handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

  beforeAll(async () => {
    const info = stack();
    const ses = new URL(info.endpoints.ses);
    proxy = createServer((req, res) => {
      if (failuresLeft > 0) { failuresLeft--; res.writeHead(500).end('<Error><Code>InternalFailure</Code></Error>'); return; }
      const upstream = httpRequest({ host: ses.hostname, port: ses.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const address = proxy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const client = new DynamoDBClient({ endpoint: info.endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await provisionTables(client, [{ ...mainTable, id: table }]);
    doc = DynamoDBDocumentClient.from(client);
    Object.assign(process.env, info.env, { TABLE_NAME: table, AWS_ENDPOINT_URL_SES: `http://127.0.0.1:${port}` });
    ({ handler } = await import('../../../functions/streams/outbox'));
  });
  afterAll(() => new Promise<void>((r) => proxy.close(() => r())));

  async function writeMail(id: string, to: string) {
    const mail = composeMail([to], 'Bevestiging van uw aanvraag', ['Wij ontvingen uw aanvraag.', ['punt één', 'punt twee']]);
    await doc.send(new TransactWriteCommand({ TransactItems: [outboxPut(table, id, { kind: 'mail', mail }, new Date())] }));
    const item = (await doc.send(new GetCommand({ TableName: table, Key: keys.outbox(id) }))).Item as Record<string, unknown>;
    return { Records: [{ eventName: 'INSERT', dynamodb: { SequenceNumber: `seq-${id}`, NewImage: marshall(item, { removeUndefinedValues: true }) } }] } as unknown as DynamoDBStreamEvent;
  }
  const mailsTo = async (to: string) => (await sentMails()).filter((m) => m.destination.to.includes(to));

  it('a failed send is retried and the mail goes out once; a redelivered record sends nothing again', async () => {
    // Prepare
    const to = `contact-${Date.now()}@example.be`;
    const event = await writeMail(`retry-${Date.now()}`, to);
    failuresLeft = 3; // the SDK itself retries a 500 up to 3 attempts: make the whole first delivery fail

    // Act
    const first = await handler(event);
    const second = await handler(event);
    const third = await handler(event); // the stream delivers the record again (at-least-once)

    // Assess
    expect(first.batchItemFailures).toHaveLength(1);
    expect(second.batchItemFailures).toEqual([]);
    expect(third.batchItemFailures).toEqual([]);
    const mails = await eventually(async () => { const m = await mailsTo(to); return m.length ? m : undefined; });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Bevestiging van uw aanvraag');
    expect(mails[0]?.body.text).toContain('- punt één');
    expect(mails[0]?.body.html).toContain('<li>punt één</li>');
  });

  it('the outbox write is refused when the same message id exists: a retried use case cannot enqueue twice', async () => {
    const id = `dup-${Date.now()}`;
    await writeMail(id, 'a@example.be');
    await expect(writeMail(id, 'a@example.be')).rejects.toThrow(/ConditionalCheckFailed|conditional/i);
  });
});
