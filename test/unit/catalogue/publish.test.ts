/**
 * The catalogue's publication use cases (functions/catalogue/publish.ts) against the in-memory object
 * store: per-change work independent of the catalogue's size, conditional writes that lose no update,
 * source times that keep a late rebuild from undoing a change, and the status rules (R-BO-3, R-REG-1,
 * R-REG-2).
 */
import { describe, expect, it } from 'vitest';
import { applyRegistrationChanges, rebuildCatalogue, type RegistrationChange } from '../../../functions/catalogue/publish';
import { assembleCatalogue } from '../../../functions/catalogue/site-input';
import type { RegistrationLike } from '../../../shared/catalogue/from-registration';
import { odbNumbersChangedSince, shardOf } from '../../../shared/catalogue/shards';
import { toPublishedRegistration, type Registration } from '../../../shared/registrations/registration';
import { memoryObjectStore } from './memory-object-store';
import { registration } from './registration-fixture';

const NOW = new Date('2026-11-30T10:00:00.000Z');
const odb = (n: number) => `ODB-A${String(n).padStart(6, '0')}`;
const reg = (n: number, overrides: Partial<Registration> = {}): RegistrationLike =>
  toPublishedRegistration(registration({ odbNumber: odb(n), validFrom: '2026-01-05', title: `Opleiding ${n}`, ...overrides }));
const change = (r: RegistrationLike, sourceAt = NOW.toISOString()): RegistrationChange => ({ odbNumber: r.odbNumber, registration: r, sourceAt });
async function* from<T>(items: T[]) { yield* items; }
const published = async (store: ReturnType<typeof memoryObjectStore>) =>
  (await assembleCatalogue(store))?.snapshot.trainings.map((t) => [t.odbNumber, t.status, t.replacedBy, t.title]) ?? [];

describe('applyRegistrationChanges (the stream path)', () => {
  it('one change reads one shard and the head and writes one shard and the head, at 20 or 2,000 trainings', async () => {
    const work: Array<{ reads: number; writes: number }> = [];
    for (const size of [20, 2_000]) {
      const store = memoryObjectStore();
      await rebuildCatalogue(store, from(Array.from({ length: size }, (_, i) => reg(i + 1))), NOW, NOW);
      const before = { ...store.calls };
      const result = await applyRegistrationChanges(store, [change(reg(7, { title: 'Nieuwe titel' }), '2026-11-30T10:05:00.000Z')], NOW);
      expect(result.changed).toEqual([odb(7)]);
      work.push({ reads: store.calls.reads - before.reads, writes: store.calls.writes - before.writes });
    }
    expect(work[0]).toEqual({ reads: 2, writes: 2 });
    expect(work[1]).toEqual(work[0]);
  });

  it('R-BO-3, R-REG-1, R-REG-2: approved appears, stopped leaves, replaced names its successor; the feed lists them', async () => {
    const store = memoryObjectStore();
    await applyRegistrationChanges(store, [change(reg(1)), change(reg(2))], NOW);
    const first = await store.readHead();
    const seq = first.status === 'read' ? first.value.seq : -1;
    await applyRegistrationChanges(store, [
      change(reg(1, { status: 'stopped', stopDate: '2026-06-01' }), '2026-11-30T10:01:00.000Z'),
      change(reg(2, { status: 'replaced', replacedBy: odb(3) }), '2026-11-30T10:01:00.000Z'),
      change(reg(3, { replaces: odb(2) }), '2026-11-30T10:01:00.000Z'),
    ], NOW);
    expect(await published(store)).toEqual([[odb(2), 'replaced', odb(3), 'Opleiding 2'], [odb(3), 'active', null, 'Opleiding 3']]);
    const head = await store.readHead();
    if (head.status !== 'read') throw new Error('no head');
    expect(odbNumbersChangedSince(head.value, seq)).toEqual([odb(1), odb(2), odb(3)]);
    expect(head.value.count).toBe(2);
  });

  it('a change that publishes nothing new writes nothing (no needless site update)', async () => {
    const store = memoryObjectStore();
    await applyRegistrationChanges(store, [change(reg(1))], NOW);
    const writes = store.calls.writes;
    const result = await applyRegistrationChanges(store, [change(reg(1))], NOW);
    expect(result.outcome).toBe('unchanged');
    expect(store.calls.writes).toBe(writes);
  });

  it('a registration that fails the published-record schema is left out and reported; the others are published', async () => {
    const store = memoryObjectStore();
    const result = await applyRegistrationChanges(store, [change(reg(1, { websiteUrl: 'geen url' })), change(reg(2))], NOW);
    expect(result.rejected.map((r) => r.odbNumber)).toEqual([odb(1)]);
    expect((await published(store)).map((t) => t[0])).toEqual([odb(2)]);
  });

  it('another writer of the same shard in between (conditional write refused): both changes are kept', async () => {
    const store = memoryObjectStore();
    // Two ODB numbers in the same shard.
    const a = 1;
    let b = 2;
    while (shardOf(odb(b)) !== shardOf(odb(a))) b++;
    await applyRegistrationChanges(store, [change(reg(a))], NOW);
    store.beforeNextWrite(shardOf(odb(a)), async () => {
      // Another process writes the shard between our read and our write (it does not share our lock).
      const read = await store.readShard(shardOf(odb(a)));
      if (read.status !== 'read') throw new Error('no shard');
      const other = await rebuildLike(read.value, reg(b));
      await store.writeShard(shardOf(odb(a)), other, read.etag);
    });
    await applyRegistrationChanges(store, [change(reg(a, { title: 'Gewijzigd' }), '2026-11-30T10:02:00.000Z')], NOW);
    const shard = await store.readShard(shardOf(odb(a)));
    expect(shard.status === 'read' ? shard.value.records.map((r) => [r.odbNumber, r.title]) : []).toEqual([[odb(a), 'Gewijzigd'], [odb(b), `Opleiding ${b}`]]);
  });
});

/** A shard with one more record, as another writer would produce it. */
async function rebuildLike(content: { records: import('../../../shared/catalogue/published-training').PublishedTraining[]; sources: Record<string, string> }, r: RegistrationLike) {
  const { applyToShard } = await import('../../../shared/catalogue/shards');
  const { publishedRecord } = await import('../../../shared/catalogue/from-registration');
  const outcome = publishedRecord(r, '2026-11-30');
  return applyToShard(content, [{ odbNumber: r.odbNumber, record: outcome.kind === 'published' ? outcome.record : null, sourceAt: NOW.toISOString() }]).content;
}

describe('rebuildCatalogue (first start, daily, recovery)', () => {
  it('R-BO-3, R-REG-1: the daily rebuild publishes on the valid-from date and withdraws on the stop date; an unchanged day writes nothing', async () => {
    const store = memoryObjectStore();
    const r = reg(1, { validFrom: '2031-03-10', stopDate: '2031-03-20' });
    const run = (time: string) => rebuildCatalogue(store, from([r]), new Date(time), new Date(time));
    expect((await run('2031-03-08T23:20:00Z')).changed).toEqual([]);
    expect(await published(store)).toEqual([]);
    expect((await run('2031-03-09T23:20:00Z')).changed).toEqual([odb(1)]);
    const writes = store.calls.writes;
    expect((await run('2031-03-09T23:20:00Z')).outcome).toBe('unchanged');
    expect(store.calls.writes).toBe(writes);
    expect((await run('2031-03-19T23:20:00Z')).changed).toEqual([odb(1)]);
    expect(await published(store)).toEqual([]);
  });

  it('a rebuild that read the table before a change does not undo it (source times)', async () => {
    const store = memoryObjectStore();
    await rebuildCatalogue(store, from([reg(1)]), NOW, NOW);
    // The table is read at 10:00; at 10:01 the stream publishes a new training and renames the first one.
    const readAt = new Date('2026-11-30T10:00:00.000Z');
    await applyRegistrationChanges(store, [change(reg(2), '2026-11-30T10:01:00.000Z'), change(reg(1, { title: 'Later' }), '2026-11-30T10:01:00.000Z')], NOW);
    // Then the rebuild writes what it read at 10:00 (without ODB 2, with the old title).
    await rebuildCatalogue(store, from([{ ...reg(1), updatedAt: '2026-11-30T09:59:00.000Z' }]), new Date('2026-11-30T10:02:00.000Z'), readAt);
    expect(await published(store)).toEqual([[odb(1), 'active', null, 'Later'], [odb(2), 'active', null, 'Opleiding 2']]);
  });

  it('removes what the table no longer publishes, and the feed names it', async () => {
    const store = memoryObjectStore();
    await rebuildCatalogue(store, from([reg(1), reg(2)]), NOW, NOW);
    const later = new Date('2026-11-30T11:00:00.000Z');
    const result = await rebuildCatalogue(store, from([reg(2)]), later, later);
    expect(result.changed).toEqual([odb(1)]);
    expect((await published(store)).map((t) => t[0])).toEqual([odb(2)]);
  });
});

describe('assembleCatalogue (the site updater reads only changed shards)', () => {
  it('from a previous assembly, reads only the shards changed since, and names the changed ODB numbers', async () => {
    const store = memoryObjectStore();
    await rebuildCatalogue(store, from(Array.from({ length: 300 }, (_, i) => reg(i + 1))), NOW, NOW);
    const first = await assembleCatalogue(store);
    if (first === null) throw new Error('nothing published');
    expect(first.snapshot.trainings).toHaveLength(300);
    await applyRegistrationChanges(store, [change(reg(5, { title: 'Nieuw' }), '2026-11-30T10:05:00.000Z')], NOW);
    const next = await assembleCatalogue(store, { seq: first.head.seq, trainings: first.snapshot.trainings });
    expect(next?.shardsRead).toBe(1);
    expect(next?.changed).toEqual([odb(5)]);
    expect(next?.snapshot.trainings.find((t) => t.odbNumber === odb(5))?.title).toBe('Nieuw');
    expect(next?.snapshot.trainings).toHaveLength(300);
  });
});

describe('a crash between the shard write and the head write', () => {
  it('the stream retry of the batch announces the shard (its ETag is not the head\'s), so the change is not lost', async () => {
    const store = memoryObjectStore();
    await applyRegistrationChanges(store, [change(reg(1))], NOW);
    const before = await store.readHead();
    if (before.status !== 'read') throw new Error('no head');
    // First attempt: the shard is written, then the process dies before the head.
    store.beforeNextWrite('head', async () => { throw new Error('crash'); });
    const renamed = change(reg(1, { title: 'Na de crash' }), '2026-11-30T10:09:00.000Z');
    await expect(applyRegistrationChanges(store, [renamed], NOW)).rejects.toThrow('crash');
    // Act: the stream delivers the batch again.
    await applyRegistrationChanges(store, [renamed], NOW);
    // Assess: the head moved on and names the change; a reader of the old sequence sees it.
    const after = await store.readHead();
    if (after.status !== 'read') throw new Error('no head');
    expect(after.value.seq).toBe(before.value.seq + 1);
    expect(odbNumbersChangedSince(after.value, before.value.seq)).toEqual([odb(1)]);
    const next = await assembleCatalogue(store, { seq: before.value.seq, trainings: [] });
    expect(next?.snapshot.trainings.map((t) => t.title)).toEqual(['Na de crash']);
  });
});
