import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStreamPoller } from '../../../infra/local/streams';
import { eventually } from '../../support/stack';
import { streamTable } from '../../support/stream-table';


describe('local stream poller on DynamoDB Local', () => {
  const own = streamTable('stream-test');

  const put = (pk: string, type = 'thing') =>
    own.ddb.send(new PutItemCommand({ TableName: own.table, Item: { pk: { S: pk }, type: { S: type } } }));

  it('delivers a record exactly once to a handler that fails once, and nothing again after a restart', async () => {
    // Prepare
    const checkpointFile = join(mkdtempSync(join(tmpdir(), 'poller-')), 'checkpoints.json');
    const attempts: string[] = [];
    const handled: string[] = [];
    let failNext = true;
    const handler = async (event: DynamoDBStreamEvent) => {
      const keys = event.Records.map((r) => r.dynamodb?.Keys?.pk?.S as string);
      attempts.push(...keys);
      if (failNext) { failNext = false; throw new Error('transient failure'); }
      handled.push(...keys);
    };
    const first = startStreamPoller({ client: own.streams, streamArn: own.streamArn, checkpointFile, consumers: [{ name: 'test', handler }], retryDelayMs: 50, pollIntervalMs: 50 });

    // Act
    await put('record-1');
    await eventually(async () => handled.includes('record-1'));
    await first.stop();
    // a restart, as after a crash: positions come from the checkpoint file
    const second = startStreamPoller({ client: own.streams, streamArn: own.streamArn, checkpointFile, consumers: [{ name: 'test', handler }], retryDelayMs: 50, pollIntervalMs: 50 });
    await put('record-2');
    await eventually(async () => handled.includes('record-2'));
    await second.idle();
    await second.stop();

    // Assess
    expect(attempts.filter((k) => k === 'record-1')).toHaveLength(2); // failed once, retried
    expect(handled).toEqual(['record-1', 'record-2']); // each handled exactly once, in order
    expect(existsSync(checkpointFile)).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(checkpointFile, 'utf8')).test)).not.toHaveLength(0);
  });

  it('applies the consumer filter patterns (Lambda filter criteria) and hands the Lambda record shape', async () => {
    const checkpointFile = join(mkdtempSync(join(tmpdir(), 'poller-')), 'checkpoints.json');
    const seen: DynamoDBStreamEvent['Records'] = [];
    const poller = startStreamPoller({
      client: own.streams, streamArn: own.streamArn, checkpointFile, pollIntervalMs: 50,
      consumers: [{ name: 'outbox-only', filters: [{ dynamodb: { NewImage: { type: { S: ['outbox'] } } } }], handler: async (e) => { seen.push(...e.Records); } }],
    });
    await put('f-1', 'thing');
    await put('f-2', 'outbox');
    await eventually(async () => seen.some((r) => r.dynamodb?.Keys?.pk?.S === 'f-2'));
    await poller.idle();
    await poller.stop();
    expect(seen.map((r) => r.dynamodb?.Keys?.pk?.S)).not.toContain('f-1');
    const record = seen.find((r) => r.dynamodb?.Keys?.pk?.S === 'f-2');
    expect(record).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', eventSourceARN: own.streamArn });
    expect(record?.dynamodb?.NewImage?.type).toEqual({ S: 'outbox' });
    expect(typeof record?.dynamodb?.ApproximateCreationDateTime).toBe('number');
  });

  it('resumes after a crash between batches without skipping: records written while it was down arrive once', async () => {
    const checkpointFile = join(mkdtempSync(join(tmpdir(), 'poller-')), 'checkpoints.json');
    const handled: string[] = [];
    const handler = async (e: DynamoDBStreamEvent) => { handled.push(...e.Records.map((r) => r.dynamodb?.Keys?.pk?.S as string)); };
    const consumers = [{ name: 'resume', filters: [{ dynamodb: { Keys: { pk: { S: [{ prefix: 'r-' }] } } } }], handler }];
    const first = startStreamPoller({ client: own.streams, streamArn: own.streamArn, checkpointFile, consumers, pollIntervalMs: 50 });
    await put('r-1');
    await eventually(async () => handled.includes('r-1'));
    await first.stop();
    await put('r-2'); // written while no poller runs
    const second = startStreamPoller({ client: own.streams, streamArn: own.streamArn, checkpointFile, consumers, pollIntervalMs: 50 });
    await eventually(async () => handled.includes('r-2'));
    await second.idle();
    await second.stop();
    expect(handled).toEqual(['r-1', 'r-2']);
  });
});
