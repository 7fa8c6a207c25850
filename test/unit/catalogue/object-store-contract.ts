/**
 * One contract for the catalogue object store port (functions/catalogue/store.ts), run against the
 * in-memory fake (unit) and the S3 adapter on the local S3 emulator (integration), so the fake cannot
 * drift from the real store (issue 15). Conditional writes that must FAIL are not part of it: the local
 * emulator (fauxqs 2.4) ignores If-Match on PutObject (docs/decisions/0015); the fake's own test
 * covers conflicts.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogueObjectStore } from '../../../functions/catalogue/store';
import { toPublishedTraining } from '../../../shared/catalogue/from-registration';
import { advanceHead, emptyHead, shardOf } from '../../../shared/catalogue/shards';
import { toPublishedRegistration } from '../../../shared/registrations/registration';
import { registration } from './registration-fixture';

const record = (odbNumber: string, title = 'Heftruckchauffeur') => toPublishedTraining(toPublishedRegistration(registration({ odbNumber, title })));

export function catalogueObjectStoreContract(name: string, make: () => CatalogueObjectStore | Promise<CatalogueObjectStore>) {
  describe(`catalogue object store contract: ${name}`, () => {
    it('a missing head and shard read as missing', async () => {
      const store = await make();
      expect((await store.readHead()).status).toBe('missing');
      expect((await store.readShard('0a')).status).toBe('missing');
    });

    it('a written shard reads back equal, and as unchanged with its ETag', async () => {
      const store = await make();
      const shard = shardOf('ODB-A000301');
      const content = { records: [record('ODB-A000301')], sources: { 'ODB-A000301': '2026-11-30T10:00:00.000Z' } };
      const written = await store.writeShard(shard, content, null);
      if (written.status !== 'written') throw new Error('not written');
      const read = await store.readShard(shard);
      expect(read).toEqual({ status: 'read', etag: written.etag, value: content });
      expect(await store.readShard(shard, written.etag)).toEqual({ status: 'unchanged' });
    });

    it('a rewritten shard gets a new ETag; a reader with the old ETag reads the new content', async () => {
      const store = await make();
      const shard = shardOf('ODB-A000302');
      const first = await store.writeShard(shard, { records: [record('ODB-A000302')], sources: {} }, null);
      if (first.status !== 'written') throw new Error('not written');
      const second = await store.writeShard(shard, { records: [record('ODB-A000302', 'Lassen')], sources: {} }, first.etag);
      if (second.status !== 'written') throw new Error('not written');
      expect(second.etag).not.toBe(first.etag);
      const read = await store.readShard(shard, first.etag);
      expect(read.status === 'read' ? read.value.records[0]?.title : read.status).toBe('Lassen');
    });

    it('the head reads back as written', async () => {
      const store = await make();
      const head = advanceHead(emptyHead('2026-11-30T10:00:00.000Z'), { now: '2026-11-30T10:00:01.000Z', kind: 'changes', changedShards: { '0a': '"1"' }, odbNumbers: ['ODB-A000303'], countDelta: 1 });
      const written = await store.writeHead(head, null);
      if (written.status !== 'written') throw new Error('not written');
      expect(await store.readHead()).toEqual({ status: 'read', etag: written.etag, value: head });
      expect(await store.readHead(written.etag)).toEqual({ status: 'unchanged' });
    });
  });
}
