/**
 * DynamoDB adapter of the cheque store. Item shapes (functions/storage/keys.ts):
 * - chequeRequest `CHQ#<id>` / `CHQ`, gsi1 `WORKER#<hash>` / `<createdAt>#<id>`; while awaiting the
 *   contribution also `duePk = 'unpaid-contributions'`, `dueAt = contributionDueAt` (sparse `due` index);
 * - budget `WORKER#<hash>` / `BUDGET#<schoolYear>` with `usedCents`, `usedOrdinaryCents` (budget.ts);
 * - issuerEvent `ISSUEREVENT#<eventId>`: recorded in the same transaction as the change it caused.
 * Every change is one TransactWriteItems: request, budget, issuer event id and outbox messages together.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { ChequeBudget, ReservationCondition } from '../../shared/cheques/budget';
import { ProofFactsSchema } from '../../shared/cheques/proof';
import { dynamo } from '../adapters/aws-clients';
import type { TransactItem } from '../adapters/dynamo-transaction';
import { outboxPut } from '../outbox/dynamo-store';
import { gsi, keys } from '../storage/keys';
import { UNPAID_CONTRIBUTIONS_JOB, type ChangeResult, type ChequeStore, type CreateResult, type OutboxEntry } from './store';
import { StoredChequeRequestSchema, type StoredChequeRequest } from './stored-request';


const ISSUER_EVENT_RETAIN_DAYS = 800;

const ProofRecordSchema = z.object({
  code: z.string().min(1),
  requestId: z.string().min(1),
  issuedAt: z.iso.datetime(),
  facts: ProofFactsSchema,
});

/** The budget item (items written before the R-CHQ-3 running total existed lack its two counters). */
const BudgetItemSchema = z.object({
  usedCents: z.int().nonnegative().default(0),
  usedOrdinaryCents: z.int().nonnegative().default(0),
  sharedCents: z.int().nonnegative().default(0),
  sharedContributionCents: z.int().nonnegative().default(0),
});
const EMPTY_ITEM = {};

function toItem(request: StoredChequeRequest): Record<string, unknown> {
  const due = request.status === 'awaiting-contribution' && request.contributionDueAt !== null
    ? { duePk: UNPAID_CONTRIBUTIONS_JOB, dueAt: request.contributionDueAt }
    : {};
  return {
    ...keys.chequeRequest(request.id),
    type: 'chequeRequest',
    gsi1pk: gsi.workerRequests(request.workerHash),
    gsi1sk: `${request.createdAt}#${request.id}`,
    ...due,
    ...request,
  };
}

/** Parsed at the boundary: a malformed item is a storage error, never a request of some shape. */
function fromItem(item: Record<string, unknown>): StoredChequeRequest {
  return StoredChequeRequestSchema.parse(item);
}

function budgetOf(item: Record<string, unknown> | undefined): ChequeBudget {
  return BudgetItemSchema.parse(item ?? EMPTY_ITEM);
}

interface CancellationReason { Code?: string }

/** The cancellation reasons of a failed transaction, or undefined when the error is something else. */
function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  const name = (error as { name?: unknown }).name;
  if (name === 'TransactionCanceledException') {
    return ((error as { CancellationReasons?: CancellationReason[] }).CancellationReasons) ?? [];
  }
  if (name === 'TransactionConflictException') return [{ Code: 'TransactionConflict' }];
  return undefined;
}

/**
 * The budget update of an accepted request (budget.ts module comment): caps as a condition, and for a
 * request where the worker pays a share (R-CHQ-3) the running total it was computed on, exactly.
 */
function reservationUpdate(tableName: string, request: StoredChequeRequest, reservation: ReservationCondition, now: Date): TransactItem {
  const values: Record<string, unknown> = {
    ':zero': 0,
    ':addUsed': reservation.add.usedCents,
    ':addOrdinary': reservation.add.usedOrdinaryCents,
    ':addShared': reservation.add.sharedCents,
    ':addContribution': reservation.add.sharedContributionCents,
    ':maxUsed': reservation.maxUsedBefore,
    ':maxOrdinary': reservation.maxUsedOrdinaryBefore,
    ':budget': 'budget',
    ':schoolYear': request.schoolYear,
    ':now': now.toISOString(),
  };
  const conditions = ['(attribute_not_exists(usedCents) OR (usedCents <= :maxUsed AND usedOrdinaryCents <= :maxOrdinary))'];
  const expected = reservation.expectedShared;
  if (expected !== undefined) {
    for (const [name, value] of [['sharedCents', expected.sharedCents], ['sharedContributionCents', expected.sharedContributionCents]] as const) {
      const placeholder = `:expected${name === 'sharedCents' ? 'Shared' : 'Contribution'}`;
      values[placeholder] = value;
      // An item without the counter holds 0 (written before the running total existed, or never).
      conditions.push(value === 0 ? `(attribute_not_exists(${name}) OR ${name} = ${placeholder})` : `${name} = ${placeholder}`);
    }
  }
  return {
    Update: {
      TableName: tableName,
      Key: keys.budget(request.workerHash, request.schoolYear),
      UpdateExpression:
        'SET usedCents = if_not_exists(usedCents, :zero) + :addUsed, ' +
        'usedOrdinaryCents = if_not_exists(usedOrdinaryCents, :zero) + :addOrdinary, ' +
        'sharedCents = if_not_exists(sharedCents, :zero) + :addShared, ' +
        'sharedContributionCents = if_not_exists(sharedContributionCents, :zero) + :addContribution, ' +
        '#type = :budget, schoolYear = :schoolYear, updatedAt = :now',
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: values,
    },
  };
}

export function dynamoChequeStore(tableName: string): ChequeStore {
  /** True when the stored request is exactly the state this write produced (same status, same change time). */
  const isOwnWrite = async (written: StoredChequeRequest): Promise<boolean> => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName, Key: keys.chequeRequest(written.id), ConsistentRead: true }));
    return Item !== undefined && Item.workerHash === written.workerHash && Item.status === written.status && Item.updatedAt === written.updatedAt;
  };
  const outboxItems = (entries: OutboxEntry[], now: Date) => entries.map((entry) => outboxPut(tableName, entry.id, entry.message, now));

  return {
    async budget(workerHash, schoolYear) {
      const { Item } = await dynamo().send(new GetCommand({
        TableName: tableName, Key: keys.budget(workerHash, schoolYear), ConsistentRead: true,
      }));
      return budgetOf(Item);
    },

    async get(id) {
      const { Item } = await dynamo().send(new GetCommand({ TableName: tableName, Key: keys.chequeRequest(id), ConsistentRead: true }));
      return Item && Item.type === 'chequeRequest' ? fromItem(Item) : undefined;
    },

    async listByWorker(workerHash) {
      const items: StoredChequeRequest[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(new QueryCommand({
          TableName: tableName, IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': gsi.workerRequests(workerHash), ':type': 'chequeRequest' },
          FilterExpression: '#type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ScanIndexForward: false,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }));
        for (const item of page.Items ?? []) items.push(fromItem(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },

    async create({ request, reservation, outbox }, now): Promise<CreateResult> {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: toItem(request), ConditionExpression: 'attribute_not_exists(pk)' } },
      ];
      if (reservation) items.push(reservationUpdate(tableName, request, reservation, now));
      items.push(...outboxItems(outbox, now));
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
        return 'created';
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        // The request id is new and the outbox ids derive from it: only the budget condition or a
        // conflicting concurrent transaction can cancel this one. Either way: read again and decide again.
        // One exception: the SDK retried a write that had in fact committed (a timeout under load) and now
        // finds its own request. Then it was created, exactly once.
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          if (await isOwnWrite(request)) return 'created';
          throw new Error('cheque request id collision');
        }
        return 'retry';
      }
    },

    async change({ next, expectedStatus, release, issuerEventId, outbox }, now): Promise<ChangeResult> {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: toItem(next),
            ConditionExpression: 'attribute_exists(pk) AND #status = :expected',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':expected': expectedStatus },
          },
        },
      ];
      const eventIndex = issuerEventId === undefined ? -1 : items.length;
      if (issuerEventId !== undefined) {
        items.push({
          Put: {
            TableName: tableName,
            Item: {
              ...keys.issuerEvent(issuerEventId), type: 'issuerEvent', eventId: issuerEventId, requestId: next.id,
              receivedAt: now.toISOString(), ttl: Math.floor(now.getTime() / 1000) + ISSUER_EVENT_RETAIN_DAYS * 86400,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
      }
      const releaseIndex = release === undefined ? -1 : items.length;
      if (release !== undefined) {
        items.push({
          Update: {
            TableName: tableName,
            Key: keys.budget(next.workerHash, next.schoolYear),
            UpdateExpression:
              'SET usedCents = usedCents - :used, usedOrdinaryCents = usedOrdinaryCents - :ordinary, ' +
              'sharedCents = if_not_exists(sharedCents, :zero) - :shared, ' +
              'sharedContributionCents = if_not_exists(sharedContributionCents, :zero) - :contribution, updatedAt = :now',
            // No counter may go below zero (a release of 0 on a counter that is absent needs no condition).
            ConditionExpression: [
              'usedCents >= :used AND usedOrdinaryCents >= :ordinary',
              ...(release.sharedCents > 0 ? ['sharedCents >= :shared'] : []),
              ...(release.sharedContributionCents > 0 ? ['sharedContributionCents >= :contribution'] : []),
            ].join(' AND '),
            ExpressionAttributeValues: {
              ':used': release.usedCents, ':ordinary': release.usedOrdinaryCents, ':shared': release.sharedCents,
              ':contribution': release.sharedContributionCents, ':zero': 0, ':now': now.toISOString(),
            },
          },
        });
      }
      items.push(...outboxItems(outbox, now));
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
        return 'changed';
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        // An SDK retry of a change that had in fact committed finds its own result: it happened once.
        if (reasons[0]?.Code === 'ConditionalCheckFailed' && (await isOwnWrite(next))) return 'changed';
        if (eventIndex >= 0 && reasons[eventIndex]?.Code === 'ConditionalCheckFailed') return 'replayed';
        if (releaseIndex >= 0 && reasons[releaseIndex]?.Code === 'ConditionalCheckFailed') {
          throw new Error(`budget release for cheque request ${next.id} exceeds what was reserved`);
        }
        return 'stale';
      }
    },

    async issuerEventSeen(eventId) {
      const { Item } = await dynamo().send(new GetCommand({ TableName: tableName, Key: keys.issuerEvent(eventId), ConsistentRead: true }));
      return Item !== undefined;
    },

    async saveProof(proof) {
      try {
        await dynamo().send(new PutCommand({
          TableName: tableName,
          Item: { ...keys.chequeProof(proof.code), type: 'chequeProof', ...proof },
          ConditionExpression: 'attribute_not_exists(pk)',
        }));
        return proof;
      } catch (error) {
        if ((error as { name?: unknown }).name !== 'ConditionalCheckFailedException') throw error;
        const existing = await this.getProof(proof.code);
        if (!existing) throw error;
        return existing;
      }
    },

    async getProof(code) {
      const { Item } = await dynamo().send(new GetCommand({ TableName: tableName, Key: keys.chequeProof(code), ConsistentRead: true }));
      return Item ? ProofRecordSchema.parse(Item) : undefined;
    },

    async unpaidDue(now) {
      const items: StoredChequeRequest[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(new QueryCommand({
          TableName: tableName, IndexName: 'due',
          KeyConditionExpression: 'duePk = :job AND dueAt <= :now',
          ExpressionAttributeValues: { ':job': UNPAID_CONTRIBUTIONS_JOB, ':now': now.toISOString() },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }));
        for (const item of page.Items ?? []) if (item.type === 'chequeRequest') items.push(fromItem(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
  };
}
