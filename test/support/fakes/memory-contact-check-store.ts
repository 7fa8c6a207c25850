/**
 * In-memory fake of the contact-check port (R-REG-4) with the adapter's conditional semantics: a
 * request is recorded only while the organisation's entry is still the one read, with its mail, all or
 * nothing. test/support/contracts/contact-check-store.ts runs against it and the DynamoDB Local adapter.
 */
import type { ContactCheckStore, DueContactCheck } from '../../../functions/organisations/contact-check-store';
import type { OutboxMessage } from '../../../functions/outbox/outbox';

export interface MemoryContactCheckStore extends ContactCheckStore {
  /** kbo → the organisation with its entry (`dueAt` absent: not due for anything) and last request. */
  organisations: Map<string, DueContactCheck['organisation'] & { dueAt?: string; contactCheckRequestedAt?: string }>;
  outbox: Map<string, OutboxMessage>;
  /** Adds an organisation due at `dueAt`, as a profile update would schedule it. */
  add(organisation: DueContactCheck['organisation'], dueAt: string): void;
}

export function memoryContactCheckStore(pageSize = 25): MemoryContactCheckStore {
  const organisations: MemoryContactCheckStore['organisations'] = new Map();
  const outbox = new Map<string, OutboxMessage>();
  return {
    organisations, outbox,
    add(organisation, dueAt) { organisations.set(organisation.kbo, { ...structuredClone(organisation), dueAt }); },
    async *due(now) {
      const due: DueContactCheck[] = [...organisations.values()]
        .filter((org) => org.dueAt !== undefined && org.dueAt <= now.toISOString())
        .map(({ dueAt, contactCheckRequestedAt: _requested, ...organisation }) => ({ organisation: structuredClone(organisation), dueAt: dueAt as string }));
      for (let i = 0; i < due.length; i += pageSize) yield { items: due.slice(i, i + pageSize), consumedReadCapacity: null };
      if (due.length === 0) yield { items: [], consumedReadCapacity: null };
    },
    async recordRequest(check, nextDueAt, mail, now) {
      const current = organisations.get(check.organisation.kbo);
      if (!current || current.dueAt !== check.dueAt || outbox.has(mail.id)) return 'stale';
      organisations.set(check.organisation.kbo, { ...current, dueAt: nextDueAt, contactCheckRequestedAt: now.toISOString() });
      outbox.set(mail.id, structuredClone(mail.message));
      return 'recorded';
    },
  };
}
