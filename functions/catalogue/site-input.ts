/**
 * The whole published catalogue assembled from its shards, for the site updater (infra/local/
 * site-builder.ts; in AWS the build service, site/assemble.ts): from a previous assembly (sequence +
 * trainings) only the shards changed since are read; the rest is kept. Use case: the store is an argument.
 */
import type { CatalogueSnapshot, PublishedTraining } from '../../shared/catalogue/published-training';
import { odbNumbersChangedSince, shardOf, shardsChangedSince, snapshotFromShards, type CatalogueHead } from '../../shared/catalogue/shards';
import { eachLimited } from './limited';
import type { CatalogueObjectStore } from './store';

export interface AssembledCatalogue {
  head: CatalogueHead;
  headEtag: string;
  snapshot: CatalogueSnapshot;
  /** Shards read (all written ones without a previous assembly). */
  shardsRead: number;
  /** ODB numbers the head's feed names as changed since the previous assembly (null: not known, compare). */
  changed: string[] | null;
}

export async function assembleCatalogue(
  store: CatalogueObjectStore, previous?: { seq: number; trainings: readonly PublishedTraining[] },
): Promise<AssembledCatalogue | null> {
  const head = await store.readHead();
  if (head.status !== 'read') return null;
  const since = previous?.seq ?? 0;
  const stale = previous === undefined || since > head.value.seq ? Object.keys(head.value.shards).sort() : shardsChangedSince(head.value, since);
  const fresh = new Map<string, readonly PublishedTraining[]>();
  await eachLimited(stale, 16, async (id) => {
    const read = await store.readShard(id);
    fresh.set(id, read.status === 'read' ? read.value.records : []);
  });
  const kept = (previous?.trainings ?? []).filter((t) => !fresh.has(shardOf(t.odbNumber)));
  const snapshot = snapshotFromShards(head.value.publishedAt, [kept, ...fresh.values()]);
  return {
    head: head.value, headEtag: head.etag, snapshot, shardsRead: stale.length,
    changed: previous === undefined ? null : odbNumbersChangedSince(head.value, since),
  };
}
