import {
  DescribeStreamCommand, DynamoDBStreamsClient, ExpiredIteratorException, GetRecordsCommand, GetShardIteratorCommand,
  TrimmedDataAccessException, type _Record, type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { matchesAny, type FilterPattern } from './event-filter';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<void | DynamoDBBatchResponse>;

export interface PollerConsumer {
  name: string;
  filters?: readonly FilterPattern[];
  batchSize?: number;
  /** Milliseconds to gather records before invoking (Lambda's MaximumBatchingWindowInSeconds). */
  batchingWindowMs?: number;
  handler: StreamHandler;
}

export interface PollerOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  consumers: PollerConsumer[];
  /** Where positions are kept, so a restart neither skips nor repeats a handled batch. */
  checkpointFile: string;
  pollIntervalMs?: number;
  retryDelayMs?: number;
  log?: (line: string) => void;
}

type Checkpoints = Record<string, Record<string, string>>;

/** Checkpoints are written atomically (temp file, fsync, rename): a crash leaves the old or the new file. */
function saveCheckpoints(file: string, checkpoints: Checkpoints) {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(checkpoints));
  const fd = openSync(temp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, file);
}

function loadCheckpoints(file: string): Checkpoints {
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Checkpoints;
}

/** DynamoDB Streams SDK records → the DynamoDBStreamEvent records Lambda hands to a function. */
export function toLambdaRecord(record: _Record, streamArn: string, region: string): DynamoDBRecord {
  const ddb = record.dynamodb ?? {};
  const created = ddb.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
      Keys: ddb.Keys as never,
      ...(ddb.NewImage ? { NewImage: ddb.NewImage as never } : {}),
      ...(ddb.OldImage ? { OldImage: ddb.OldImage as never } : {}),
      SequenceNumber: ddb.SequenceNumber,
      SizeBytes: ddb.SizeBytes,
      StreamViewType: ddb.StreamViewType as never,
    },
  } as DynamoDBRecord;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads a DynamoDB Local stream and hands batches to the stream handler modules, as Lambda's event
 * source mapping does: per consumer, in order per shard, filtered by the consumer's patterns; a failed
 * batch is retried (from the first failed record when the handler reports batchItemFailures) and the
 * position is checkpointed durably only after success — so no record is skipped, and after a crash at
 * most the batch in flight is delivered again (handlers are idempotent, as with Lambda).
 */
export function startStreamPoller(options: PollerOptions) {
  const log = options.log ?? (() => undefined);
  const checkpoints = loadCheckpoints(options.checkpointFile);
  const region = 'eu-west-1';
  let stopped = false;
  const loops: Promise<void>[] = [];
  let idleResolvers: Array<() => void> = [];
  let inFlight = 0;

  async function shardsInOrder(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const described = await options.client.send(new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      shards.push(...(described.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = described.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    // parents before children
    const ids = new Set(shards.map((s) => s.ShardId));
    const ordered: Shard[] = [];
    const visit = (shard: Shard) => {
      if (ordered.includes(shard)) return;
      const parent = shards.find((s) => s.ShardId === shard.ParentShardId);
      if (parent && ids.has(parent.ShardId)) visit(parent);
      ordered.push(shard);
    };
    shards.forEach(visit);
    return ordered;
  }

  async function iteratorFor(consumer: string, shardId: string): Promise<string | undefined> {
    const position = checkpoints[consumer]?.[shardId];
    const command = position
      ? new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: position })
      : new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' });
    try {
      return (await options.client.send(command)).ShardIterator;
    } catch (error) {
      if (error instanceof TrimmedDataAccessException) {
        log(`stream ${consumer}: position in ${shardId} was trimmed, starting from the oldest record`);
        return (await options.client.send(new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      }
      throw error;
    }
  }

  function checkpoint(consumer: string, shardId: string, sequenceNumber: string) {
    checkpoints[consumer] ??= {};
    (checkpoints[consumer] as Record<string, string>)[shardId] = sequenceNumber;
    saveCheckpoints(options.checkpointFile, checkpoints);
  }

  /** Delivers `records` (already filtered) until all succeed; returns when done or stopped. */
  async function deliver(consumer: PollerConsumer, shardId: string, records: _Record[]) {
    let pending = records;
    let attempt = 0;
    while (pending.length && !stopped) {
      const event: DynamoDBStreamEvent = { Records: pending.map((r) => toLambdaRecord(r, options.streamArn, region)) };
      try {
        const response = await consumer.handler(event);
        const failures = response && 'batchItemFailures' in response ? response.batchItemFailures : [];
        const firstFailed = failures.length
          ? pending.findIndex((r) => failures.some((f) => f.itemIdentifier === r.dynamodb?.SequenceNumber))
          : -1;
        if (firstFailed === -1) {
          checkpoint(consumer.name, shardId, pending.at(-1)?.dynamodb?.SequenceNumber as string);
          return;
        }
        if (firstFailed > 0) checkpoint(consumer.name, shardId, pending[firstFailed - 1]?.dynamodb?.SequenceNumber as string);
        pending = pending.slice(firstFailed);
        throw new Error(`${failures.length} record(s) reported as failed`);
      } catch (error) {
        attempt++;
        const delay = Math.min(30_000, (options.retryDelayMs ?? 500) * 2 ** Math.min(attempt - 1, 6));
        log(`stream ${consumer.name}: batch failed (attempt ${attempt}), retrying in ${delay} ms: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(delay);
      }
    }
  }

  async function runConsumer(consumer: PollerConsumer) {
    const iterators = new Map<string, string | undefined>();
    const finished = new Set<string>();
    while (!stopped) {
      let sawRecords = false;
      try {
        for (const shard of await shardsInOrder()) {
          const shardId = shard.ShardId as string;
          if (finished.has(shardId)) continue;
          if (shard.ParentShardId && !finished.has(shard.ParentShardId) && iterators.has(shard.ParentShardId)) continue;
          if (!iterators.has(shardId)) iterators.set(shardId, await iteratorFor(consumer.name, shardId));
          const iterator = iterators.get(shardId);
          if (!iterator) { finished.add(shardId); continue; }
          let result;
          try {
            result = await options.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: consumer.batchSize ?? 100 }));
          } catch (error) {
            if (error instanceof ExpiredIteratorException) { iterators.delete(shardId); continue; }
            throw error;
          }
          let records = result.Records ?? [];
          if (records.length && consumer.batchingWindowMs) {
            // gather what arrives within the batching window into the same invocation
            await sleep(consumer.batchingWindowMs);
            let next = result.NextShardIterator;
            while (next && records.length < (consumer.batchSize ?? 100)) {
              const more = await options.client.send(new GetRecordsCommand({ ShardIterator: next, Limit: (consumer.batchSize ?? 100) - records.length }));
              next = more.NextShardIterator;
              if (!more.Records?.length) break;
              records = records.concat(more.Records);
              result = { ...result, NextShardIterator: next };
            }
          }
          if (records.length) {
            sawRecords = true;
            inFlight++;
            try {
              const matching = records.filter((r) => matchesAny(toLambdaRecord(r, options.streamArn, region), consumer.filters));
              if (matching.length) await deliver(consumer, shardId, matching);
              if (!stopped) checkpoint(consumer.name, shardId, records.at(-1)?.dynamodb?.SequenceNumber as string);
            } finally {
              inFlight--;
            }
            if (stopped) return;
          }
          if (result.NextShardIterator) iterators.set(shardId, result.NextShardIterator);
          else { finished.add(shardId); iterators.delete(shardId); }
        }
      } catch (error) {
        if (stopped) return;
        log(`stream ${consumer.name}: ${error instanceof Error ? error.message : String(error)}`);
        iterators.clear();
        await sleep(1000);
      }
      if (!sawRecords) {
        if (inFlight === 0) { const waiting = idleResolvers; idleResolvers = []; waiting.forEach((resolve) => resolve()); }
        await sleep(options.pollIntervalMs ?? 250);
      }
    }
  }

  for (const consumer of options.consumers) loops.push(runConsumer(consumer));

  return {
    /** Resolves once every consumer has polled and found nothing new (useful in tests). */
    idle: () => new Promise<void>((resolve) => idleResolvers.push(resolve)),
    async stop() {
      stopped = true;
      await Promise.allSettled(loops);
    },
  };
}
