/**
 * Publishes the catalogue into its shards (shared/catalogue/shards.ts, docs/decisions/0015):
 * - `applyRegistrationChanges`: the stream's images of changed registrations → the records of their
 *   shards → the head. No DynamoDB read at all; one read and (when something changed) one conditional
 *   write per touched shard, and one of the head — whatever the size of the catalogue.
 * - `rebuildCatalogue`: every `active` and `replaced` registration read from gsi2 (paged Query, never a
 *   Scan) → every shard whose content differs. First start, the daily run (valid-from and stop dates that
 *   came without a change: R-BO-3, R-REG-1) and recovery.
 * Use cases: the object store and the clock come in as arguments; the table source is a port too.
 */
import { brusselsDate } from '../../shared/time/calendar';
import { publishedRecord, type RegistrationLike, type RejectedRegistration } from '../../shared/catalogue/from-registration';
import {
  advanceHead, applyToShard, emptyHead, emptyShard, shardIds, shardOf,
  type CatalogueHead, type RecordChange, type ShardContent,
} from '../../shared/catalogue/shards';
import type { PublishedTraining } from '../../shared/catalogue/published-training';
import { eachLimited } from './limited';
import type { CatalogueObjectStore } from './store';

/** The statuses that can be in the catalogue (stopped and removed never are). */
export const PUBLISHABLE_STATUSES = ['active', 'replaced'] as const;

/** One changed registration item: its new state, or null when the item was deleted. */
export interface RegistrationChange {
  odbNumber: string;
  registration: RegistrationLike | null;
  /** The item's `updatedAt` (for a deletion: when it was seen). */
  sourceAt: string;
}

export interface PublishResult {
  /** 'published': the head moved on; 'unchanged': no published record changed. */
  outcome: 'published' | 'unchanged';
  seq: number;
  /** ODB numbers whose published record changed. */
  changed: string[];
  shardsWritten: number;
  count: number;
  rejected: RejectedRegistration[];
  ms: number;
}

/** Conditional writes that keep conflicting this often are a fault, not contention. */
const MAX_ATTEMPTS = 20;

/**
 * In-process serialisation per object key. Real S3 enforces the conditional writes; the local emulator
 * (fauxqs) ignores If-Match on PutObject, and the local stack runs the stream consumer and the jobs in
 * one process, so this keeps two local writers of one shard from losing an update.
 */
const locks = new Map<string, Promise<unknown>>();
function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  locks.set(key, settled);
  void settled.then(() => { if (locks.get(key) === settled) locks.delete(key); });
  return run;
}


/** Reads a shard, computes its next content, writes it conditionally; again on a conflict. `etag`: the shard's ETag after. */
async function updateShard(
  store: CatalogueObjectStore, shard: string, next: (current: ShardContent) => { content: ShardContent; changed: string[] },
): Promise<{ changed: string[]; written: boolean; countDelta: number; size: number; etag: string | null }> {
  return serialised(`shard:${shard}`, async () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const read = await store.readShard(shard);
      const current = read.status === 'read' ? read.value : emptyShard();
      const result = next(current);
      const etag = read.status === 'read' ? read.etag : null;
      if (result.content === current) return { changed: [], written: false, countDelta: 0, size: current.records.length, etag };
      const written = await store.writeShard(shard, result.content, etag);
      if (written.status === 'written') {
        return { changed: result.changed, written: true, countDelta: result.content.records.length - current.records.length, size: result.content.records.length, etag: written.etag };
      }
    }
    throw new Error(`catalogue shard ${shard}: ${MAX_ATTEMPTS} conflicting writes in a row`);
  });
}

/** Moves the head on (conditionally; again on a conflict); `next` returns null when there is nothing to announce. */
async function updateHead(store: CatalogueObjectStore, now: string, next: (head: CatalogueHead) => CatalogueHead | null): Promise<CatalogueHead | null> {
  return serialised('head', async () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const read = await store.readHead();
      const current = read.status === 'read' ? read.value : emptyHead(now);
      const head = next(current);
      if (head === null) return read.status === 'read' ? current : null;
      const written = await store.writeHead(head, read.status === 'read' ? read.etag : null);
      if (written.status === 'written') return head;
    }
    throw new Error(`catalogue head: ${MAX_ATTEMPTS} conflicting writes in a row`);
  });
}

interface ShardOutcome { shard: string; etag: string | null; written: boolean; changed: string[]; touched: string[] }

/**
 * The shards to announce in the head: those written now, and those whose ETag is not the one the head
 * knows (written by an attempt that crashed before the head, or by a writer still on its way to it).
 */
function toAnnounce(head: CatalogueHead, outcomes: readonly ShardOutcome[]): { shards: Record<string, string>; odbNumbers: string[] } {
  const shards: Record<string, string> = {};
  const odbNumbers = new Set<string>();
  for (const o of outcomes) {
    if (o.etag === null) continue;
    if (o.written) {
      shards[o.shard] = o.etag;
      o.changed.forEach((n) => odbNumbers.add(n));
    } else if (head.etags[o.shard] !== o.etag) {
      shards[o.shard] = o.etag;
      o.touched.forEach((n) => odbNumbers.add(n));
    }
  }
  return { shards, odbNumbers: [...odbNumbers] };
}

function toRecordChanges(changes: readonly RegistrationChange[], now: Date): { records: RecordChange[]; rejected: RejectedRegistration[] } {
  const today = brusselsDate(now.toISOString());
  const rejected: RejectedRegistration[] = [];
  const records = changes.map((change): RecordChange => {
    const outcome = change.registration === null ? { kind: 'unpublished' as const } : publishedRecord(change.registration, today);
    if (outcome.kind === 'rejected') rejected.push(outcome.rejected);
    return { odbNumber: change.odbNumber, record: outcome.kind === 'published' ? outcome.record : null, sourceAt: change.sourceAt };
  });
  return { records, rejected };
}

/** Whether the catalogue was ever published into shards (else the stream consumer rebuilds first). */
export async function isCataloguePublished(store: CatalogueObjectStore): Promise<boolean> {
  return (await store.readHead()).status === 'read';
}

/** The stream's changes → their shards → the head (see the module comment). */
export async function applyRegistrationChanges(store: CatalogueObjectStore, changes: readonly RegistrationChange[], now: Date): Promise<PublishResult> {
  const started = Date.now();
  const { records, rejected } = toRecordChanges(changes, now);
  const byShard = new Map<string, RecordChange[]>();
  for (const change of records) {
    const shard = shardOf(change.odbNumber);
    byShard.set(shard, [...(byShard.get(shard) ?? []), change]);
  }
  const outcomes: ShardOutcome[] = [];
  let countDelta = 0;
  await eachLimited([...byShard.keys()], 8, async (shard) => {
    const mine = byShard.get(shard) ?? [];
    const result = await updateShard(store, shard, (current) => applyToShard(current, mine));
    outcomes.push({ shard, etag: result.etag, written: result.written, changed: result.changed, touched: mine.map((c) => c.odbNumber) });
    countDelta += result.countDelta;
  });
  const changed = outcomes.flatMap((o) => o.changed).sort();
  // The head is written last: a crash before it leaves a shard ahead of the head, and the stream's retry
  // of the batch (a no-op on that shard) announces it then, because its ETag is not the head's (toAnnounce).
  const nowIso = now.toISOString();
  let announced = 0;
  const head = await updateHead(store, nowIso, (current) => {
    const { shards, odbNumbers } = toAnnounce(current, outcomes);
    announced = Object.keys(shards).length;
    if (announced === 0) return null;
    return advanceHead(current, { now: nowIso, kind: 'changes', changedShards: shards, odbNumbers, countDelta });
  });
  return {
    outcome: changed.length > 0 ? 'published' : 'unchanged', seq: head?.seq ?? 0, changed,
    shardsWritten: outcomes.filter((o) => o.written).length, count: head?.count ?? 0, rejected, ms: Date.now() - started,
  };
}

/**
 * Rebuilds every shard from the registrations (`source`: every `active` and `replaced` one, read from
 * the table at `readAt` or later). A record whose shard holds a newer source time is kept (a change the
 * stream applied after the table was read); a record absent from the source is removed as of `readAt`.
 */
export async function rebuildCatalogue(
  store: CatalogueObjectStore, source: AsyncIterable<RegistrationLike & { updatedAt?: string | undefined }>, now: Date, readAt: Date,
): Promise<PublishResult> {
  const started = Date.now();
  const changes: RegistrationChange[] = [];
  for await (const reg of source) {
    changes.push({ odbNumber: reg.odbNumber, registration: reg, sourceAt: typeof reg.updatedAt === 'string' ? reg.updatedAt : readAt.toISOString() });
  }
  const { records, rejected } = toRecordChanges(changes, now);
  return { ...(await replaceAll(store, records, now, readAt)), rejected, ms: Date.now() - started };
}

/**
 * Publishes exactly `trainings` (already published records, e.g. a demo or bench catalogue) as the
 * whole catalogue, as of `now`: a full rebuild without the table.
 */
export async function publishTrainings(store: CatalogueObjectStore, trainings: readonly PublishedTraining[], now: Date): Promise<PublishResult> {
  const started = Date.now();
  const records = trainings.map((record): RecordChange => ({ odbNumber: record.odbNumber, record, sourceAt: now.toISOString() }));
  return { ...(await replaceAll(store, records, now, now)), rejected: [], ms: Date.now() - started };
}

async function replaceAll(store: CatalogueObjectStore, records: readonly RecordChange[], now: Date, readAt: Date): Promise<Omit<PublishResult, 'rejected' | 'ms'>> {
  const byShard = new Map<string, RecordChange[]>(shardIds.map((id) => [id, []]));
  for (const change of records) byShard.get(shardOf(change.odbNumber))?.push(change);
  const outcomes: ShardOutcome[] = [];
  let count = 0;
  await eachLimited(shardIds, 8, async (shard) => {
    const fresh = byShard.get(shard) ?? [];
    const result = await updateShard(store, shard, (current) => {
      const inSource = new Set(fresh.map((c) => c.odbNumber));
      const gone: RecordChange[] = current.records
        .filter((r) => !inSource.has(r.odbNumber))
        .map((r) => ({ odbNumber: r.odbNumber, record: null, sourceAt: readAt.toISOString() }));
      return applyToShard(current, [...fresh, ...gone]);
    });
    count += result.size;
    outcomes.push({ shard, etag: result.etag, written: result.written, changed: result.changed, touched: fresh.map((c) => c.odbNumber) });
  });
  const changed = outcomes.flatMap((o) => o.changed).sort();
  const nowIso = now.toISOString();
  const head = await updateHead(store, nowIso, (current) => {
    const { shards, odbNumbers } = toAnnounce(current, outcomes);
    // The first publication writes a head even for an empty catalogue: readers then know it is published.
    if (Object.keys(shards).length === 0 && current.seq > 0) return null;
    const next = advanceHead(current, { now: nowIso, kind: 'rebuild', changedShards: shards, odbNumbers, countDelta: 0 });
    return { ...next, count, publishedAt: changed.length > 0 || current.seq === 0 ? nowIso : current.publishedAt };
  });
  return { outcome: changed.length > 0 ? 'published' : 'unchanged', seq: head?.seq ?? 0, changed, shardsWritten: outcomes.filter((o) => o.written).length, count };
}
