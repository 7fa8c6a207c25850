import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { dynamo } from '../adapters/aws-clients';
import { applicationFromItem } from '../applications/dynamo-store';
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

/** Where a key range starts: after a key (the cursor) or at one (a zig-zag jump). */
interface Lower { key: string; inclusive: boolean }

/** The key condition: the partition, and the sort key from `lower` and/or before `before` (BETWEEN is inclusive: an exclusive `lower` itself is dropped by the caller). */
function keyCondition(pk: string, lower: Lower | null, before: string | null, index: (typeof INDEX)[keyof typeof INDEX]): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'> {
  const values: Record<string, unknown> = { ':pk': pk };
  let range = '';
  if (lower !== null && before !== null) {
    range = ` AND ${index.sk} BETWEEN :lower AND :before`;
    values[':lower'] = lower.key;
    values[':before'] = before;
  } else if (lower !== null) {
    range = ` AND ${index.sk} ${lower.inclusive ? '>=' : '>'} :lower`;
    values[':lower'] = lower.key;
  } else if (before !== null) {
    range = ` AND ${index.sk} < :before`;
    values[':before'] = before;
  }
  return { KeyConditionExpression: `${index.pk} = :pk${range}`, ExpressionAttributeValues: values };
}

const partitionOf = (query: Pick<PartitionQuery, 'status'>, token: string | null) => (token === null ? gsi.applicationStatus(query.status) : tokenPartition(token, query.status));

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
function evaluationLimit(wanted: number, evaluated: number, matched: number): number {
  if (evaluated === 0) return Math.max(MIN_EVALUATED, wanted);
  if (matched === 0) return Math.min(MAX_EVALUATED, Math.max(MIN_EVALUATED, evaluated * 2));
  return Math.min(MAX_EVALUATED, Math.max(MIN_EVALUATED, Math.ceil((wanted * evaluated) / matched)));
}

export function dynamoWorklistIndex(table: string): WorklistIndex {
  /** The first key of a word's partition after `position` (within `before`), or null when it has none. */
  async function nextKey(query: PartitionQuery, token: string, position: string): Promise<string | null> {
    const index = INDEX[query.sort];
    const result = await dynamo().send(new QueryCommand({
      TableName: table, IndexName: index.name, ...keyCondition(partitionOf(query, token), { key: position, inclusive: false }, query.before, index), Limit: 2,
    }));
    const key = (result.Items ?? []).map((item) => z.string().parse(item[index.sk])).find((k) => k !== position);
    return key ?? null;
  }

  return {
    /**
     * One key range of one partition. With further words (`alsoTokens`) the lead word's entries are
     * filtered by them, and the read zig-zags: after a Query page without a match, each other word's
     * next key after the position reached is looked up (one small Query each) and the lead's range
     * restarts at the furthest of them — the lead's entries before it lack a word, so they are
     * skipped unread. Where the words interleave this costs a Query per empty page; where they meet
     * in clusters it skips every run between them. A word with no further key ends the read.
     */
    async read(query) {
      const index = INDEX[query.sort];
      const pk = partitionOf(query, query.token);
      const filter = query.alsoTokens.map((_, i) => `contains(#tokens, :t${i})`).join(' AND ');
      const entries: WorklistEntry[] = [];
      let lower: Lower | null = query.after === null ? null : { key: query.after, inclusive: false };
      let startKey: Record<string, unknown> | undefined;
      let evaluated = 0;
      let matched = 0;
      for (;;) {
        const wanted = query.limit - entries.length;
        const condition = keyCondition(pk, lower, query.before, index);
        // +1 with BETWEEN from the cursor only: it may return the cursor's own entry, which is not shown again
        const extra = lower !== null && !lower.inclusive && query.before !== null ? 1 : 0;
        const result = await dynamo().send(new QueryCommand({
          TableName: table, IndexName: index.name, ...condition,
          ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ...Object.fromEntries(query.alsoTokens.map((token, i) => [`:t${i}`, token])) },
          ...(filter ? { FilterExpression: filter, ExpressionAttributeNames: { '#tokens': 'tokens' } } : {}),
          Limit: (filter ? evaluationLimit(wanted, evaluated, matched) : wanted) + extra,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }));
        evaluated += result.ScannedCount ?? 0;
        matched += result.Items?.length ?? 0;
        for (const item of result.Items ?? []) {
          const entry = entryOf(item, index.sk);
          if (entry.sortKey !== query.after && entries.length < query.limit) entries.push(entry);
        }
        startKey = result.LastEvaluatedKey;
        if (!startKey || entries.length >= query.limit) return entries;
        if (filter && (result.Items?.length ?? 0) === 0) {
          // zig-zag: jump to where every other word has an entry again
          const position = z.string().parse(startKey[index.sk]);
          const next = await Promise.all(query.alsoTokens.map((token) => nextKey(query, token, position)));
          if (next.some((key) => key === null)) return entries;
          const target = (next as string[]).reduce((max, key) => (key > max ? key : max));
          lower = { key: target, inclusive: true };
          startKey = undefined;
          evaluated = 0;
          matched = 0;
        }
      }
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
