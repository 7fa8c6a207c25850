/**
 * The published catalogue as the API searches it: one in-memory search index per shard
 * (shared/catalogue/search.ts), kept current from the head (shared/catalogue/shards.ts). A new head
 * re-reads and re-indexes only the shards that changed since the sequence this instance knows (a
 * conditional GET per shard: 304 when its ETag is unchanged); the title order for browsing is merged
 * again lazily, on the first browse after a change. Use case: the store comes in as an argument.
 */
import { buildSearchIndex, searchShards, titleOrder, type Hit, type SearchIndex, type SearchQuery } from '../../shared/catalogue/search';
import { shardsChangedSince } from '../../shared/catalogue/shards';
import type { PublishedTraining } from '../../shared/catalogue/published-training';
import { eachLimited } from './limited';
import type { CatalogueObjectStore } from './store';

interface ShardIndex { etag: string; index: SearchIndex }

export interface CatalogueSearch {
  /** Reads what changed since the last call (one conditional GET of the head when nothing did). */
  refresh(): Promise<{ published: boolean; reindexed: number }>;
  publishedAt(): string | null;
  count(): number;
  search(query: SearchQuery): PublishedTraining[];
}


export function catalogueSearch(store: CatalogueObjectStore): CatalogueSearch {
  let headEtag: string | undefined;
  let seq = 0;
  let publishedAt: string | null = null;
  const shards = new Map<string, ShardIndex>();
  let indexes: SearchIndex[] = [];
  let order: Hit[] | undefined;

  return {
    async refresh() {
      const head = await store.readHead(headEtag);
      if (head.status === 'missing') return { published: false, reindexed: 0 };
      if (head.status === 'unchanged') return { published: true, reindexed: 0 };
      const changed = shardsChangedSince(head.value, seq);
      let reindexed = 0;
      await eachLimited(changed, 16, async (id) => {
        const known = shards.get(id);
        const read = await store.readShard(id, known?.etag);
        if (read.status === 'unchanged') return;
        if (read.status === 'missing') shards.delete(id);
        else shards.set(id, { etag: read.etag, index: buildSearchIndex(read.value.records) });
        reindexed++;
      });
      if (reindexed > 0 || indexes.length !== shards.size) {
        indexes = [...shards.keys()].sort().map((id) => (shards.get(id) as ShardIndex).index);
        order = undefined;
      }
      headEtag = head.etag;
      seq = head.value.seq;
      publishedAt = head.value.publishedAt;
      return { published: true, reindexed };
    },
    publishedAt: () => publishedAt,
    count: () => indexes.reduce((n, index) => n + index.trainings.length, 0),
    search(query) {
      const current = indexes;
      const hits = searchShards(current, query, () => (order ??= titleOrder(current)));
      return hits.map((hit) => (current[hit.shard] as SearchIndex).trainings[hit.doc] as PublishedTraining);
    },
  };
}
