import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { EVALUATION_OVERDUE_JOB, type RegistrationJob } from '../../shared/registrations/due';
import type { Registration } from '../../shared/registrations/registration';
import { dynamo } from '../adapters/aws-clients';
import type { TransactItem } from '../adapters/dynamo-transaction';
import { dueItemPages, isConditionFailure } from '../adapters/dynamo-due-index';
import { historyPut } from '../backoffice/history-store';
import { dynamoKeyCursor } from '../http/cursor';
import { outboxPut } from '../outbox/dynamo-store';
import { gsi, keys } from '../storage/keys';
import { evaluationReminderItem, fromEvaluationReminderItem, fromRegistrationItem, registrationModuleItemSchema, toRegistrationItem } from './items';
import {
  RegistrationWriteConflict,
  type DuePage,
  type ExpectedRegistration,
  type RegistrationStore,
  type ReminderCompletion,
  type RegistrationWrite,
  type ResolvedOdbNumber,
  type StoredRegistration,
} from './store';


/**
 * Writes a registration: a new one only if its number is free; an existing one only if nobody
 * changed it since it was read (`expected`). For callers that compose a larger transaction (the
 * approval in the back office adds the application's change).
 */
export function putRegistration(tableName: string, reg: Registration, expected: ExpectedRegistration, now: Date): TransactItem {
  const item = toRegistrationItem(reg, (expected?.version ?? 0) + 1, expected?.createdAt ?? now.toISOString(), now);
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ...(expected
        ? { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': expected.version } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}

/**
 * R-BO-5: (re)schedules the registration's overdue reminder for its current evaluation date (an
 * unconditional put: a new date replaces the old reminder, mailed or not).
 */
export function putEvaluationReminder(tableName: string, reg: Registration): TransactItem {
  return { Put: { TableName: tableName, Item: evaluationReminderItem(reg) } };
}

export async function getRegistration(tableName: string, odbNumber: string): Promise<StoredRegistration | null> {
  const result = await dynamo().send(new GetCommand({ TableName: tableName, Key: keys.registration(odbNumber), ConsistentRead: true }));
  if (!result.Item || result.Item.type !== 'registration') return null;
  return fromRegistrationItem(result.Item);
}

/** One Query on the number's partition finds either item (`REG` or `MODULE`); a module's number gives its training. */
export async function resolveOdbNumber(tableName: string, odbNumber: string): Promise<ResolvedOdbNumber | null> {
  const result = await dynamo().send(new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.registration(odbNumber).pk },
    ConsistentRead: true,
    Limit: 2,
  }));
  const items = result.Items ?? [];
  const training = items.find((item) => item.type === 'registration');
  if (training) return { ...fromRegistrationItem(training), module: null };
  const found = items.find((item) => item.type === 'registrationModule');
  if (!found) return null;
  const pointer = registrationModuleItemSchema.parse(found);
  const parent = await getRegistration(tableName, pointer.trainingOdbNumber);
  if (!parent) return null;
  return { ...parent, module: parent.registration.modules.find((m) => m.odbNumber === odbNumber) ?? null };
}

const registrationsCursor = dynamoKeyCursor(['pk', 'sk', 'gsi1pk', 'gsi1sk']);

/** The DynamoDB adapter of `RegistrationStore` (single table, `functions/storage/keys.ts`). */
export function dynamoRegistrationStore(tableName: string): RegistrationStore {
  return {
    get: (odbNumber) => getRegistration(tableName, odbNumber),
    resolve: (odbNumber) => resolveOdbNumber(tableName, odbNumber),

    async listByOrganisation(kbo, limit, cursor) {
      const result = await dynamo().send(new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi.orgRegistrations(kbo) },
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: registrationsCursor.decode(cursor, { gsi1pk: gsi.orgRegistrations(kbo) }) } : {}),
      }));
      const items = (result.Items ?? []).filter((item) => item.type === 'registration').map((item) => fromRegistrationItem(item));
      return { items, nextCursor: registrationsCursor.fromKey(result.LastEvaluatedKey) };
    },

    async *due(job: RegistrationJob, now: Date): AsyncGenerator<DuePage> {
      for await (const page of dueItemPages(tableName, job, now)) {
        yield { items: page.items.filter((item) => item.type === 'registration').map((item) => fromRegistrationItem(item)), consumedReadCapacity: page.consumedReadCapacity };
      }
    },

    async write(change: RegistrationWrite, now: Date) {
      const put = putRegistration(tableName, change.registration, change.expected, now);
      const extra: TransactItem[] = [
        ...(change.scheduleEvaluationReminder ? [putEvaluationReminder(tableName, change.registration)] : []),
        // R-BO-6: history entries of the dossier, in the same transaction as the change they record
        ...(change.history ?? []).map(({ applicationId, entry, n }) => historyPut(tableName, applicationId, entry, n)),
        ...(change.outbox ?? []).map(({ id, message }) => outboxPut(tableName, id, message, now)),
      ];
      try {
        // A change alone is one conditional PutItem (cheaper than a one-item transaction).
        if (extra.length === 0 && put.Put) await dynamo().send(new PutCommand(put.Put));
        else await dynamo().send(new TransactWriteCommand({ TransactItems: [put, ...extra] }));
      } catch (error) {
        if (isConditionFailure(error)) throw new RegistrationWriteConflict(change.registration.odbNumber);
        throw error;
      }
    },

    async *dueReminders(now: Date) {
      for await (const page of dueItemPages(tableName, EVALUATION_OVERDUE_JOB, now)) {
        yield { items: page.items.filter((item) => item.type === 'evaluationReminder').map((item) => fromEvaluationReminderItem(item)), consumedReadCapacity: page.consumedReadCapacity };
      }
    },

    async completeReminder({ reminder, outbox, history }: ReminderCompletion, now: Date) {
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: keys.evaluationReminder(reminder.odbNumber),
            UpdateExpression: 'SET mailedAt = :now REMOVE duePk, dueAt',
            ConditionExpression: 'duePk = :job AND dueAt = :dueAt AND evaluationDue = :evaluationDue',
            ExpressionAttributeValues: { ':now': now.toISOString(), ':job': EVALUATION_OVERDUE_JOB, ':dueAt': reminder.dueAt, ':evaluationDue': reminder.evaluationDue },
          },
        },
        ...history.map(({ applicationId, entry, n }) => historyPut(tableName, applicationId, entry, n)),
        ...outbox.map(({ id, message }) => outboxPut(tableName, id, message, now)),
      ];
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        if (isConditionFailure(error)) throw new RegistrationWriteConflict(reminder.odbNumber);
        throw error;
      }
    },
  };
}
