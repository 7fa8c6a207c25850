/**
 * The published catalogue in a shape a change updates in place (issue 13): hash-sharded record objects
 * plus a small head that says what changed. Pure: no SDK, no I/O, no clock (the caller passes `now`).
 * Decision note: docs/decisions/0015-catalogue-shards.md.
 *
 * - Shard `xx` (two hex digits, `shardOf`) holds the published records of the ODB numbers that hash to
 *   it, sorted by ODB number. At 50k trainings a shard holds ~200 records (~0.5 MB): one change rewrites
 *   one shard, whatever the size of the catalogue.
 * - The head holds a sequence number, per shard the sequence at which it last changed (`shards`), and a
 *   bounded feed of the last changes (`changes`: which ODB numbers, at which sequence). A reader that
 *   knows sequence `s` re-reads exactly the shards whose sequence is above `s` (the API), or, when its `s`
 *   is still in the feed, learns which ODB numbers changed (the site updater).
 */
import * as z from 'zod';
import { CatalogueSnapshot, PublishedTraining } from './published-training';

export const SHARD_COUNT = 256;

/** Shard ids: `00` … `ff`. */
export const shardIds: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, i) => i.toString(16).padStart(2, '0'));

/** The shard of an ODB number (FNV-1a, 32 bit, low byte): stable across runtimes and releases. */
export function shardOf(odbNumber: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < odbNumber.length; i++) {
    hash ^= odbNumber.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash & 0xff).toString(16).padStart(2, '0');
}

const ShardId = z.string().regex(/^[0-9a-f]{2}$/);

/**
 * A shard's content. `sources`: per ODB number, the `updatedAt` of the registration item its record (or
 * its absence: removed, stopped, not yet valid) came from. A change older than what the shard holds is
 * not applied: a full rebuild that read the table before a change cannot undo it when it writes later.
 */
export const ShardContent = z.strictObject({
  records: z.array(PublishedTraining),
  sources: z.record(z.string(), z.iso.datetime({ offset: true })),
});
export type ShardContent = z.infer<typeof ShardContent>;

export const CatalogueShard = ShardContent.extend({ shard: ShardId });
export type CatalogueShard = z.infer<typeof CatalogueShard>;

export const emptyShard = (): ShardContent => ({ records: [], sources: {} });

/** How many changes the head's feed keeps (a reader further behind re-reads the shards it needs). */
export const HEAD_FEED_LENGTH = 500;

export const CatalogueChangeEntry = z.strictObject({
  seq: z.number().int().positive(),
  at: z.iso.datetime({ offset: true }),
  /** 'changes': from the stream's images; 'rebuild': a full rebuild from the table (first start, daily, recovery). */
  kind: z.enum(['changes', 'rebuild']),
  odbNumbers: z.array(z.string()),
});
export type CatalogueChangeEntry = z.infer<typeof CatalogueChangeEntry>;

export const CatalogueHead = z.strictObject({
  seq: z.number().int().min(0),
  /** When the published catalogue last changed (ISO): the catalogue's publication time. */
  publishedAt: z.iso.datetime({ offset: true }),
  /** Sequence of the last full rebuild from the table. */
  rebuiltAt: z.number().int().min(0),
  /** Shard id → sequence at which it last changed (absent: empty and never written). */
  shards: z.record(ShardId, z.number().int().positive()),
  /**
   * Shard id → the shard's ETag as the writer that last moved the head saw it. A writer that finds a
   * shard with another ETag announces that shard again: a writer crashed (or is still busy) between
   * writing the shard and the head, and its change must not stay unannounced.
   */
  etags: z.record(ShardId, z.string()),
  count: z.number().int().min(0),
  changes: z.array(CatalogueChangeEntry).max(HEAD_FEED_LENGTH),
});
export type CatalogueHead = z.infer<typeof CatalogueHead>;

export const emptyHead = (publishedAt: string): CatalogueHead => ({ seq: 0, publishedAt, rebuiltAt: 0, shards: {}, etags: {}, count: 0, changes: [] });

/** What one change does to the catalogue: the record an ODB number now publishes, or none (left or never published). */
export interface RecordChange {
  odbNumber: string;
  record: PublishedTraining | null;
  /** When the registration item changed (its `updatedAt`; for a deleted item, when the deletion was seen). */
  sourceAt: string;
}

const byOdb = (a: { odbNumber: string }, b: { odbNumber: string }) => (a.odbNumber < b.odbNumber ? -1 : a.odbNumber > b.odbNumber ? 1 : 0);

/**
 * A shard after `changes` (all of this shard, in stream order). A change older than the shard's source
 * time for that ODB number is skipped (see ShardContent). Returns the ODB numbers whose published record
 * really changed (JSON differs); `content` is the same object when none did.
 */
export function applyToShard(content: ShardContent, changes: readonly RecordChange[]): { content: ShardContent; changed: string[] } {
  const next = new Map(content.records.map((r) => [r.odbNumber, r]));
  const sources = { ...content.sources };
  const touched = new Set<string>();
  for (const change of changes) {
    const known = sources[change.odbNumber];
    if (known !== undefined && Date.parse(change.sourceAt) < Date.parse(known)) continue;
    sources[change.odbNumber] = change.sourceAt;
    if (change.record === null) next.delete(change.odbNumber);
    else next.set(change.odbNumber, change.record);
    touched.add(change.odbNumber);
  }
  const before = new Map(content.records.map((r) => [r.odbNumber, r]));
  const changed = [...touched].filter((odb) => {
    const after = next.get(odb);
    const old = before.get(odb);
    return after === undefined || old === undefined ? after !== old : JSON.stringify(after) !== JSON.stringify(old);
  }).sort();
  // Only a changed record is worth a write (its source time with it). A newer source time alone need not
  // be kept: a rebuild that read the same record later or earlier writes the same or an older-than-kept one.
  if (changed.length === 0) return { content, changed };
  return { content: { records: [...next.values()].sort(byOdb), sources }, changed };
}

/**
 * The head after a writer changed `changedShards` (id → its ETag now; of the ODB numbers, `odbNumbers`);
 * the feed keeps the last HEAD_FEED_LENGTH entries. `countDelta` adjusts the record count.
 */
export function advanceHead(
  head: CatalogueHead,
  update: { now: string; kind: CatalogueChangeEntry['kind']; changedShards: Readonly<Record<string, string>>; odbNumbers: readonly string[]; countDelta: number },
): CatalogueHead {
  const seq = head.seq + 1;
  const shards = { ...head.shards };
  const etags = { ...head.etags };
  for (const [id, etag] of Object.entries(update.changedShards)) {
    shards[id] = seq;
    etags[id] = etag;
  }
  const entry: CatalogueChangeEntry = { seq, at: update.now, kind: update.kind, odbNumbers: [...update.odbNumbers].sort() };
  return {
    seq,
    publishedAt: update.now,
    rebuiltAt: update.kind === 'rebuild' ? seq : head.rebuiltAt,
    shards,
    etags,
    count: Math.max(0, head.count + update.countDelta),
    changes: [...head.changes, entry].slice(-HEAD_FEED_LENGTH),
  };
}

/** The shards that changed after sequence `since` (all written ones for 0). */
export function shardsChangedSince(head: CatalogueHead, since: number): string[] {
  return Object.entries(head.shards).filter(([, seq]) => seq > since).map(([id]) => id).sort();
}

/**
 * The ODB numbers changed after sequence `since`, from the feed; null when the feed no longer reaches
 * back that far (then the reader compares the shards it re-reads).
 */
export function odbNumbersChangedSince(head: CatalogueHead, since: number): string[] | null {
  if (since >= head.seq) return [];
  const entries = head.changes.filter((c) => c.seq > since);
  if (entries.length !== head.seq - since) return null;
  return [...new Set(entries.flatMap((c) => c.odbNumbers))].sort();
}

/** The whole catalogue from its shards (sorted by ODB number, as a snapshot): the site's and the downloads' input. */
export function snapshotFromShards(publishedAt: string, shards: Iterable<readonly PublishedTraining[]>): CatalogueSnapshot {
  const trainings = [...shards].flat().sort(byOdb);
  return { publishedAt, trainings };
}
