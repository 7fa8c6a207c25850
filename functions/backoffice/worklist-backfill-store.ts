import { ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../adapters/aws-clients';
import { applicationFromItem } from '../applications/dynamo-store';
import { tokenItems, WORKLIST_KEY_ATTRIBUTES, worklistAttributes } from '../applications/worklist-items';
import { dynamoKeyCursor } from '../http/cursor';
import { keys } from '../storage/keys';
import type { WorklistBackfillStore } from './worklist-backfill';

/** The backfill's cursor: the Scan's LastEvaluatedKey (the table's own keys). */
const scanCursor = dynamoKeyCursor(['pk', 'sk']);

/**
 * The DynamoDB adapter of the worklist backfill. The one place that Scans the main table: a one-off
 * migration reads every item once (filtered to applications); request paths never Scan. Each write
 * is one transaction: the application item's worklist keys SET if its `version` is still the one
 * read (no data of it rewritten), and its token items put (at most 32, worklist-items.ts).
 */
export function dynamoWorklistBackfillStore(table: string): WorklistBackfillStore {
  return {
    async page(cursor, size) {
      // A Scan's Limit counts every item it reads (token items, other families): read on until the page holds `size` applications.
      const items: Record<string, unknown>[] = [];
      let startKey = cursor === null ? undefined : scanCursor.decode(cursor);
      do {
        const result = await dynamo().send(new ScanCommand({
          TableName: table, Limit: size,
          FilterExpression: '#type = :application', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':application': 'application' },
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }));
        items.push(...(result.Items ?? []));
        startKey = result.LastEvaluatedKey as Record<string, string> | undefined;
      } while (startKey && items.length < size);
      return {
        applications: items.map((item) => ({
          application: applicationFromItem(item),
          keys: Object.fromEntries(WORKLIST_KEY_ATTRIBUTES.filter((name) => name in item).map((name) => [name, item[name]])),
        })),
        next: scanCursor.fromKey(startKey),
      };
    },

    async index(application) {
      const attributes = Object.entries(worklistAttributes(application));
      try {
        await dynamo().send(new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table, Key: keys.application(application.id),
                UpdateExpression: `SET ${attributes.map((_, i) => `#k${i} = :k${i}`).join(', ')}`,
                ConditionExpression: '#v = :version',
                ExpressionAttributeNames: { '#v': 'version', ...Object.fromEntries(attributes.map(([name], i) => [`#k${i}`, name])) },
                ExpressionAttributeValues: { ':version': application.version, ...Object.fromEntries(attributes.map(([, value], i) => [`:k${i}`, value])) },
              },
            },
            ...tokenItems(application).map((Item) => ({ Put: { TableName: table, Item } })),
          ],
        }));
        return true;
      } catch (error) {
        const reasons = (error as { name?: string; CancellationReasons?: Array<{ Code?: string }> });
        if (reasons.name === 'TransactionCanceledException' && (reasons.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) return false;
        throw error;
      }
    },
  };
}
