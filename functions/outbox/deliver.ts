import pLimit from 'p-limit';
import type { OutboxKind, OutboxMessage } from './outbox';
import type { Claim, DeadLetters, OutboxStore } from './store';

/** How each kind of outbox message is delivered; returns a receipt (e.g. the SES message id). */
export type Deliver<K extends OutboxKind = OutboxKind> = (message: Extract<OutboxMessage, { kind: K }>, id: string) => Promise<string>;

/** Crash points for fault tests: a hook that throws stops the delivery there, as a killed process would. */
export interface FaultHooks {
  afterClaim?: (id: string) => Promise<void> | void;
  afterSend?: (id: string) => Promise<void> | void;
}

export interface DeliveryPorts {
  store: OutboxStore;
  deliver: { [K in OutboxKind]?: Deliver<K> };
  deadLetters: DeadLetters;
  clock: () => Date;
  /** How long a claim holds: longer than one delivery can take with its timeouts and retries. */
  leaseMs: number;
  /** Attempts after which a message that keeps failing transiently is given up (failed, dead-lettered). */
  maxAttempts: number;
  /** A failure no retry can fix (an address SES rejects, a malformed order). */
  isPermanent: (error: unknown) => boolean;
  log?: (level: 'warn' | 'error', message: string, detail: Record<string, unknown>) => void;
  faults?: FaultHooks;
}

export type DeliveryResult = 'sent' | 'not-claimable' | 'retry' | 'failed';

const DEAD_LETTER_SOURCE = 'outbox';

/** Backoff before the sweep retries a released message: 30 s, 1, 2, 4 … min, at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Delivers one outbox message: claim (a lease until `now + leaseMs`), send, mark sent.
 * - A message that is sent, failed, or held under an unexpired lease is not claimable: a redelivered
 *   stream record or a concurrent sweep does nothing.
 * - A crash after the claim leaves a lease that expires; the next redelivery or the sweep reclaims it.
 * - A transient failure releases the message (→ pending, retried by the stream and the sweep) until
 *   `maxAttempts`; a permanent failure, or too many attempts, marks it failed and dead-letters it (the
 *   dead-letter alarm), never to be retried.
 * Delivery is at least once: a crash between the send and the mark-sent sends again on reclaim (one
 * extra message per such crash; docs/decisions/0007-outbox-leases.md). The issuer order is idempotent per
 * request (same key, same body, idempotency-key header); SES has no idempotency key.
 */
export async function deliverOutboxMessage(id: string, ports: DeliveryPorts): Promise<DeliveryResult> {
  const now = ports.clock();
  const outcome = await ports.store.claim(id, now, new Date(now.getTime() + ports.leaseMs));
  if (outcome.kind === 'not-claimable') return 'not-claimable';
  if (outcome.kind === 'invalid') {
    await giveUp(ports, id, outcome.attempt, `invalid outbox row: ${outcome.reason}`, 'invalid');
    return 'failed';
  }
  const { claim } = outcome;
  await ports.faults?.afterClaim?.(id);
  let receipt: string;
  try {
    const deliver = ports.deliver[claim.message.kind] as Deliver | undefined;
    if (!deliver) throw new PermanentDeliveryError(`no deliverer for outbox kind ${claim.message.kind}`);
    receipt = await deliver(claim.message, id);
  } catch (error) {
    return failed(ports, claim, error);
  }
  await ports.faults?.afterSend?.(id);
  await markSent(ports, id, receipt);
  return 'sent';
}

const MARK_SENT_ATTEMPTS = 8;

/**
 * The mail has left: recording that must not fail on a blip of the table (a DynamoDB outage, throttling),
 * or the expired lease would send it again. Retried with backoff (≈ 20 s in all, inside the lease).
 */
async function markSent(ports: DeliveryPorts, id: string, receipt: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await ports.store.markSent(id, receipt, ports.clock());
      return;
    } catch (error) {
      if (attempt >= MARK_SENT_ATTEMPTS) throw error;
      ports.log?.('warn', 'Outbox mark-sent failed; retrying', { outboxId: id, attempt, error: describe(error) });
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * 2 ** attempt)));
    }
  }
}

async function failed(ports: DeliveryPorts, claim: Claim, error: unknown): Promise<DeliveryResult> {
  const permanent = error instanceof PermanentDeliveryError || ports.isPermanent(error);
  if (permanent || claim.attempt >= ports.maxAttempts) {
    await giveUp(ports, claim.id, claim.attempt, describe(error), permanent ? 'permanent' : 'attempts-exhausted', claim.message.kind);
    return 'failed';
  }
  ports.log?.('warn', 'Outbox delivery failed; will retry', { outboxId: claim.id, kind: claim.message.kind, attempt: claim.attempt, error: describe(error) });
  await ports.store.release(claim.id, claim.attempt, describe(error), new Date(ports.clock().getTime() + retryDelayMs(claim.attempt)));
  return 'retry';
}

async function giveUp(ports: DeliveryPorts, id: string, attempt: number, reason: string, cause: string, kind?: string) {
  const now = ports.clock();
  ports.log?.('error', 'Outbox message failed permanently', { outboxId: id, kind, attempt, cause, error: reason });
  await ports.store.markFailed(id, attempt, reason, now);
  await ports.deadLetters.put({ source: DEAD_LETTER_SOURCE, id, reason, at: now.toISOString(), detail: { cause, attempt, ...(kind ? { kind } : {}) } });
}

/** A delivery failure that no retry can fix. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/**
 * Delivers many messages at once, at most `concurrency` at a time (a batch of the stream, a page of
 * the sweep); resolves with each id's result in input order.
 */
export function deliverAll(ids: readonly string[], ports: DeliveryPorts, concurrency: number): Promise<DeliveryResult[]> {
  return pLimit(concurrency).map(ids, (id) => deliverOutboxMessage(id, ports));
}
