import * as z from 'zod';
import type { ApplicationStatus } from '../../shared/applications/state-machine';
import {
  deadlineUpperBound, leadToken, nextDeadline, OPEN_STATUSES, queryTokens, WORKLIST_SORTS, type WorklistSort,
} from '../../shared/backoffice/worklist';
import type { IsoDate } from '../../shared/time/calendar';
import type { StoredApplication } from '../applications/store';
import { toApplicationResponse } from '../applications/use-cases';
import { cursorCodec } from '../http/cursor';
import { loadApplication } from './context';
import type { BackofficePorts } from './ports';
import { view } from './view';

/** One entry of an index partition: the dossier's sort key, and the dossier when the entry is its item. */
export interface WorklistEntry {
  sortKey: string;
  applicationId: string;
  application: StoredApplication | null;
}

/** One partition of the worklist: a status, optionally narrowed to the dossiers with a search token. */
export interface PartitionQuery {
  status: ApplicationStatus;
  /** Only dossiers with this search token (null: every dossier of the status). */
  token: string | null;
  /** …that also have all these tokens. */
  alsoTokens: readonly string[];
  sort: WorklistSort;
  /** Exclusive bounds on the sort key: after the last one shown; deadline sort only: before this key. */
  after: string | null;
  before: string | null;
  limit: number;
}

/**
 * Port: the worklist's index (DynamoDB adapter: worklist-store.ts; in-memory fake for unit tests).
 * Every read is one key range of one partition, so its cost follows the page, not the table.
 */
export interface WorklistIndex {
  /** Up to `limit` entries of the partition in ascending sort key, within the bounds. */
  read(query: PartitionQuery): Promise<WorklistEntry[]>;
  /** The dossiers with these ids (missing ones left out). */
  applications(ids: readonly string[]): Promise<StoredApplication[]>;
}

export interface WorklistQuery {
  status?: ApplicationStatus | undefined;
  q?: string | undefined;
  deadlineBefore?: IsoDate | undefined;
  sort?: WorklistSort | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** The worklist's cursor: the sort order and the sort key of the last dossier shown (the one cursor codec). */
export const worklistCursor = cursorCodec(z.strictObject({ sort: z.enum(WORKLIST_SORTS), after: z.string().min(1).max(1000) }));

const DEFAULT_LIMIT = 50;

/**
 * GET /v1/backoffice/applications (issue 11): the worklist. Filters by status (without one: every
 * dossier still to decide, OPEN_STATUSES), free text `q` (every word must match: title, own
 * reference, organisation name or KBO number, ODB number) and `deadlineBefore` (next deadline
 * strictly before that day); sorted by the nearest deadline (default) or the oldest submission.
 *
 * Each status is its own index partition (or, with `q`, the partition of the query's longest word
 * in that status). The partitions are merged by sort key and read lazily (`mergePartitions`), so a
 * page reads about `limit + 1` entries plus one chunk per status. The cursor is the last key shown, so
 * the next page starts right after it in every partition: reads follow the page size, never the table.
 */
export async function listWorklist(index: WorklistIndex, query: WorklistQuery) {
  const sort = query.sort ?? 'deadline';
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? null : worklistCursor.decode(query.cursor, { sort }).after;
  const search = query.q === undefined ? null : leadToken(queryTokens(query.q));
  const statuses: readonly ApplicationStatus[] = query.status ? [query.status] : OPEN_STATUSES;
  const before = sort === 'deadline' && query.deadlineBefore ? deadlineUpperBound(query.deadlineBefore) : null;

  const base = { token: search?.lead ?? null, alsoTokens: search?.others ?? [], sort, before };
  const merged = await mergePartitions(statuses, limit + 1, (status, from, count) => index.read({ ...base, status, after: from, limit: count }), after);
  const shown = merged.slice(0, limit);
  const missing = shown.filter((entry) => entry.application === null).map((entry) => entry.applicationId);
  const loaded = new Map((missing.length > 0 ? await index.applications(missing) : []).map((app) => [app.id, app]));
  const items = shown.flatMap((entry) => {
    const app = entry.application ?? loaded.get(entry.applicationId);
    return app ? [{ ...toApplicationResponse(app), orgKbo: app.orgKbo, organisationName: app.organisationName ?? null, odbNumbers: app.odbNumbers, nextDeadline: nextDeadline(app) }] : [];
  });
  const last = shown.at(-1);
  return { items, nextCursor: merged.length > limit && last ? worklistCursor.encode({ sort, after: last.sortKey }) : null };
}

interface Partition { entries: WorklistEntry[]; last: string | null; exhausted: boolean }

const byKey = (a: WorklistEntry, b: WorklistEntry) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);

/**
 * The first `wanted` entries of several partitions in sort-key order, reading each partition lazily in
 * chunks: an entry is final once it is not after the last key read of every partition still open (no
 * unread entry can come before it). So a page costs about `wanted` entries plus one chunk per partition,
 * not `wanted` per partition: with a filtering search word every entry read costs reads in proportion to
 * how rare the match is, and reading `wanted` matches from each of four statuses read four pages' worth.
 */
async function mergePartitions(
  statuses: readonly ApplicationStatus[],
  wanted: number,
  read: (status: ApplicationStatus, after: string | null, count: number) => Promise<WorklistEntry[]>,
  after: string | null,
): Promise<WorklistEntry[]> {
  const chunk = Math.ceil(wanted / statuses.length) + 1;
  const fetch = async (status: ApplicationStatus, from: string | null): Promise<Partition> => {
    const entries = await read(status, from, chunk);
    return { entries, last: entries.at(-1)?.sortKey ?? from, exhausted: entries.length < chunk };
  };
  const partitions = await Promise.all(statuses.map((status) => fetch(status, after)));
  const all = () => partitions.flatMap((p) => p.entries);
  for (;;) {
    const open = partitions.map((p, i) => ({ p, i })).filter(({ p }) => !p.exhausted);
    if (open.length === 0) return all().sort(byKey);
    const bound = open.reduce((min, { p }) => (p.last !== null && (min === null || p.last < min) ? p.last : min), null as string | null);
    const final = all().filter((entry) => bound !== null && entry.sortKey <= bound);
    if (final.length >= wanted) return final.sort(byKey);
    // Read on in the open partition that is furthest behind: it holds the bound.
    const behind = open.find(({ p }) => p.last === bound) ?? open[0]!;
    const next = await fetch(statuses[behind.i]!, behind.p.last);
    partitions[behind.i] = { entries: [...behind.p.entries, ...next.entries], last: next.last, exhausted: next.exhausted };
  }
}

/** GET /v1/backoffice/applications/{id}: everything, with the history (R-BO-6). */
export async function readForBackoffice(ports: BackofficePorts, id: string, now: Date) {
  return view(ports, await loadApplication(ports, id), now);
}
