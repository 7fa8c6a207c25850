import type { Application } from '../../shared/applications/application';
import { searchTokens, worklistSortKey } from '../../shared/backoffice/worklist';
import { gsi, keys } from '../storage/keys';

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

/** The names of the worklist key attributes on the application item. */
export const WORKLIST_KEY_ATTRIBUTES = ['gsi2pk', 'gsi2sk', 'wlpk', 'wlsk'] as const;

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

/** What takes the stored token items of a dossier to its current ones: items to put, keys to delete. */
export interface TokenChanges {
  puts: Item[];
  deletes: Array<{ pk: string; sk: string }>;
}

/**
 * The token items to put and delete to go from `previous` to `next`: nothing when they are the same;
 * otherwise every current item put (at most `room` writes in all, the tokens in their priority
 * order) and the dropped ones deleted. Without `previous` every current item is put. Plain items:
 * the DynamoDB adapter (repository.ts) turns them into transaction actions.
 */
export function tokenChanges(next: Application, previous: Application | undefined, room: number): TokenChanges {
  const wanted = tokenItems(next);
  const had = previous ? tokenItems(previous) : [];
  if (previous && JSON.stringify(wanted) === JSON.stringify(had)) return { puts: [], deletes: [] };
  const keep = new Set(wanted.map((item) => item.sk));
  const deletes = had.filter((item) => !keep.has(item.sk)).map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
  return { puts: wanted.slice(0, Math.max(0, room - deletes.length)), deletes };
}

/** DynamoDB's limit of actions in one TransactWrite. */
export const MAX_TRANSACTION_ITEMS = 100;
