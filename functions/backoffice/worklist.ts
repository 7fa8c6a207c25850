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

/** Entries read from each word's partition to tell which word is the rarest near the page. */
export const PROBE_SIZE = 8;

/**
 * GET /v1/backoffice/applications (issue 11): the worklist. Filters by status (without one: every
 * dossier still to decide, OPEN_STATUSES), free text `q` (every word must match: title, own
 * reference, organisation name or KBO number, ODB number) and `deadlineBefore` (next deadline
 * strictly before that day); sorted by the nearest deadline (default) or the oldest submission.
 *
 * Each status is its own index partition (or, with `q`, the partition of the query's rarest word
 * in that status, `planPartition`). The partitions are merged by sort key and read lazily in growing
 * chunks (`mergePartitions`), so a page reads about `limit + 1` entries plus a small chunk per status.
 * The cursor is the last key shown, so the next page starts right after it in every partition: reads
 * follow the page size, never the table.
 */
export async function listWorklist(index: WorklistIndex, query: WorklistQuery) {
  const sort = query.sort ?? 'deadline';
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? null : worklistCursor.decode(query.cursor, { sort }).after;
  const tokens = query.q === undefined ? [] : queryTokens(query.q);
  const statuses: readonly ApplicationStatus[] = query.status ? [query.status] : OPEN_STATUSES;
  const before = sort === 'deadline' && query.deadlineBefore ? deadlineUpperBound(query.deadlineBefore) : null;

  const plans = await Promise.all(statuses.map((status) => planPartition(index, { status, sort, after, before }, tokens)));
  const merged = await mergePartitions(plans, limit + 1, ({ status, token, alsoTokens }, from, count) => index.read({ status, token, alsoTokens, sort, before, after: from, limit: count }), after);
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

/** Which partition of a status to read: every dossier (no word), a word's, or none (a word without any dossier there). */
export interface PartitionPlan {
  status: ApplicationStatus;
  token: string | null;
  alsoTokens: readonly string[];
  /** Known to hold nothing within the bounds: not read. */
  empty: boolean;
}

/** What a probe of one word's partition saw: how many entries (of PROBE_SIZE asked) and the last one's key. */
export interface Probe { token: string; count: number; lastKey: string | null }

/**
 * The word to read a status by when `q` has several (every one must match): the rarest near the page.
 * Reading word A's partition and keeping the entries that also have the other words costs
 * |A| / |all words| entries per match, so the word with the fewest entries in the key range is the
 * cheapest lead, whatever the words' lengths. Each probe read the first PROBE_SIZE entries after the
 * cursor: a probe that ran out found every entry of its word in the range (fewest wins); otherwise the
 * word whose PROBE_SIZE-th entry lies furthest along has the fewest entries per key range. Ties keep the
 * longest word (`leadToken`). A word with no entry at all: the status has no match (`null`).
 */
export function rarestToken(probes: readonly Probe[]): string | null {
  if (probes.length === 0 || probes.some((p) => p.count === 0)) return null;
  const preferred = leadToken(probes.map((p) => p.token))?.lead;
  const rank = (p: Probe) => [p.count < PROBE_SIZE ? 0 : 1, p.count < PROBE_SIZE ? p.count : 0] as const;
  return [...probes].sort((a, b) => {
    const [ra, ca] = rank(a);
    const [rb, cb] = rank(b);
    if (ra !== rb) return ra - rb;
    if (ca !== cb) return ca - cb;
    if (ra === 1 && a.lastKey !== b.lastKey) return (a.lastKey ?? '') > (b.lastKey ?? '') ? -1 : 1;
    return a.token === preferred ? -1 : b.token === preferred ? 1 : 0;
  })[0]!.token;
}

/**
 * The partition a status is read by: without words, the status itself; with one word, that word's;
 * with several, each word's partition is probed (PROBE_SIZE entries after the cursor, in parallel: a
 * constant per page and status) and the rarest leads, the others filter (`rarestToken`).
 */
async function planPartition(
  index: WorklistIndex,
  bounds: Pick<PartitionQuery, 'status' | 'sort' | 'after' | 'before'>,
  tokens: readonly string[],
): Promise<PartitionPlan> {
  const plan = (token: string | null, empty = false): PartitionPlan => ({ status: bounds.status, token, alsoTokens: tokens.filter((t) => t !== token), empty });
  if (tokens.length <= 1) return plan(tokens[0] ?? null);
  const probes = await Promise.all(tokens.map(async (token): Promise<Probe> => {
    const entries = await index.read({ ...bounds, token, alsoTokens: [], limit: PROBE_SIZE });
    return { token, count: entries.length, lastKey: entries.at(-1)?.sortKey ?? null };
  }));
  const lead = rarestToken(probes);
  return lead === null ? plan(tokens[0] ?? null, true) : plan(lead);
}

interface Partition { entries: WorklistEntry[]; last: string | null; exhausted: boolean; chunk: number }

const byKey = (a: WorklistEntry, b: WorklistEntry) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);

/** The first read of each partition when several are merged: a quarter of a fair share of the page (at least 2). */
export const firstChunk = (wanted: number, partitions: number) => (partitions === 1 ? wanted : Math.max(2, Math.ceil(wanted / (4 * partitions))));

/**
 * The first `wanted` entries of several partitions in sort-key order, reading each partition lazily:
 * an entry is final once it is not after the last key read of every partition still open (no unread
 * entry can come before it). Every partition first reads a small chunk (`firstChunk`); then the open
 * partition furthest behind reads on, with a chunk that doubles each time that partition is behind
 * again (it keeps supplying the page) but never more than the entries the page still misses. So a
 * page costs about `wanted` entries plus one small chunk per other partition, whether the statuses
 * interleave or one of them holds the whole page.
 */
async function mergePartitions<P extends { empty: boolean }>(
  plans: readonly P[],
  wanted: number,
  read: (plan: P, after: string | null, count: number) => Promise<WorklistEntry[]>,
  after: string | null,
): Promise<WorklistEntry[]> {
  const first = firstChunk(wanted, plans.length);
  const fetch = async (plan: P, from: string | null, count: number): Promise<Omit<Partition, 'chunk'>> => {
    if (plan.empty) return { entries: [], last: from, exhausted: true };
    const entries = await read(plan, from, count);
    return { entries, last: entries.at(-1)?.sortKey ?? from, exhausted: entries.length < count };
  };
  const partitions: Partition[] = await Promise.all(plans.map(async (plan) => ({ ...(await fetch(plan, after, first)), chunk: first })));
  const all = () => partitions.flatMap((p) => p.entries);
  for (;;) {
    const open = partitions.map((p, i) => ({ p, i })).filter(({ p }) => !p.exhausted);
    if (open.length === 0) return all().sort(byKey);
    const bound = open.reduce((min, { p }) => (p.last !== null && (min === null || p.last < min) ? p.last : min), null as string | null);
    const final = all().filter((entry) => bound !== null && entry.sortKey <= bound);
    if (final.length >= wanted) return final.sort(byKey);
    // Read on in the open partition that is furthest behind: it holds the bound.
    const behind = open.find(({ p }) => p.last === bound) ?? open[0]!;
    const chunk = behind.p.chunk * 2;
    const next = await fetch(plans[behind.i]!, behind.p.last, Math.min(chunk, wanted - final.length));
    partitions[behind.i] = { entries: [...behind.p.entries, ...next.entries], last: next.last, exhausted: next.exhausted, chunk };
  }
}

/** GET /v1/backoffice/applications/{id}: everything, with the history (R-BO-6). */
export async function readForBackoffice(ports: BackofficePorts, id: string, now: Date) {
  return view(ports, await loadApplication(ports, id), now);
}
