/**
 * One contract suite per port of the provider area. Each runs against the in-memory fake
 * (test/unit/provider/contracts.test.ts) AND against the DynamoDB Local / S3 emulator adapter
 * (test/integration/provider/contracts.test.ts), so a fake cannot drift from the real store.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../../../shared/applications/application';
import { claimKey } from '../../../../shared/applications/claims';
import { ApplicationVersionConflict, type ApplicationStore } from '../../../../functions/applications/store';
import type { DocumentStorage } from '../../../../functions/documents/storage';
import { OrganisationVersionConflict, type OrganisationStore, type StoredOrganisation } from '../../../../functions/organisations/store';
import { validApplication } from '../../applications/application-fixture';

const NOW = new Date('2026-10-01T08:00:00Z');
let kboSeed = 1_000_000 + Math.floor(Math.random() * 8_000_000);
/** A fresh valid KBO number (mod 97), so runs against a shared table do not meet each other's data. */
export function freshKbo(): string {
  const base = kboSeed++;
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

export function newApplication(kbo: string, overrides: Partial<Application> = {}): Application {
  const at = NOW.toISOString();
  return {
    ...validApplication(), id: randomUUID(), orgKbo: kbo, status: 'draft', createdAt: at, updatedAt: at, submittedAt: null,
    referenceVersion: null, documents: [], problems: [], questions: [], deadlines: null, forwarding: null, decision: null, odbNumbers: null,
    ...overrides,
  };
}

export function applicationStoreContract(name: string, makeStore: () => ApplicationStore): void {
  describe(`ApplicationStore contract: ${name}`, () => {
    it('create then get returns the same application at version 1; a second create of the id conflicts', async () => {
      const store = makeStore();
      const app = newApplication(freshKbo());
      const created = await store.create(app);
      expect(created.version).toBe(1);
      expect(await store.get(app.id)).toEqual(expect.objectContaining({ ...app, version: 1 }));
      await expect(store.create(app)).rejects.toBeInstanceOf(ApplicationVersionConflict);
      expect(await store.get(randomUUID())).toBeNull();
    });

    it('put needs the version it read', async () => {
      const store = makeStore();
      const app = newApplication(freshKbo());
      await store.create(app);
      const next = await store.put({ ...app, title: 'Nieuw' }, 1);
      expect(next).toMatchObject({ title: 'Nieuw', version: 2 });
      await expect(store.put({ ...app, title: 'Verouderd' }, 1)).rejects.toBeInstanceOf(ApplicationVersionConflict);
      expect((await store.get(app.id))?.title).toBe('Nieuw');
    });

    it('transition applies the state machine, takes claims, and is all or nothing', async () => {
      // Prepare
      const store = makeStore();
      const kbo = freshKbo();
      const a = await store.create(newApplication(kbo, { ownReference: 'C-1' }));
      const b = await store.create(newApplication(kbo, { ownReference: 'C-1' }));
      const claim = { kind: 'ownReference' as const, value: 'C-1' };
      // Act
      const submitted = await store.transition({
        application: a, event: 'submit', actor: 'provider', now: NOW, changes: { submittedAt: NOW.toISOString() }, claims: [{ claim, staleHolder: null }],
      });
      const lost = store.transition({
        application: b, event: 'submit', actor: 'provider', now: NOW, changes: { submittedAt: NOW.toISOString() }, claims: [{ claim, staleHolder: null }],
      });
      // Assess
      expect(submitted).toMatchObject({ status: 'screening', version: 2 });
      await expect(lost).rejects.toBeInstanceOf(ApplicationVersionConflict);
      expect((await store.get(b.id))?.status).toBe('draft');
      expect(await store.claimHolders(kbo, [claim, { kind: 'language', value: 'fr' }])).toEqual(new Map([[claimKey(claim), a.id]]));
      // a stale holder can be taken over by naming it
      const taken = await store.transition({
        application: b, event: 'submit', actor: 'provider', now: NOW, changes: { submittedAt: NOW.toISOString() }, claims: [{ claim, staleHolder: a.id }],
      });
      expect(taken.status).toBe('screening');
      expect((await store.claimHolders(kbo, [claim])).get(claimKey(claim))).toBe(b.id);
    });

    it('a transition from a stale version conflicts', async () => {
      const store = makeStore();
      const app = await store.create(newApplication(freshKbo()));
      await store.put({ ...app, title: 'Tussendoor' }, 1);
      await expect(store.transition({ application: app, event: 'cancel', actor: 'provider', now: NOW })).rejects.toBeInstanceOf(ApplicationVersionConflict);
    });

    it('listByOrg: newest first, only the organisation\'s, in pages; another listing\'s cursor is refused', async () => {
      const store = makeStore();
      const kbo = freshKbo();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await store.create(newApplication(kbo, { createdAt: `2026-10-0${i + 1}T08:00:00.000Z` }))).id);
      await store.create(newApplication(freshKbo()));
      const first = await store.listByOrg(kbo, { limit: 2 });
      const second = first?.nextCursor ? await store.listByOrg(kbo, { limit: 2, cursor: first.nextCursor }) : undefined;
      expect(first?.items.map((a) => a.id)).toEqual([ids[2], ids[1]]);
      expect(second?.items.map((a) => a.id)).toEqual([ids[0]]);
      expect(first?.nextCursor && (await store.listByOrg(freshKbo(), { cursor: first.nextCursor }))).toBeUndefined();
    });

    it('statuses of several applications; unknown ids are left out', async () => {
      const store = makeStore();
      const app = await store.create(newApplication(freshKbo()));
      expect(await store.statuses([app.id, randomUUID()])).toEqual(new Map([[app.id, 'draft']]));
    });
  });
}

const organisation = (kbo: string): Omit<StoredOrganisation, 'version'> => ({
  kbo, name: 'Centrum', contact: { name: 'An', email: 'an@voorbeeld.be', phone: '+32 2 553 00 00' },
  generalContact: { name: 'Directie', email: 'directie@voorbeeld.be', phone: '+32 2 553 00 01' }, chequesContact: null,
  kind: 'general', lms: null, qualityRegistration: { registered: false, since: null },
  lmsDocument: { status: 'missing', fileName: null, uploadedAt: null }, contactConfirmedAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
  lmsUpload: null, lmsDocumentKey: null,
});

export function organisationStoreContract(name: string, makeStore: () => OrganisationStore): void {
  describe(`OrganisationStore contract: ${name}`, () => {
    it('save a new organisation, read it back, update from the version read; a stale or duplicate write conflicts', async () => {
      const store = makeStore();
      const kbo = freshKbo();
      expect(await store.get(kbo)).toBeNull();
      const saved = await store.save(organisation(kbo), null);
      expect(saved.version).toBe(1);
      expect(await store.get(kbo)).toEqual(saved);
      await expect(store.save(organisation(kbo), null)).rejects.toBeInstanceOf(OrganisationVersionConflict);
      const renamed = await store.save({ ...organisation(kbo), name: 'Nieuw' }, 1);
      expect(renamed).toMatchObject({ name: 'Nieuw', version: 2 });
      await expect(store.save(organisation(kbo), 1)).rejects.toBeInstanceOf(OrganisationVersionConflict);
    });
  });
}

export function documentStorageContract(name: string, make: () => { storage: DocumentStorage; upload: (key: string, bytes: Uint8Array, contentType: string) => Promise<void> }): void {
  describe(`DocumentStorage contract: ${name}`, () => {
    it('read what was uploaded; promote stores exactly the bytes read; a missing object is null', async () => {
      // Prepare
      const { storage, upload } = make();
      const key = `quarantine/contract/${randomUUID()}`;
      const to = `contract/${randomUUID()}`;
      await upload(key, new Uint8Array([1, 2, 3]), 'application/pdf');
      // Act
      const read = await storage.read(key, 100);
      await storage.promote(key, to, read ?? { bytes: new Uint8Array(), contentType: undefined });
      // Assess
      expect(read).toMatchObject({ size: 3, contentType: 'application/pdf' });
      expect([...(read?.bytes ?? [])]).toEqual([1, 2, 3]);
      expect(await storage.read(key, 100)).toBeNull();
      expect([...((await storage.read(to, 100))?.bytes ?? [])]).toEqual([1, 2, 3]);
    });

    it('promote stores the bytes that were checked, not what was uploaded after the read', async () => {
      const { storage, upload } = make();
      const key = `quarantine/contract/${randomUUID()}`;
      const to = `contract/${randomUUID()}`;
      await upload(key, new Uint8Array([1]), 'application/pdf');
      const read = await storage.read(key, 100);
      await upload(key, new Uint8Array([9, 9]), 'application/octet-stream');
      await storage.promote(key, to, read ?? { bytes: new Uint8Array(), contentType: undefined });
      expect(await storage.read(to, 100)).toMatchObject({ size: 1, contentType: 'application/pdf', bytes: new Uint8Array([1]) });
    });

    it('an object over maxBytes is not read; delete removes it', async () => {
      const { storage, upload } = make();
      const key = `quarantine/contract/${randomUUID()}`;
      await upload(key, new Uint8Array(10), 'application/pdf');
      expect(await storage.read(key, 5)).toMatchObject({ size: 10, bytes: new Uint8Array() });
      await storage.delete(key);
      expect(await storage.read(key, 100)).toBeNull();
    });

    it('an upload slot is for exactly the key, type and size', async () => {
      const { storage } = make();
      const slot = await storage.uploadSlot('quarantine/contract/x', 'application/pdf', 42, NOW);
      expect(slot).toMatchObject({ maxBytes: 42, fields: expect.objectContaining({ key: 'quarantine/contract/x', 'Content-Type': 'application/pdf' }) });
      expect(new Date(slot.expiresAt).getTime() - NOW.getTime()).toBe(15 * 60 * 1000);
    });
  });
}
