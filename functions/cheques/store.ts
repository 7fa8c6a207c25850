/**
 * The port through which the cheque use cases read and change state. The DynamoDB adapter
 * (dynamo-store.ts) does each change in ONE transaction; the unit tests use an in-memory fake.
 */
import type { ChequeBudget, ReservationCondition } from '../../shared/cheques/budget';
import type { ChequeRequestStatus } from '../../shared/cheques/cheque-request';
import type { ProofFacts } from '../../shared/cheques/proof';
import type { OutboxEntry } from '../outbox/store';
import type { StoredChequeRequest } from './stored-request';

export type { OutboxEntry } from '../outbox/store';

export interface NewRequest {
  request: StoredChequeRequest;
  /** For an accepted request: reserve on the worker's school-year budget, only if it still fits. */
  reservation: ReservationCondition | undefined;
  outbox: OutboxEntry[];
}

export interface RequestChange {
  /** The request after the change (replaces the stored one). */
  next: StoredChequeRequest;
  /** Applied only while the stored status is still this one. */
  expectedStatus: ChequeRequestStatus;
  /** Given back to the worker's budget of `next.schoolYear` (R-CHQ-7). */
  release: ChequeBudget | undefined;
  /** An issuer event id, recorded once: a second change with the same id is refused. */
  issuerEventId: string | undefined;
  outbox: OutboxEntry[];
}

/** `retry`: the budget changed (or another write conflicted) between reading and writing: decide again. */
export type CreateResult = 'created' | 'retry';
/** `stale`: the status is no longer the expected one; `replayed`: the issuer event id was seen before. */
export type ChangeResult = 'changed' | 'stale' | 'replayed';

/** A proof handed out (R-CHQ-8): what it states, kept so the department can verify it by its code. */
export interface ProofRecord {
  code: string;
  requestId: string;
  /** When it was first made (UTC). */
  issuedAt: string;
  facts: ProofFacts;
}

export interface ChequeStore {
  budget(workerHash: string, schoolYear: string): Promise<ChequeBudget>;
  get(id: string): Promise<StoredChequeRequest | undefined>;
  listByWorker(workerHash: string): Promise<StoredChequeRequest[]>;
  create(change: NewRequest, now: Date): Promise<CreateResult>;
  change(change: RequestChange, now: Date): Promise<ChangeResult>;
  issuerEventSeen(eventId: string): Promise<boolean>;
  /** Requests whose contribution is due at or before `now` (the `due` index, job `unpaid-contributions`). */
  unpaidDue(now: Date): Promise<StoredChequeRequest[]>;
  /** Records a proof unless one with this code exists; returns the stored one (the first wins). */
  saveProof(proof: ProofRecord): Promise<ProofRecord>;
  getProof(code: string): Promise<ProofRecord | undefined>;
}

export const UNPAID_CONTRIBUTIONS_JOB = 'unpaid-contributions';
