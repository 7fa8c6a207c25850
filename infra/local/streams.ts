import {
  DescribeStreamCommand, DynamoDBStreamsClient, ExpiredIteratorException, GetRecordsCommand, GetShardIteratorCommand,
  TrimmedDataAccessException, type _Record, type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeadLetters } from '../../functions/outbox/store';
import { STREAM_RETRY_ATTEMPTS } from '../stream-consumers';
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
  /** First retry delay of a failed batch (doubling per attempt, at most 30 s). */
  retryDelayMs?: number;
  /** Retries of a failing record before it is dead-lettered (AWS: the mapping's retryAttempts). */
  retryAttempts?: number;
  /** Where a record that exhausted its retries goes (AWS: the on-failure destination). */
  deadLetters?: DeadLetters;
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
  // idle(): per consumer, the number of the round in progress and of the last round that found nothing
  const rounds = new Map<string, number>();
  const lastQuiet = new Map<string, number>();
  let idleWaiters: Array<{ after: Map<string, number>; resolve: () => void }> = [];
  const settleIdleWaiters = () => {
    idleWaiters = idleWaiters.filter((waiter) => {
      const quiet = [...waiter.after].every(([name, round]) => (lastQuiet.get(name) ?? 0) > round);
      if (quiet) waiter.resolve();
      return !quiet;
    });
  };

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

  /**
   * Delivers `records` (already filtered) as the event source mapping does: a batch that throws is
   * bisected; a partial failure is retried from the first failed record; a record that still fails
   * after `retryAttempts` retries goes to the dead-letter store and the shard moves on. Returns when
   * every record is delivered or dead-lettered, or the poller stops.
   */
  async function deliver(consumer: PollerConsumer, shardId: string, records: _Record[]) {
    const retries = options.retryAttempts ?? STREAM_RETRY_ATTEMPTS;
    const queue: Array<{ records: _Record[]; attempts: number }> = [{ records, attempts: 0 }];
    while (queue.length && !stopped) {
      const batch = queue[0] as { records: _Record[]; attempts: number };
      const event: DynamoDBStreamEvent = { Records: batch.records.map((r) => toLambdaRecord(r, options.streamArn, region)) };
      let failure: string;
      try {
        const response = await consumer.handler(event);
        const failures = response && 'batchItemFailures' in response ? response.batchItemFailures : [];
        const firstFailed = failures.length
          ? batch.records.findIndex((r) => failures.some((f) => f.itemIdentifier === r.dynamodb?.SequenceNumber))
          : -1;
        if (firstFailed === -1) {
          checkpoint(consumer.name, shardId, batch.records.at(-1)?.dynamodb?.SequenceNumber as string);
          queue.shift();
          continue;
        }
        if (firstFailed > 0) {
          checkpoint(consumer.name, shardId, batch.records[firstFailed - 1]?.dynamodb?.SequenceNumber as string);
          batch.records = batch.records.slice(firstFailed);
        }
        failure = `${failures.length} record(s) reported as failed`;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        if (batch.records.length > 1) {
          // bisect on error: the halves are retried separately, so one poison record cannot hold the rest
          const half = Math.ceil(batch.records.length / 2);
          queue.splice(0, 1, { records: batch.records.slice(0, half), attempts: batch.attempts + 1 }, { records: batch.records.slice(half), attempts: batch.attempts + 1 });
          log(`stream ${consumer.name}: batch of ${batch.records.length} failed, bisecting: ${failure}`);
          continue;
        }
      }
      batch.attempts++;
      if (batch.attempts > retries) {
        const poison = batch.records[0] as _Record;
        const sequenceNumber = poison.dynamodb?.SequenceNumber as string;
        log(`DEAD LETTER stream ${consumer.name}: record ${sequenceNumber} failed ${batch.attempts} times, moved to the dead-letter store: ${failure}`);
        await options.deadLetters?.put({
          source: `stream:${consumer.name}`, id: sequenceNumber, reason: failure.slice(0, 500), at: new Date().toISOString(),
          detail: { shardId, eventName: poison.eventName, keys: poison.dynamodb?.Keys },
        });
        checkpoint(consumer.name, shardId, sequenceNumber);
        batch.records = batch.records.slice(1);
        batch.attempts = 0;
        if (!batch.records.length) queue.shift();
        continue;
      }
      const delay = Math.min(30_000, (options.retryDelayMs ?? 500) * 2 ** Math.min(batch.attempts - 1, 6));
      log(`stream ${consumer.name}: batch failed (attempt ${batch.attempts}), retrying in ${delay} ms: ${failure}`);
      await sleep(delay);
    }
  }

  async function runConsumer(consumer: PollerConsumer) {
    const iterators = new Map<string, string | undefined>();
    const finished = new Set<string>();
    while (!stopped) {
      let sawRecords = false;
      let failed = false;
      const round = (rounds.get(consumer.name) ?? 0) + 1;
      rounds.set(consumer.name, round);
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
            const matching = records.filter((r) => matchesAny(toLambdaRecord(r, options.streamArn, region), consumer.filters));
            if (matching.length) await deliver(consumer, shardId, matching);
            if (!stopped) checkpoint(consumer.name, shardId, records.at(-1)?.dynamodb?.SequenceNumber as string);
            if (stopped) return;
          }
          if (result.NextShardIterator) iterators.set(shardId, result.NextShardIterator);
          else { finished.add(shardId); iterators.delete(shardId); }
        }
      } catch (error) {
        if (stopped) return;
        failed = true;
        log(`stream ${consumer.name}: ${error instanceof Error ? error.message : String(error)}`);
        iterators.clear();
        await sleep(1000);
      }
      if (!sawRecords && !failed) {
        lastQuiet.set(consumer.name, round);
        settleIdleWaiters();
        await sleep(options.pollIntervalMs ?? 250);
      }
    }
  }

  for (const consumer of options.consumers) loops.push(runConsumer(consumer));

  return {
    /**
     * Resolves once EVERY consumer has, in a round started after this call, read all its shards and
     * found nothing new: whatever was written before the call has been handled (or dead-lettered).
     */
    idle: () => new Promise<void>((resolve) => {
      idleWaiters.push({ after: new Map(options.consumers.map((c) => [c.name, rounds.get(c.name) ?? 0])), resolve });
    }),
    async stop() {
      stopped = true;
      await Promise.allSettled(loops);
    },
  };
}
