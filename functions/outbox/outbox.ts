import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Mail } from '../mail/mail';
import { keys } from '../storage/keys';

/**
 * Transactional outbox. A use case that changes state and must tell someone writes the message in the
 * SAME DynamoDB transaction as the state change (`outboxPut`), so neither is lost without the other.
 * The stream consumer `functions/streams/outbox.ts` delivers it, retries a failed delivery, and never
 * delivers one twice. Message ids are deterministic per cause (e.g. `submitted:<applicationId>`), so a
 * retried use case cannot create a second message either.
 */
export type OutboxMessage =
  | { kind: 'mail'; mail: Mail }
  | { kind: 'issuer-order'; order: Record<string, unknown> };

export type OutboxKind = OutboxMessage['kind'];

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const RETAIN_DAYS = 90;

export function outboxPut(tableName: string, id: string, message: OutboxMessage, now: Date): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.outbox(id),
        type: 'outbox',
        id,
        kind: message.kind,
        status: 'pending',
        message,
        attempts: 0,
        createdAt: now.toISOString(),
        ttl: Math.floor(now.getTime() / 1000) + RETAIN_DAYS * 86400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Filter criteria of the outbox consumer (Lambda event filtering; the local poller applies the same). */
export const outboxFilter = { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['outbox'] } } } };
