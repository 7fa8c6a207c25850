import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { runDuePages } from '../jobs/due-loop';
import type { JobResult } from '../jobs/job-event';
import { dynamo } from './aws-clients';

type Item = Record<string, unknown>;

/** Names of DynamoDB errors that mean "a condition of this write failed": someone wrote in between. */
const isNamed = (error: unknown, name: string) => (error as { name?: unknown } | null)?.name === name;

/**
 * A conditional write (single or in a transaction) was refused because of its condition or a
 * concurrent transaction — optimistic concurrency says: read again, or leave it to the winner.
 */
export function isConditionFailure(error: unknown): boolean {
  if (isNamed(error, 'ConditionalCheckFailedException') || isNamed(error, 'TransactionConflictException')) return true;
  if (!isNamed(error, 'TransactionCanceledException')) return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict');
}

/**
 * The pages of the sparse `due` index for one job: Query `duePk = :job AND dueAt <= :now` page by page
 * (never a Scan: the reads scale with what is due, not with the table), with the read capacity
 * DynamoDB reported (`null` where the emulator reports none).
 */
export async function* dueItemPages(tableName: string, job: string, now: Date): AsyncGenerator<{ items: Item[]; consumedReadCapacity: number | null }> {
  let startKey: Item | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({
      TableName: tableName,
      IndexName: 'due',
      KeyConditionExpression: 'duePk = :job AND dueAt <= :now',
      ExpressionAttributeValues: { ':job': job, ':now': now.toISOString() },
      ReturnConsumedCapacity: 'TOTAL',
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }));
    yield { items: (page.Items ?? []) as Item[], consumedReadCapacity: page.ConsumedCapacity?.CapacityUnits ?? null };
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

export interface DueJobOptions {
  tableName: string;
  job: string;
  now: Date;
  /** Acts on one due item; resolves true when it changed something. Must be idempotent. */
  act: (item: Item) => Promise<boolean>;
  /** Items acted on at the same time (default 16). */
  concurrency?: number;
}

/** The loop of a due-index job over raw items (the back office's jobs): `runDuePages` over `dueItemPages`. */
export function runDueJob(options: DueJobOptions): Promise<JobResult> {
  return runDuePages(options.job, dueItemPages(options.tableName, options.job, options.now), options.act, options.concurrency);
}
