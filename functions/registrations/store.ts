/**
 * The port through which the registration use cases read and change registrations. The DynamoDB
 * adapter is `dynamo-store.ts` (items: `items.ts`); unit tests use the in-memory fake
 * (test/support/fakes/memory-registration-store.ts). Both pass the same contract suite
 * (test/support/contracts/registration-store.ts).
 */
import type { HistoryEntry } from '../../shared/applications/history';
import type { RegistrationJob } from '../../shared/registrations/due';
import type { Registration, RegistrationModule } from '../../shared/registrations/registration';
import type { OutboxEntry } from '../outbox/store';

export interface StoredRegistration {
  registration: Registration;
  version: number;
  createdAt: string;
}

export interface ResolvedOdbNumber extends StoredRegistration {
  /** Set when the number is a module's: the module within the training. */
  module: RegistrationModule | null;
}

/** The version a write expects (`null`: the registration must not exist yet). */
export type ExpectedRegistration = Pick<StoredRegistration, 'version' | 'createdAt'> | null;

/** R-BO-6: a history entry of the registration's dossier (its application), written with the change. */
export interface DossierHistoryEntry {
  applicationId: string;
  entry: HistoryEntry;
  /** Makes the entry's key unique and deterministic (a retried change cannot write it twice). */
  n: string;
}

export interface RegistrationWrite {
  registration: Registration;
  expected: ExpectedRegistration;
  /** R-BO-5: the evaluation date was set (approval) or moved (positive evaluation): (re)schedule its overdue reminder. */
  scheduleEvaluationReminder?: boolean;
  /** Written in the SAME transaction, each only if it does not exist yet. */
  history?: DossierHistoryEntry[];
  outbox?: OutboxEntry[];
}

/** The stored version is not the expected one, or an outbox message / history entry of the write exists already. */
export class RegistrationWriteConflict extends Error {
  constructor(odbNumber: string) {
    super(`registration ${odbNumber} was changed concurrently (or its messages were written already)`);
    this.name = 'RegistrationWriteConflict';
  }
}

export interface RegistrationPage {
  items: StoredRegistration[];
  /** Opaque; null on the last page. A crafted cursor is a 400 problem. */
  nextCursor: string | null;
}

export interface DuePage {
  items: StoredRegistration[];
  /** Read capacity the store reported for the page (null where it reports none). */
  consumedReadCapacity: number | null;
}

/** R-BO-5: a registration's pending overdue reminder, as the `evaluation-overdue` due entry holds it. */
export interface EvaluationReminder {
  odbNumber: string;
  /** The evaluation date it is for. */
  evaluationDue: string;
  /** When it became due (the entry read: completing it is conditional on this one). */
  dueAt: string;
}

export interface ReminderCompletion {
  reminder: EvaluationReminder;
  /** Written in the same transaction (the mail; nothing when no one could be told). */
  outbox: OutboxEntry[];
  history: DossierHistoryEntry[];
}

export interface RegistrationStore {
  /** The registration with this training ODB number (strongly consistent), or null. */
  get(odbNumber: string): Promise<StoredRegistration | null>;
  /** A training's or a module's ODB number → the registration (a module's number gives its training). */
  resolve(odbNumber: string): Promise<ResolvedOdbNumber | null>;
  /** R-SUB-2: the organisation's registrations (every status), oldest valid-from first. */
  listByOrganisation(kbo: string, limit: number, cursor: string | undefined): Promise<RegistrationPage>;
  /** Registrations whose due entry is `job`, due at or before `now`, page by page (O(due), never a scan). */
  due(job: RegistrationJob, now: Date): AsyncIterable<DuePage>;
  /** Writes the registration with its history and outbox in one transaction; else `RegistrationWriteConflict`. */
  write(change: RegistrationWrite, now: Date): Promise<void>;
  /** R-BO-5: reminders whose `evaluation-overdue` entry is due at or before `now`, page by page (O(due)). */
  dueReminders(now: Date): AsyncIterable<{ items: EvaluationReminder[]; consumedReadCapacity: number | null }>;
  /**
   * R-BO-5: ends the reminder (its due entry goes, `mailedAt` is kept) with its outbox and history in ONE
   * transaction, only while the entry is still the one read and the messages are new; else
   * `RegistrationWriteConflict` (a second or concurrent run: nothing written).
   */
  completeReminder(completion: ReminderCompletion, now: Date): Promise<void>;
}
