import type { OutboxMessage } from './outbox';

/** A message this consumer holds until `leaseUntil`; `attempt` (1, 2, …) identifies the claim. */
export interface Claim {
  id: string;
  message: OutboxMessage;
  attempt: number;
  leaseUntil: Date;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claim: Claim }
  /** Sent, failed, or held by a consumer whose lease has not expired: nothing to do. */
  | { kind: 'not-claimable' }
  /** Claimed, but the stored row is not a message this code can deliver (parsed at the boundary). */
  | { kind: 'invalid'; id: string; attempt: number; reason: string };

/**
 * The outbox port. Every transition is conditional, so two consumers (a redelivered stream record and
 * the sweep, or a slow consumer whose lease ran out) cannot both hold a message.
 */
export interface OutboxStore {
  /** pending → sending, or an expired sending → sending again (the lease of a consumer that crashed). */
  claim(id: string, now: Date, leaseUntil: Date): Promise<ClaimOutcome>;
  /** sending → sent (leaves the due index). */
  markSent(id: string, receipt: string, now: Date): Promise<void>;
  /** sending → pending with the error; the sweep retries at `retryAt`. Only the holder of `attempt` may. */
  release(id: string, attempt: number, error: string, retryAt: Date): Promise<void>;
  /** sending → failed (permanent: never retried; leaves the due index). Only the holder of `attempt` may. */
  markFailed(id: string, attempt: number, error: string, now: Date): Promise<void>;
  /** Ids of messages the sweep should act on now: pending past their retry time, or leases expired. */
  due(now: Date, limit: number): Promise<string[]>;
  /** The status of one message (tests and operators). */
  status(id: string): Promise<{ status: string; attempts: number; lastError?: string } | undefined>;
}

/** Where a message (or stream record) that cannot be delivered goes: it raises the dead-letter alarm. */
export interface DeadLetter {
  source: string;
  id: string;
  reason: string;
  at: string;
  detail?: Record<string, unknown>;
}

export interface DeadLetters {
  put(letter: DeadLetter): Promise<void>;
}

/** A message a use case writes in the same transaction as its change (the transactional outbox). */
export interface OutboxEntry {
  /** Deterministic per cause (e.g. `cheque-approved:<requestId>`), so a retry cannot send twice. */
  id: string;
  message: OutboxMessage;
}
