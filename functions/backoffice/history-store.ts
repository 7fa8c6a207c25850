import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { historyEntrySchema, type HistoryEntry } from '../../shared/applications/history';
import { dynamo } from '../adapters/aws-clients';
import type { TransactItem } from '../adapters/dynamo-transaction';
import { keys } from '../storage/keys';

/**
 * R-BO-6: history entries live beside their application (`APP#<id>` / `HIST#<at>#<n>`). An entry is
 * only ever written with `attribute_not_exists(pk)` inside the transaction of the change it records:
 * append-only, and never without the change. Nothing updates or deletes one.
 */
export function historyPut(table: string, applicationId: string, entry: HistoryEntry, n: string): TransactItem {
  return {
    Put: {
      TableName: table,
      Item: { ...keys.applicationHistory(applicationId, entry.at, n), type: 'applicationHistory', applicationId, ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The whole history of an application, oldest first (one Query on its partition; items parsed with zod). */
export async function listHistory(table: string, applicationId: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :hist)',
      ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':hist': 'HIST#' },
      ConsistentRead: true,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }));
    for (const item of page.Items ?? []) entries.push(historyEntrySchema.parse(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return entries;
}
