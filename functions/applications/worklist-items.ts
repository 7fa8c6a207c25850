import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../../shared/applications/application';
import { searchTokens, worklistSortKey } from '../../shared/backoffice/worklist';
import { gsi, keys } from '../storage/keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Item = Record<string, unknown>;

/*
 * The worklist's index entries of an application (issue 11), computed here and only here, from the
 * application as it is written — so every write of the application (put, create, every transaction)
 * keeps them right:
 *
 * - on the application item: gsi2 `APPSTATUS#<status>` / `<submittedAt>#<id>` (sort=submitted) and
 *   the `worklist` index `wlpk` = the same partition / `wlsk` = `<next deadline>#<submittedAt>#<id>`
 *   (sort=deadline; `deadlineBefore` is a key range);
 * - one search-token item per token (`APP#<id>` / `TOKEN#<token>`) in the partition
 *   `APPTOKEN#<token>#<status>` of both indexes, with the same sort keys, and the dossier's whole
 *   token list (`tokens`) so further words of a query filter within the first word's partition.
 *
 * Only submitted applications have entries (drafts never crowd the back office's worklist).
 */

export const tokenPartition = (token: string, status: string) => `APPTOKEN#${token}#${status}`;

/** The worklist key attributes of the application item itself. */
export function worklistAttributes(app: Application): Item {
  if (!app.submittedAt) return {};
  const partition = gsi.applicationStatus(app.status);
  return { gsi2pk: partition, gsi2sk: worklistSortKey(app, 'submitted'), wlpk: partition, wlsk: worklistSortKey(app, 'deadline') };
}

/** The search-token items of the application (none before it is submitted). */
export function tokenItems(app: Application): Item[] {
  if (!app.submittedAt) return [];
  const tokens = searchTokens(app);
  const submitted = worklistSortKey(app, 'submitted');
  const deadline = worklistSortKey(app, 'deadline');
  return tokens.map((token) => ({
    ...keys.applicationToken(app.id, token),
    type: 'applicationToken', applicationId: app.id, token, tokens,
    gsi2pk: tokenPartition(token, app.status), gsi2sk: submitted,
    wlpk: tokenPartition(token, app.status), wlsk: deadline,
  }));
}

/**
 * The transaction items that take the token items from `previous` to `next`: nothing when they are
 * the same; otherwise every current item put (at most `room` of them, in the tokens' priority
 * order) and the dropped ones deleted. Without `previous` every current item is put.
 */
export function tokenWrites(table: string, next: Application, previous: Application | undefined, room: number): TransactItem[] {
  const wanted = tokenItems(next);
  const had = previous ? tokenItems(previous) : [];
  if (previous && JSON.stringify(wanted) === JSON.stringify(had)) return [];
  const keep = new Set(wanted.map((item) => item.sk));
  const deletes: TransactItem[] = had.filter((item) => !keep.has(item.sk))
    .map((item) => ({ Delete: { TableName: table, Key: { pk: item.pk, sk: item.sk } } }));
  const puts: TransactItem[] = wanted.slice(0, Math.max(0, room - deletes.length)).map((item) => ({ Put: { TableName: table, Item: item } }));
  return [...deletes, ...puts];
}

/** DynamoDB's limit of actions in one TransactWrite. */
export const MAX_TRANSACTION_ITEMS = 100;
