import type { Application } from '../../shared/applications/application';
import type { DueEntry } from '../../shared/applications/due';
export type { DueEntry } from '../../shared/applications/due';
import type { Claim, ClaimWrite } from '../../shared/applications/claims';
import type { HistoryEvent } from '../../shared/applications/history';
import type { Actor, ApplicationEvent } from '../../shared/applications/state-machine';
import type { Mail } from '../mail/mail';

/**
 * The port through which the provider's use cases read and change applications. The DynamoDB adapter
 * is `dynamo-store.ts`; unit tests use the in-memory fake (test/unit/provider/fakes). Both pass the same
 * contract suite (test/unit/provider/contracts/application-store.ts).
 */

export interface StoredApplication extends Application {
  version: number;
  /** Due-index entry for a scheduled job, if any. */
  duePk?: string | undefined;
  dueAt?: string | undefined;
}

/** The item changed since it was read (or, for a create, already exists), or a claim was taken meanwhile. Retry from a fresh read. */
export class ApplicationVersionConflict extends Error {
  constructor(id: string) {
    super(`application ${id} was changed concurrently`);
    this.name = 'ApplicationVersionConflict';
  }
}

export type { ClaimWrite } from '../../shared/applications/claims';

export interface TransitionRequest<Extra = never> {
  /** The application as read (its `version` is the expected version). */
  application: StoredApplication;
  event: ApplicationEvent;
  actor: Actor;
  now: Date;
  /** Field changes that come with the state change (e.g. `submittedAt`, `problems`, `deadlines`). */
  changes?: Partial<Omit<Application, 'id' | 'orgKbo' | 'status' | 'createdAt'>>;
  /** A mail to send, with a deterministic outbox id per cause (e.g. `submitted:<id>`). */
  mail?: { outboxId: string; mail: Mail };
  /** Set (entry), remove (null) or keep (undefined) the due-index entry. */
  due?: DueEntry | null;
  /** Claims (own references, language) taken in the same transaction. */
  claims?: readonly ClaimWrite[];
  /** Adapter-specific further items of the same transaction (the DynamoDB adapter: TransactWrite items). */
  extraItems?: Extra[];
  /** R-BO-6: who, for the dossier's history — the token's `sub`, or `system:<job>`; defaults to `actor`. */
  actorId?: string;
  /** R-BO-6: why, for the history (a motivation, the question, …). */
  reason?: string | null;
}

/** A change without a state change (R-BO-7 amendment), recorded in the history as `event`. */
export interface ChangeRequest<Extra = never> extends Omit<TransitionRequest<Extra>, 'event' | 'actor' | 'actorId'> {
  event: HistoryEvent;
  actorId: string;
}

export interface Page {
  items: StoredApplication[];
  /** Opaque cursor for the next page, or null. */
  nextCursor: string | null;
}

export interface ListOptions {
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

export interface ApplicationStore {
  /** One application by id (strongly consistent), or null. */
  get(id: string): Promise<StoredApplication | null>;
  /** Stores a new application at version 1; `ApplicationVersionConflict` if the id exists. */
  create(app: Application): Promise<StoredApplication>;
  /**
   * Replaces the application while its stored version is still `expectedVersion` (no status change:
   * use `transition`). `due` sets (entry), removes (null) or keeps (undefined) the due-index entry.
   */
  put(app: Application, expectedVersion: number, options?: { due?: DueEntry | null; previous?: StoredApplication }): Promise<StoredApplication>;
  /**
   * The one way to change an application's status: the shared state machine gives the next status;
   * application (version-checked), mail and claims are written together or not at all.
   */
  transition(request: TransitionRequest): Promise<StoredApplication>;
  /** An organisation's applications, newest first, optionally one status. `undefined` for a cursor that is not this listing's. */
  listByOrg(kbo: string, options?: ListOptions & { status?: Application['status'] }): Promise<Page | undefined>;
  /** For each claim of this organisation that is held: the id of the holding application (by `claimKey`). */
  claimHolders(kbo: string, claims: readonly Claim[]): Promise<Map<string, string>>;
  /** The statuses of these applications (missing ids are left out). */
  statuses(ids: readonly string[]): Promise<Map<string, Application['status']>>;
}
