/**
 * In-memory fake of the catalogue object store (functions/catalogue/store.ts) for unit tests: ETags
 * change on every write and conditional writes are enforced (as real S3 does), and it counts calls so
 * tests can show the per-change work.
 */
import type { CatalogueObjectStore, Read, WriteResult } from '../../../functions/catalogue/store';
import { CatalogueHead, ShardContent } from '../../../shared/catalogue/shards';

export interface MemoryObjectStore extends CatalogueObjectStore {
  calls: { reads: number; writes: number; shardWrites: string[] };
  /** Runs before the next write of `key` ('head' or a shard id): simulates another writer coming first. */
  beforeNextWrite(key: string, action: () => Promise<void>): void;
}

export function memoryObjectStore(): MemoryObjectStore {
  const objects = new Map<string, { etag: string; json: string }>();
  const hooks = new Map<string, () => Promise<void>>();
  let version = 0;
  const calls = { reads: 0, writes: 0, shardWrites: [] as string[] };

  const read = <T>(key: string, parse: (raw: unknown) => T, knownEtag?: string): Read<T> => {
    calls.reads++;
    const object = objects.get(key);
    if (object === undefined) return { status: 'missing' };
    if (knownEtag === object.etag) return { status: 'unchanged' };
    return { status: 'read', etag: object.etag, value: parse(JSON.parse(object.json)) };
  };
  const write = async (key: string, value: unknown, expected: string | null): Promise<WriteResult> => {
    const hook = hooks.get(key);
    if (hook !== undefined) {
      hooks.delete(key);
      await hook();
    }
    calls.writes++;
    const current = objects.get(key);
    if (expected === null ? current !== undefined : current?.etag !== expected) return { status: 'conflict' };
    const etag = `"${++version}"`;
    objects.set(key, { etag, json: JSON.stringify(value) });
    return { status: 'written', etag };
  };

  return {
    calls,
    beforeNextWrite: (key, action) => { hooks.set(key, action); },
    readHead: async (knownEtag) => read('head', (raw) => CatalogueHead.parse(raw), knownEtag),
    writeHead: (head, expected) => write('head', CatalogueHead.parse(head), expected),
    readShard: async (shard, knownEtag) => read(shard, (raw) => ShardContent.parse(raw), knownEtag),
    writeShard: async (shard, content, expected) => {
      const result = await write(shard, ShardContent.parse(content), expected);
      if (result.status === 'written') calls.shardWrites.push(shard);
      return result;
    },
  };
}
