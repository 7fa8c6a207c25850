import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { keys } from '../storage/keys';
import type { TransactItem } from '../adapters/dynamo-transaction';
import { OUTBOX_DUE, RETAIN_DAYS, SWEEP_GRACE_MS, outboxMessageSchema, type OutboxMessage, type OutboxStatus } from './outbox';
import type { ClaimOutcome, OutboxStore } from './store';

const ERROR_LENGTH = 500;
const S = { '#s': 'status' };

const rowSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int().min(0),
  lastError: z.string().optional(),
});

/** The transaction action that writes a new outbox message beside the state change it belongs to. */
export function outboxPut(tableName: string, id: string, message: OutboxMessage, now: Date): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.outbox(id),
        type: 'outbox',
        id,
        kind: message.kind,
        status: 'pending' satisfies OutboxStatus,
        message,
        attempts: 0,
        createdAt: now.toISOString(),
        duePk: OUTBOX_DUE,
        dueAt: new Date(now.getTime() + SWEEP_GRACE_MS).toISOString(),
        ttl: Math.floor(now.getTime() / 1000) + RETAIN_DAYS * 86400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** The outbox rows of the main table (functions/storage/keys.ts `outbox`), with the lease in `claimedUntil`. */
export function dynamoOutboxStore(doc: DynamoDBDocumentClient, tableName: string): OutboxStore {
  /** Ends a failed attempt (retry later, or give up) only while that very attempt still holds the row. */
  const endAttempt = async (id: string, attempt: number, error: string, update: string, values: Record<string, string>) => {
    await doc.send(new UpdateCommand({
      TableName: tableName, Key: keys.outbox(id),
      UpdateExpression: update,
      ConditionExpression: '#s = :sending AND attempts = :attempt',
      ExpressionAttributeNames: S,
      ExpressionAttributeValues: { ':sending': 'sending', ':attempt': attempt, ':error': error.slice(0, ERROR_LENGTH), ...values },
    })).catch((e: unknown) => { if (!isConditionFailure(e)) throw e; });
  };

  return {
    async claim(id, now, leaseUntil): Promise<ClaimOutcome> {
      let attributes: Record<string, unknown> | undefined;
      try {
        attributes = (await doc.send(new UpdateCommand({
          TableName: tableName, Key: keys.outbox(id),
          UpdateExpression: 'SET #s = :sending, attempts = attempts + :one, claimedAt = :now, claimedUntil = :until, duePk = :due, dueAt = :until, claimToken = :token',
          // A `sending` row without a lease was claimed before leases existed: its consumer is long gone.
          // `claimToken = :token`: the SDK retried this very claim after a timeout, and the first attempt
          // had landed — it is still ours (else the message would wait for its own lease to expire).
          ConditionExpression: '#s = :pending OR (#s = :sending AND (claimedUntil <= :now OR attribute_not_exists(claimedUntil) OR claimToken = :token))',
          ExpressionAttributeNames: S,
          ExpressionAttributeValues: {
            ':sending': 'sending', ':pending': 'pending', ':one': 1, ':now': now.toISOString(),
            ':until': leaseUntil.toISOString(), ':due': OUTBOX_DUE, ':token': randomUUID(),
          },
          ReturnValues: 'ALL_NEW',
        }))).Attributes;
      } catch (error) {
        if (isConditionFailure(error)) return { kind: 'not-claimable' };
        throw error;
      }
      const row = rowSchema.safeParse(attributes);
      const message = outboxMessageSchema.safeParse(attributes?.message);
      const attempt = row.success ? row.data.attempts : Number(attributes?.attempts ?? 0);
      if (!row.success || !message.success) {
        const issues = [...(row.error?.issues ?? []), ...(message.error?.issues ?? [])];
        return { kind: 'invalid', id, attempt, reason: issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ').slice(0, ERROR_LENGTH) };
      }
      return { kind: 'claimed', claim: { id, message: message.data, attempt, leaseUntil } };
    },

    async markSent(id, receipt, now) {
      await doc.send(new UpdateCommand({
        TableName: tableName, Key: keys.outbox(id),
        UpdateExpression: 'SET #s = :sent, sentAt = :now, receipt = :receipt REMOVE duePk, dueAt, claimedUntil, claimToken',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: S,
        ExpressionAttributeValues: { ':sent': 'sent', ':now': now.toISOString(), ':receipt': receipt },
      }));
    },

    async release(id, attempt, error, retryAt) {
      await endAttempt(id, attempt, error, 'SET #s = :pending, lastError = :error, dueAt = :retryAt REMOVE claimedUntil, claimToken',
        { ':pending': 'pending', ':retryAt': retryAt.toISOString() });
    },

    async markFailed(id, attempt, error, now) {
      await endAttempt(id, attempt, error, 'SET #s = :failed, lastError = :error, failedAt = :now REMOVE duePk, dueAt, claimedUntil, claimToken',
        { ':failed': 'failed', ':now': now.toISOString() });
    },

    async due(now, limit) {
      const page = await doc.send(new QueryCommand({
        TableName: tableName, IndexName: 'due',
        KeyConditionExpression: 'duePk = :due AND dueAt <= :now',
        ExpressionAttributeValues: { ':due': OUTBOX_DUE, ':now': now.toISOString() },
        Limit: limit,
      }));
      return (page.Items ?? []).map((item) => String(item.id ?? '')).filter((id) => id !== '');
    },

    async status(id) {
      const item = (await doc.send(new GetCommand({ TableName: tableName, Key: keys.outbox(id), ConsistentRead: true }))).Item;
      if (!item) return undefined;
      const row = rowSchema.parse(item);
      return { status: row.status, attempts: row.attempts, ...(row.lastError !== undefined ? { lastError: row.lastError } : {}) };
    },
  };
}
