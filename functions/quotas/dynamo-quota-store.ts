import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { QuotaCounter, QuotaStore } from '../../shared/quotas/quota';
import { dynamo } from '../adapters/aws-clients';

/** Counters are kept one day past their window, then DynamoDB's TTL removes them. */
const KEEP_AFTER_WINDOW_SECONDS = 24 * 3600;

/**
 * The quota counters in DynamoDB (table `quota`, functions/storage/definitions.ts): one item per
 * counter (`pk` = `<quota>#<principal>#<day>`), incremented with a conditional update so concurrent
 * calls can never pass the limit together. Every counter of one call moves in one transaction: all
 * or none, so a refused call consumes nothing.
 */
export function dynamoQuotaStore(tableName: string, client: DynamoDBDocumentClient = dynamo()): QuotaStore {
  return {
    async consume(counters: readonly QuotaCounter[]) {
      if (!counters.length) return { ok: true };
      try {
        await client.send(new TransactWriteCommand({
          TransactItems: counters.map((counter) => ({
            Update: {
              TableName: tableName,
              Key: { pk: counter.key },
              UpdateExpression: 'ADD #count :one SET #expiresAt = :expiresAt',
              ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
              ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt' },
              ExpressionAttributeValues: {
                ':one': 1,
                ':limit': counter.limit,
                ':expiresAt': Math.ceil(counter.resetsAt / 1000) + KEEP_AFTER_WINDOW_SECONDS,
              },
            },
          })),
        }));
        return { ok: true };
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const index = (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
          const exceeded = counters[index];
          if (exceeded) return { ok: false, exceeded };
        }
        throw error;
      }
    },
  };
}
