/**
 * The port of the yearly contact check (R-REG-4). The DynamoDB adapter is `dynamo-contact-check-store.ts`;
 * unit tests use the in-memory fake (test/support/fakes/memory-contact-check-store.ts); both pass
 * test/support/contracts/contact-check-store.ts.
 */
import type { Organisation } from '../../shared/organisations/organisation';
import type { OutboxEntry } from '../outbox/store';

/** An organisation whose `contact-check` entry has come, with the entry read. */
export interface DueContactCheck {
  organisation: Pick<Organisation, 'kbo' | 'name' | 'contact' | 'generalContact' | 'contactConfirmedAt'>;
  /** The `dueAt` of the entry read: recording the request is conditional on it. */
  dueAt: string;
}

export interface ContactCheckStore {
  /** Organisations whose `contact-check` entry is due at or before `now`, page by page (O(due)). */
  due(now: Date): AsyncIterable<{ items: DueContactCheck[]; consumedReadCapacity: number | null }>;
  /**
   * Sets `contactCheckRequestedAt = now` and moves the entry to `nextDueAt`, with the mail, in ONE
   * transaction, only while the organisation's entry is still the one read; `stale` otherwise (a second
   * run, or a profile update in between): nothing written.
   */
  recordRequest(check: DueContactCheck, nextDueAt: string, mail: OutboxEntry, now: Date): Promise<'recorded' | 'stale'>;
}
