/**
 * In-memory fake of the registrations area's ports, with the adapter's conditional semantics: a write
 * needs the version it read (or a free number), and its history entries and outbox messages are
 * written only if absent — all or nothing. test/support/contracts/registration-store.ts runs against
 * this fake and the DynamoDB Local adapter, so they cannot drift apart.
 */
import { evaluationReminderDue, nextRegistrationDue, type RegistrationJob } from '../../../shared/registrations/due';
import type { Organisation } from '../../../shared/organisations/organisation';
import type { HistoryEntry } from '../../../shared/applications/history';
import type { OutboxMessage } from '../../../functions/outbox/outbox';
import { RegistrationWriteConflict, type RegistrationStore, type StoredRegistration } from '../../../functions/registrations/store';
import type { RegistrationPorts } from '../../../functions/registrations/use-cases';
import { validationFailed } from '../../../shared/http/problem';

const clone = <T>(value: T): T => structuredClone(value);

export interface MemoryRegistrationStore extends RegistrationStore {
  registrations: Map<string, StoredRegistration & { updatedAt: string }>;
  /** Module ODB number → training ODB number. */
  modules: Map<string, string>;
  /** `<applicationId>|<n>` → entry. */
  history: Map<string, HistoryEntry>;
  outbox: Map<string, OutboxMessage>;
  /** R-BO-5: odbNumber → the reminder item (pending while `dueAt` is set). */
  reminders: Map<string, { evaluationDue: string; dueAt?: string; mailedAt?: string }>;
  /** Stores a registration as an approval would (version 1). */
  add(stored: StoredRegistration, moduleNumbers?: string[]): void;
  /** The next write fails as a concurrent writer's would (once). */
  failNextWrite(): void;
}

export function memoryRegistrationStore(pageSize = 25): MemoryRegistrationStore {
  const registrations = new Map<string, StoredRegistration & { updatedAt: string }>();
  const modules = new Map<string, string>();
  const history = new Map<string, HistoryEntry>();
  const outbox = new Map<string, OutboxMessage>();
  const reminders = new Map<string, { evaluationDue: string; dueAt?: string; mailedAt?: string }>();
  let failNext = false;

  const get = async (odbNumber: string) => {
    const found = registrations.get(odbNumber);
    return found ? clone({ registration: found.registration, version: found.version, createdAt: found.createdAt }) : null;
  };

  return {
    registrations, modules, history, outbox, reminders,
    add(stored, moduleNumbers = []) {
      registrations.set(stored.registration.odbNumber, { ...clone(stored), updatedAt: stored.createdAt });
      reminders.set(stored.registration.odbNumber, { evaluationDue: stored.registration.evaluationDue, dueAt: evaluationReminderDue(stored.registration.evaluationDue).dueAt });
      for (const number of moduleNumbers) modules.set(number, stored.registration.odbNumber);
    },
    failNextWrite() { failNext = true; },
    get,
    async resolve(odbNumber) {
      const training = await get(odbNumber);
      if (training) return { ...training, module: null };
      const parentNumber = modules.get(odbNumber);
      const parent = parentNumber ? await get(parentNumber) : null;
      if (!parent) return null;
      return { ...parent, module: parent.registration.modules.find((m) => m.odbNumber === odbNumber) ?? null };
    },
    async listByOrganisation(kbo, limit, cursor) {
      const all = [...registrations.values()]
        .filter((stored) => stored.registration.provider.kbo === kbo)
        .sort((a, b) => `${a.registration.validFrom}#${a.registration.odbNumber}`.localeCompare(`${b.registration.validFrom}#${b.registration.odbNumber}`));
      let start = 0;
      if (cursor !== undefined) {
        const [cursorKbo, offset] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
        if (cursorKbo !== kbo || !/^\d+$/.test(offset ?? '')) {
          throw validationFailed([{ path: 'query.cursor', code: 'invalid_cursor', message: 'Deze cursor is ongeldig.' }]);
        }
        start = Number(offset);
      }
      const items = all.slice(start, start + limit).map((stored) => clone({ registration: stored.registration, version: stored.version, createdAt: stored.createdAt }));
      const end = start + items.length;
      return { items, nextCursor: end < all.length ? Buffer.from(`${kbo}|${end}`, 'utf8').toString('base64url') : null };
    },
    async *due(job: RegistrationJob, now: Date) {
      const due = [...registrations.values()]
        .filter((stored) => {
          const entry = nextRegistrationDue(stored.registration);
          return entry?.duePk === job && entry.dueAt <= now.toISOString();
        })
        .map((stored) => clone({ registration: stored.registration, version: stored.version, createdAt: stored.createdAt }));
      for (let i = 0; i < due.length; i += pageSize) yield { items: due.slice(i, i + pageSize), consumedReadCapacity: null };
      if (due.length === 0) yield { items: [], consumedReadCapacity: null };
    },
    async write(change, now) {
      const { registration, expected } = change;
      const current = registrations.get(registration.odbNumber);
      const versionOk = expected === null ? current === undefined : current?.version === expected.version;
      const historyFree = (change.history ?? []).every(({ applicationId, n, entry }) => !history.has(`${applicationId}|${entry.at}|${n}`));
      const outboxFree = (change.outbox ?? []).every(({ id }) => !outbox.has(id));
      if (failNext || !versionOk || !historyFree || !outboxFree) {
        failNext = false;
        throw new RegistrationWriteConflict(registration.odbNumber);
      }
      registrations.set(registration.odbNumber, {
        registration: clone(registration), version: (expected?.version ?? 0) + 1, createdAt: expected?.createdAt ?? now.toISOString(), updatedAt: now.toISOString(),
      });
      for (const { applicationId, entry, n } of change.history ?? []) history.set(`${applicationId}|${entry.at}|${n}`, clone(entry));
      for (const { id, message } of change.outbox ?? []) outbox.set(id, clone(message));
      if (change.scheduleEvaluationReminder) {
        reminders.set(registration.odbNumber, { evaluationDue: registration.evaluationDue, dueAt: evaluationReminderDue(registration.evaluationDue).dueAt });
      }
    },
    async *dueReminders(now) {
      const due = [...reminders.entries()]
        .filter(([, reminder]) => reminder.dueAt !== undefined && reminder.dueAt <= now.toISOString())
        .map(([odbNumber, reminder]) => ({ odbNumber, evaluationDue: reminder.evaluationDue, dueAt: reminder.dueAt as string }));
      for (let i = 0; i < due.length; i += pageSize) yield { items: due.slice(i, i + pageSize), consumedReadCapacity: null };
      if (due.length === 0) yield { items: [], consumedReadCapacity: null };
    },
    async completeReminder({ reminder, outbox: messages, history: entries }, now) {
      const current = reminders.get(reminder.odbNumber);
      const entryOk = current?.dueAt === reminder.dueAt && current.evaluationDue === reminder.evaluationDue;
      const free = messages.every(({ id }) => !outbox.has(id)) && entries.every(({ applicationId, entry, n }) => !history.has(`${applicationId}|${entry.at}|${n}`));
      if (failNext || !entryOk || !free) {
        failNext = false;
        throw new RegistrationWriteConflict(reminder.odbNumber);
      }
      reminders.set(reminder.odbNumber, { evaluationDue: reminder.evaluationDue, mailedAt: now.toISOString() });
      for (const { applicationId, entry, n } of entries) history.set(`${applicationId}|${entry.at}|${n}`, clone(entry));
      for (const { id, message } of messages) outbox.set(id, clone(message));
    },
  };
}

/** The ports of the registrations use cases on fakes: the store above and a map of organisations. */
export function memoryRegistrationPorts(organisations: Organisation[] = []): RegistrationPorts & { registrations: MemoryRegistrationStore } {
  const byKbo = new Map(organisations.map((org) => [org.kbo, org]));
  return {
    registrations: memoryRegistrationStore(),
    organisations: { get: async (kbo) => { const org = byKbo.get(kbo); return org ? { ...clone(org), version: 1 } : null; } },
  };
}
