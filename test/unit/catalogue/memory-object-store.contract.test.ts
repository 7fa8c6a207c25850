import { describe, expect, it } from 'vitest';
import { emptyHead } from '../../../shared/catalogue/shards';
import { memoryObjectStore } from './memory-object-store';
import { catalogueObjectStoreContract } from './object-store-contract';

catalogueObjectStoreContract('in-memory fake', () => memoryObjectStore());

describe('in-memory fake: conditional writes (as real S3)', () => {
  it('refuses a write whose expected ETag is not the current one, and a create over an existing object', async () => {
    const store = memoryObjectStore();
    const created = await store.writeHead(emptyHead('2026-11-30T10:00:00.000Z'), null);
    expect(created.status).toBe('written');
    expect((await store.writeHead(emptyHead('2026-11-30T10:00:00.000Z'), null)).status).toBe('conflict');
    expect((await store.writeHead(emptyHead('2026-11-30T10:00:00.000Z'), '"stale"')).status).toBe('conflict');
  });
});
