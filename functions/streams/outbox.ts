import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { dynamo } from '../adapters/aws-clients';
import { baseEnv, parseEnv } from '../config/env';
import { logger } from '../observability/logger';
import { deliverers } from '../outbox/deliverers';
import type { OutboxMessage } from '../outbox/outbox';
import { keys } from '../storage/keys';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  MAIL_FROM: z.string().min(3),
  /** Sender of the cheques service's mails (Mail.sender 'cheques'); MAIL_FROM when not set. */
  CHEQUES_MAIL_FROM: z.string().min(3).optional(),
  SES_CONFIGURATION_SET: z.string().optional(),
}));

/**
 * Delivers outbox messages. Each message is first claimed (pending → sending, conditional), then
 * delivered, then marked sent. A message that is not pending is never delivered again, so a redelivered
 * stream record cannot send a mail twice; a failed delivery is released (→ pending) and reported as a
 * batch item failure, so the stream retries it.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    const item = unmarshall(image as never) as { id: string; message: OutboxMessage };
    const key = keys.outbox(item.id);
    try {
      await dynamo().send(new UpdateCommand({
        TableName: env.TABLE_NAME, Key: key,
        UpdateExpression: 'SET #s = :sending, attempts = attempts + :one, claimedAt = :now',
        ConditionExpression: '#s = :pending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':one': 1, ':now': new Date().toISOString() },
      }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) continue; // already delivered or in delivery
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber as string });
      continue;
    }
    try {
      const deliver = deliverers[item.message.kind] as ((m: OutboxMessage, e: typeof env, id: string) => Promise<string>) | undefined;
      if (!deliver) throw new Error(`no deliverer for outbox kind ${item.message.kind}`);
      const receipt = await deliver(item.message, env, item.id);
      await dynamo().send(new UpdateCommand({
        TableName: env.TABLE_NAME, Key: key,
        UpdateExpression: 'SET #s = :sent, sentAt = :now, receipt = :receipt',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':now': new Date().toISOString(), ':receipt': receipt },
      }));
    } catch (error) {
      logger.warn('Outbox delivery failed; will retry', { outboxId: item.id, kind: item.message.kind, error: error instanceof Error ? error.message : String(error) });
      await dynamo().send(new UpdateCommand({
        TableName: env.TABLE_NAME, Key: key,
        UpdateExpression: 'SET #s = :pending, lastError = :error',
        ConditionExpression: '#s = :sending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending', ':error': error instanceof Error ? error.message.slice(0, 500) : 'unknown' },
      })).catch(() => undefined);
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber as string });
    }
  }
  return { batchItemFailures: failures };
}
