/**
 * In-memory fakes of the provider area's ports, with the same conditional semantics as the adapters
 * (versions, claims, outbox ids — all or nothing). The contract suites in ../contracts run against
 * these and against the DynamoDB/S3 adapters, so a fake cannot drift from the real store.
 */
import type { Application } from '../../../../shared/applications/application';
import { claimKey } from '../../../../shared/applications/claims';
import { transition, type ApplicationStatus } from '../../../../shared/applications/state-machine';
import type { ProviderPorts, RegistrationLookup } from '../../../../functions/applications/ports';
import { ApplicationVersionConflict, type ApplicationStore, type StoredApplication } from '../../../../functions/applications/store';
import { UPLOAD_SLOT_SECONDS, type DocumentStorage, type StoredObject } from '../../../../functions/documents/storage';
import type { Mail } from '../../../../functions/mail/mail';
import { OrganisationVersionConflict, type OrganisationStore, type StoredOrganisation } from '../../../../functions/organisations/store';
import type { RegistrationStatus } from '../../../../shared/registrations/registration';

const clone = <T>(value: T): T => structuredClone(value);

export interface MemoryApplicationStore extends ApplicationStore {
  applications: Map<string, StoredApplication>;
  /** `<kbo>|<claimKey>` → application id. */
  claims: Map<string, string>;
  outbox: Map<string, Mail>;
}

export function memoryApplicationStore(): MemoryApplicationStore {
  const applications = new Map<string, StoredApplication>();
  const claims = new Map<string, string>();
  const outbox = new Map<string, Mail>();
  const withDue = (app: Application, version: number, due: { duePk: string; dueAt: string } | null | undefined, previous?: StoredApplication): StoredApplication => {
    const { duePk: _p, dueAt: _a, version: _v, ...data } = app as StoredApplication;
    const kept = due === undefined && previous?.duePk !== undefined && previous.dueAt !== undefined ? { duePk: previous.duePk, dueAt: previous.dueAt } : undefined;
    const entry = due ?? kept;
    return { ...clone(data), version, ...(entry ? { duePk: entry.duePk, dueAt: entry.dueAt } : {}) };
  };

  return {
    applications, claims, outbox,
    async get(id) {
      const found = applications.get(id);
      return found ? clone(found) : null;
    },
    async create(app) {
      if (applications.has(app.id)) throw new ApplicationVersionConflict(app.id);
      const stored = withDue(app, 1, undefined);
      applications.set(app.id, stored);
      return clone(stored);
    },
    async put(app, expectedVersion, options = {}) {
      const current = applications.get(app.id);
      if (!current || current.version !== expectedVersion) throw new ApplicationVersionConflict(app.id);
      const stored = withDue(app, expectedVersion + 1, options.due, options.previous);
      applications.set(app.id, stored);
      return clone(stored);
    },
    async transition(request) {
      const { application, now } = request;
      const status: ApplicationStatus = transition(application.status, request.event, request.actor);
      const current = applications.get(application.id);
      if (!current || current.version !== application.version) throw new ApplicationVersionConflict(application.id);
      if (request.mail && outbox.has(request.mail.outboxId)) throw new ApplicationVersionConflict(application.id);
      for (const write of request.claims ?? []) {
        const holder = claims.get(`${application.orgKbo}|${claimKey(write.claim)}`);
        const allowed = write.staleHolder === null ? holder === undefined || holder === application.id : holder === write.staleHolder;
        if (!allowed) throw new ApplicationVersionConflict(application.id);
      }
      const { version: _v, duePk: _p, dueAt: _a, ...data } = application;
      const next = withDue({ ...data, ...request.changes, status, updatedAt: now.toISOString() }, application.version + 1, request.due, application);
      applications.set(application.id, next);
      if (request.mail) outbox.set(request.mail.outboxId, clone(request.mail.mail));
      for (const write of request.claims ?? []) claims.set(`${application.orgKbo}|${claimKey(write.claim)}`, application.id);
      return clone(next);
    },
    async listByOrg(kbo, options = {}) {
      const all = [...applications.values()]
        .filter((app) => app.orgKbo === kbo && (options.status === undefined || app.status === options.status))
        .sort((a, b) => `${b.createdAt}#${b.id}`.localeCompare(`${a.createdAt}#${a.id}`));
      let start = 0;
      if (options.cursor !== undefined) {
        const [cursorKbo, offset] = Buffer.from(options.cursor, 'base64url').toString('utf8').split('|');
        if (cursorKbo !== kbo || !/^\d+$/.test(offset ?? '')) return undefined;
        start = Number(offset);
      }
      const limit = options.limit ?? 50;
      const items = all.slice(start, start + limit).map(clone);
      const more = start + limit < all.length;
      return { items, nextCursor: more ? Buffer.from(`${kbo}|${start + limit}`, 'utf8').toString('base64url') : null };
    },
    async claimHolders(kbo, wanted) {
      const holders = new Map<string, string>();
      for (const claim of wanted) {
        const holder = claims.get(`${kbo}|${claimKey(claim)}`);
        if (holder !== undefined) holders.set(claimKey(claim), holder);
      }
      return holders;
    },
    async statuses(ids) {
      const found = new Map<string, ApplicationStatus>();
      for (const id of ids) {
        const app = applications.get(id);
        if (app) found.set(id, app.status);
      }
      return found;
    },
  };
}

export function memoryOrganisationStore(): OrganisationStore & { organisations: Map<string, StoredOrganisation> } {
  const organisations = new Map<string, StoredOrganisation>();
  return {
    organisations,
    async get(kbo) {
      const found = organisations.get(kbo);
      return found ? clone(found) : null;
    },
    async save(organisation, expectedVersion) {
      const current = organisations.get(organisation.kbo);
      if (expectedVersion === null ? current !== undefined : current?.version !== expectedVersion) {
        throw new OrganisationVersionConflict(organisation.kbo);
      }
      const stored: StoredOrganisation = { ...clone(organisation), version: (expectedVersion ?? 0) + 1 };
      organisations.set(organisation.kbo, stored);
      return clone(stored);
    },
  };
}

type MemoryObject = StoredObject;

export function memoryDocumentStorage(): DocumentStorage & {
  objects: Map<string, MemoryObject>;
  /** What a client does with an upload slot: put bytes at the slot's key. */
  upload(key: string, bytes: Uint8Array, contentType: string): void;
} {
  const objects = new Map<string, MemoryObject>();
  return {
    objects,
    upload(key, bytes, contentType) {
      objects.set(key, { size: bytes.length, contentType, bytes: new Uint8Array(bytes) });
    },
    async uploadSlot(key, contentType, size, now) {
      return {
        url: 'memory://documents',
        fields: { key, 'Content-Type': contentType },
        expiresAt: new Date(now.getTime() + UPLOAD_SLOT_SECONDS * 1000).toISOString(),
        maxBytes: size,
      };
    },
    async read(key, maxBytes) {
      const found = objects.get(key);
      if (!found) return null;
      return { ...found, bytes: found.size > maxBytes ? new Uint8Array() : new Uint8Array(found.bytes) };
    },
    async promote(from, to, checked) {
      objects.set(to, { size: checked.bytes.length, contentType: checked.contentType, bytes: new Uint8Array(checked.bytes) });
      objects.delete(from);
    },
    async delete(key) {
      objects.delete(key);
    },
  };
}

export function memoryRegistrations(entries: Record<string, { providerKbo: string; status: RegistrationStatus }> = {}): RegistrationLookup & {
  registrations: Map<string, { providerKbo: string; status: RegistrationStatus }>;
} {
  const registrations = new Map(Object.entries(entries));
  return {
    registrations,
    async find(odbNumber) {
      return registrations.get(odbNumber) ?? null;
    },
  };
}

export type MemoryPorts = ProviderPorts & {
  applications: MemoryApplicationStore;
  organisations: ReturnType<typeof memoryOrganisationStore>;
  registrations: ReturnType<typeof memoryRegistrations>;
  documents: ReturnType<typeof memoryDocumentStorage>;
};

/** Every port of the provider area, in memory; ids are deterministic UUIDs. */
export function memoryPorts(): MemoryPorts {
  let next = 0;
  return {
    applications: memoryApplicationStore(),
    organisations: memoryOrganisationStore(),
    registrations: memoryRegistrations(),
    documents: memoryDocumentStorage(),
    newId: () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
  };
}
