import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDeadLetters, readDeadLetters } from '../../../functions/adapters/dead-letters';
import { STREAM_RETRY_ATTEMPTS } from '../../../infra/stream-consumers';
import { startStreamPoller } from '../../../infra/local/streams';
import { eventually } from '../../support/stack';
import { streamTable } from '../../support/stream-table';

/**
 * Issue 14.5: a stream record that keeps failing is retried as often as the event source mapping
 * retries it in AWS (STREAM_RETRY_ATTEMPTS, bisecting the batch), then goes to the local dead-letter
 * store, and the shard moves on — on a table and stream of the test's own, with short retry delays.
 */
describe('faults: a poison stream record', () => {
  const own = streamTable('poison');

  const put = (pk: string) => own.ddb.send(new PutItemCommand({ TableName: own.table, Item: { pk: { S: pk } } }));

  it('is retried as in AWS, then dead-lettered; the records behind it are delivered', async () => {
    // Prepare: a handler that throws on the poison record, and fails the whole batch with it
    const dir = mkdtempSync(join(tmpdir(), 'poison-'));
    const deadLetterFile = join(dir, 'dead-letters.jsonl');
    const invocations: string[][] = [];
    const delivered: string[] = [];
    const handler = async (event: DynamoDBStreamEvent) => {
      const keys = event.Records.map((r) => r.dynamodb?.Keys?.pk?.S as string);
      invocations.push(keys);
      if (keys.includes('poison')) throw new Error('cannot handle this record');
      delivered.push(...keys);
    };
    const lines: string[] = [];
    const poller = startStreamPoller({
      client: own.streams, streamArn: own.streamArn, checkpointFile: join(dir, 'checkpoints.json'), pollIntervalMs: 50, retryDelayMs: 5,
      consumers: [{ name: 'test', handler }], deadLetters: fileDeadLetters(deadLetterFile), log: (line) => lines.push(line),
    });

    // Act: the poison record between two good ones, written together
    await put('before');
    await put('poison');
    await put('after');
    await eventually(async () => delivered.includes('after'), 30_000);
    await poller.idle();
    await poller.stop();

    // Assess
    const withPoison = invocations.filter((keys) => keys.includes('poison'));
    expect(withPoison).toHaveLength(STREAM_RETRY_ATTEMPTS + 1); // the first attempt and every retry
    expect(withPoison.at(-1)).toEqual(['poison']); // bisected down to the poison record alone
    expect(delivered.filter((k) => k === 'before')).toHaveLength(1);
    expect(delivered.filter((k) => k === 'after')).toHaveLength(1);
    expect(readDeadLetters(deadLetterFile)).toEqual([expect.objectContaining({ source: 'stream:test', reason: 'cannot handle this record', detail: expect.objectContaining({ keys: { pk: { S: 'poison' } } }) })]);
    expect(lines.some((line) => line.startsWith('DEAD LETTER stream test'))).toBe(true);
  });
});
