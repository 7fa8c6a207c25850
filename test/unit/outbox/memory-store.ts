import { OUTBOX_DUE, SWEEP_GRACE_MS, outboxMessageSchema, type OutboxMessage } from '../../../functions/outbox/outbox';
import type { ClaimOutcome, DeadLetter, DeadLetters, OutboxStore } from '../../../functions/outbox/store';

interface Row {
  id: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  message: unknown;
  attempts: number;
  claimedUntil?: string;
  duePk?: string;
  dueAt?: string;
  lastError?: string;
  receipt?: string;
}

/** The in-memory fake of the outbox port: the same transitions and conditions as the DynamoDB adapter. */
export function memoryOutboxStore() {
  const rows = new Map<string, Row>();
  const store: OutboxStore & { add(id: string, message: OutboxMessage | unknown, now: Date): Promise<void>; rows: Map<string, Row> } = {
    rows,
    async add(id, message, now) {
      if (rows.has(id)) throw new Error('ConditionalCheckFailed: outbox id exists');
      rows.set(id, { id, status: 'pending', message, attempts: 0, duePk: OUTBOX_DUE, dueAt: new Date(now.getTime() + SWEEP_GRACE_MS).toISOString() });
    },
    async claim(id, now, leaseUntil): Promise<ClaimOutcome> {
      const row = rows.get(id);
      const expired = row?.status === 'sending' && (row.claimedUntil === undefined || row.claimedUntil <= now.toISOString());
      if (!row || !(row.status === 'pending' || expired)) return { kind: 'not-claimable' };
      row.status = 'sending';
      row.attempts++;
      row.claimedUntil = leaseUntil.toISOString();
      row.duePk = OUTBOX_DUE;
      row.dueAt = row.claimedUntil;
      const message = outboxMessageSchema.safeParse(row.message);
      if (!message.success) return { kind: 'invalid', id, attempt: row.attempts, reason: message.error.issues.map((i) => i.message).join('; ') };
      return { kind: 'claimed', claim: { id, message: message.data, attempt: row.attempts, leaseUntil } };
    },
    async markSent(id, receipt) {
      const row = rows.get(id);
      if (!row) throw new Error('ConditionalCheckFailed: no such outbox row');
      Object.assign(row, { status: 'sent', receipt });
      delete row.duePk; delete row.dueAt; delete row.claimedUntil;
    },
    async release(id, attempt, error, retryAt) {
      const row = rows.get(id);
      if (row?.status !== 'sending' || row.attempts !== attempt) return;
      Object.assign(row, { status: 'pending', lastError: error.slice(0, 500), dueAt: retryAt.toISOString() });
      delete row.claimedUntil;
    },
    async markFailed(id, attempt, error) {
      const row = rows.get(id);
      if (row?.status !== 'sending' || row.attempts !== attempt) return;
      Object.assign(row, { status: 'failed', lastError: error.slice(0, 500) });
      delete row.duePk; delete row.dueAt; delete row.claimedUntil;
    },
    async due(now, limit) {
      return [...rows.values()]
        .filter((r) => r.duePk === OUTBOX_DUE && (r.dueAt ?? '') <= now.toISOString())
        .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''))
        .slice(0, limit).map((r) => r.id);
    },
    async status(id) {
      const row = rows.get(id);
      return row ? { status: row.status, attempts: row.attempts, ...(row.lastError !== undefined ? { lastError: row.lastError } : {}) } : undefined;
    },
  };
  return store;
}

export function memoryDeadLetters(): DeadLetters & { letters: DeadLetter[] } {
  const letters: DeadLetter[] = [];
  return { letters, async put(letter) { letters.push(letter); } };
}
