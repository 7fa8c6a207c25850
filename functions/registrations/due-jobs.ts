import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { brusselsDate } from '../../shared/time/calendar';
import type { Registration } from '../../shared/registrations/registration';
import { dynamo } from '../adapters/aws-clients';
import type { JobResult } from '../jobs/job-event';
import { nextRegistrationDue, type RegistrationJob } from './due';
import { fromRegistrationItem, writeRegistration } from './store';

type Item = Record<string, unknown>;

export interface DueJobOptions {
  tableName: string;
  job: string;
  now: Date;
  /** Acts on one due item; resolves true when it changed something. Must be idempotent. */
  act: (item: Item) => Promise<boolean>;
  /** Items acted on at the same time (default 16). */
  concurrency?: number;
}

/**
 * The loop every due-index job shares: Query `duePk = :job AND dueAt <= :now` page by page (never a
 * Scan: the reads scale with what is due, not with the table), act on each item, and report what it
 * examined, what it changed and the read capacity DynamoDB reported (`null` where the emulator
 * reports none).
 */
export async function runDueJob(options: DueJobOptions): Promise<JobResult> {
  const { tableName, job, now, act } = options;
  const concurrency = options.concurrency ?? 16;
  let examined = 0;
  let changed = 0;
  let consumed: number | null = null;
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
    if (page.ConsumedCapacity?.CapacityUnits !== undefined) consumed = (consumed ?? 0) + page.ConsumedCapacity.CapacityUnits;
    const items = page.Items ?? [];
    examined += items.length;
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++] as Item;
        if (await act(item)) changed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { job, examined, changed, details: { consumedReadCapacity: consumed } };
}

export const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException
  || (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed'));

/**
 * One registration job (`stop-dates`, `evaluation-removals`): applies the domain rule for the
 * Brussels date of `now`, and writes the registration back with its next due entry (or none),
 * conditional on the version it read — an item someone changed meanwhile is left to its new state.
 * A status change counts as a change; a second run finds nothing due.
 */
export function registrationJob(tableName: string, job: RegistrationJob, now: Date, rule: (reg: Registration, today: string) => Registration): Promise<JobResult> {
  const today = brusselsDate(now.toISOString());
  return runDueJob({
    tableName, job, now,
    act: async (item) => {
      if (item.type !== 'registration') return false;
      const stored = fromRegistrationItem(item);
      const updated = rule(stored.registration, today);
      const due = nextRegistrationDue(updated);
      const statusChanged = updated.status !== stored.registration.status;
      if (!statusChanged && due?.duePk === item.duePk && due?.dueAt === item.dueAt) return false;
      try {
        await writeRegistration(tableName, updated, stored, now);
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
      return statusChanged;
    },
  });
}
