import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { dynamo } from '../adapters/aws-clients';
import { applicationFromItem } from '../applications/repository';
import { tokenPartition } from '../applications/worklist-items';
import { gsi, keys } from '../storage/keys';
import type { PartitionQuery, WorklistEntry, WorklistIndex } from './worklist';

/**
 * The DynamoDB adapter of the worklist index: Queries on gsi2 (sort=submitted) and `worklist`
 * (sort=deadline), whose entries functions/applications/worklist-items.ts writes with every write of
 * an application. Never a Scan: one key range of one partition per call.
 */

const INDEX = { submitted: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' }, deadline: { name: 'worklist', pk: 'wlpk', sk: 'wlsk' } } as const;

const tokenEntrySchema = z.object({ type: z.literal('applicationToken'), applicationId: z.string() });

function entryOf(item: Record<string, unknown>, sortAttribute: string): WorklistEntry {
  const sortKey = z.string().parse(item[sortAttribute]);
  if (item.type === 'application') {
    const application = applicationFromItem(item);
    return { sortKey, applicationId: application.id, application };
  }
  return { sortKey, applicationId: tokenEntrySchema.parse(item).applicationId, application: null };
}

/** The key condition: the partition, and the sort key after `after` and/or before `before` (BETWEEN is inclusive: `after` itself is dropped by the caller). */
function keyCondition(query: PartitionQuery, sk: string): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'> {
  const pk = query.token === null ? gsi.applicationStatus(query.status) : tokenPartition(query.token, query.status);
  const values: Record<string, unknown> = { ':pk': pk };
  let range = '';
  if (query.after !== null && query.before !== null) {
    range = ` AND ${sk} BETWEEN :after AND :before`;
    values[':after'] = query.after;
    values[':before'] = query.before;
  } else if (query.after !== null) {
    range = ` AND ${sk} > :after`;
    values[':after'] = query.after;
  } else if (query.before !== null) {
    range = ` AND ${sk} < :before`;
    values[':before'] = query.before;
  }
  return { KeyConditionExpression: `${INDEX[query.sort].pk} = :pk${range}`, ExpressionAttributeValues: values };
}

/** Fewest entries a filtered Query evaluates: small token items, so this many cost one read unit or less. */
const MIN_EVALUATED = 16;
const MAX_EVALUATED = 1000;

/**
 * How many entries a filtered Query should evaluate (DynamoDB's `Limit` counts entries before the
 * filter) to find the `wanted` matches still missing: from the share that matched so far, doubling
 * while nothing matched. Each Query costs at least half a read unit, so asking for only the missing
 * count would issue a Query per few entries; over-reading only costs reads, never order (the next read
 * starts after the last entry returned, by key).
 */
export function evaluationLimit(wanted: number, evaluated: number, matched: number): number {
  if (evaluated === 0) return Math.max(MIN_EVALUATED, wanted);
  if (matched === 0) return Math.min(MAX_EVALUATED, Math.max(MIN_EVALUATED, evaluated * 2));
  return Math.min(MAX_EVALUATED, Math.max(MIN_EVALUATED, Math.ceil((wanted * evaluated) / matched)));
}

export function dynamoWorklistIndex(table: string): WorklistIndex {
  return {
    async read(query) {
      const index = INDEX[query.sort];
      const condition = keyCondition(query, index.sk);
      const inclusiveAfter = query.after !== null && query.before !== null;
      const filter = query.alsoTokens.map((_, i) => `contains(#tokens, :t${i})`).join(' AND ');
      const entries: WorklistEntry[] = [];
      let startKey: Record<string, unknown> | undefined;
      let evaluated = 0;
      let matched = 0;
      do {
        const wanted = query.limit - entries.length;
        const result = await dynamo().send(new QueryCommand({
          TableName: table, IndexName: index.name, ...condition,
          ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ...Object.fromEntries(query.alsoTokens.map((token, i) => [`:t${i}`, token])) },
          ...(filter ? { FilterExpression: filter, ExpressionAttributeNames: { '#tokens': 'tokens' } } : {}),
          // +1 with BETWEEN only: it may return the cursor's own entry, which is not shown again
          Limit: (filter ? evaluationLimit(wanted, evaluated, matched) : wanted) + (inclusiveAfter ? 1 : 0),
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }));
        evaluated += result.ScannedCount ?? 0;
        matched += result.Items?.length ?? 0;
        for (const item of result.Items ?? []) {
          const entry = entryOf(item, index.sk);
          if (entry.sortKey !== query.after && entries.length < query.limit) entries.push(entry);
        }
        startKey = result.LastEvaluatedKey;
      } while (startKey && entries.length < query.limit);
      return entries;
    },

    async applications(ids) {
      const found: ReturnType<typeof applicationFromItem>[] = [];
      for (let start = 0; start < ids.length; start += 100) {
        let pending: Record<string, unknown>[] = ids.slice(start, start + 100).map((id) => keys.application(id));
        while (pending.length > 0) {
          const result = await dynamo().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
          found.push(...(result.Responses?.[table] ?? []).map(applicationFromItem));
          pending = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
        }
      }
      return found;
    },
  };
}
