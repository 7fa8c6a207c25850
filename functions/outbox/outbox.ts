import * as z from 'zod';

/**
 * Transactional outbox. A use case that changes state and must tell someone writes the message in the
 * SAME DynamoDB transaction as the state change (`outboxPut` in ./dynamo-store.ts), so neither is lost without the other.
 * The stream consumer `functions/streams/outbox.ts` delivers it (functions/outbox/deliver.ts: claim with
 * a lease, send, mark sent); the sweep `functions/outbox/sweep.ts` picks up what the stream did not
 * finish (an expired lease after a crash, a release whose retry time came) through the `due` index.
 * Message ids are deterministic per cause (e.g. `submitted:<applicationId>`), so a retried use case
 * cannot create a second message either.
 */
export const mailSchema = z.object({
  to: z.array(z.string().min(3)).min(1),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sender: z.literal('cheques').exactOptional(),
});

export const outboxMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mail'), mail: mailSchema }),
  z.object({ kind: z.literal('issuer-order'), order: z.record(z.string(), z.unknown()) }),
]);

export type OutboxMessage = z.output<typeof outboxMessageSchema>;

export type OutboxKind = OutboxMessage['kind'];

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** Days an outbox row is kept (its `ttl`). */
export const RETAIN_DAYS = 90;

/** `duePk` of outbox rows in the sparse `due` index: pending and in-delivery rows, keyed by when the sweep may act. */
export const OUTBOX_DUE = 'outbox';

/** A new message is the stream's; the sweep takes it only when the stream has not claimed it by then. */
export const SWEEP_GRACE_MS = 2 * 60_000;

/** Filter criteria of the outbox consumer (Lambda event filtering; the local poller applies the same). */
export const outboxFilter = { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['outbox'] } } } };
