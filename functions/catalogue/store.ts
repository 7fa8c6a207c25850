/**
 * The port through which the catalogue use cases (publish.ts) read and write the published catalogue:
 * the head and the shards (shared/catalogue/shards.ts). Writes are conditional on the version read
 * (`expected`: the ETag, or null for "must not exist yet"); `conflict` means another writer came
 * first: read again and re-apply. The S3 adapter is s3-store.ts; the unit tests use an in-memory fake
 * (test/unit/catalogue/memory-object-store.ts); one contract suite runs against both.
 */
import type { CatalogueHead, ShardContent } from '../../shared/catalogue/shards';

export type Read<T> = { status: 'missing' } | { status: 'unchanged' } | { status: 'read'; etag: string; value: T };
export type WriteResult = { status: 'written'; etag: string } | { status: 'conflict' };

export interface CatalogueObjectStore {
  /** The head, unless its ETag is still `knownEtag` (`unchanged`). */
  readHead(knownEtag?: string): Promise<Read<CatalogueHead>>;
  writeHead(head: CatalogueHead, expected: string | null): Promise<WriteResult>;
  /** A shard (records sorted by ODB number), unless its ETag is still `knownEtag`. */
  readShard(shard: string, knownEtag?: string): Promise<Read<ShardContent>>;
  writeShard(shard: string, content: ShardContent, expected: string | null): Promise<WriteResult>;
}
