/**
 * In-memory fake of the cheque store port (functions/cheques/store.ts), with the same conditional
 * semantics as the DynamoDB adapter: a reservation is applied only while the budget still allows it, a
 * change only while the status is the expected one, an issuer event id only once — all or nothing.
 */
import { add, admits, EMPTY_BUDGET, release as subtract, type ChequeBudget } from '../../../shared/cheques/budget';
import type { OutboxMessage } from '../../../functions/outbox/outbox';
import { UNPAID_CONTRIBUTIONS_JOB, type ChequeStore, type ProofRecord } from '../../../functions/cheques/store';
import type { StoredChequeRequest } from '../../../functions/cheques/stored-request';
import type { TrainingLookup } from '../../../functions/cheques/training-lookup';
import type { ChequeTraining } from '../../../shared/cheques/decide';

export interface MemoryStore extends ChequeStore {
  requests: Map<string, StoredChequeRequest>;
  budgets: Map<string, ChequeBudget>;
  issuerEvents: Set<string>;
  outbox: Map<string, OutboxMessage>;
  proofs: Map<string, ProofRecord>;
}

const budgetKey = (hash: string, schoolYear: string) => `${hash}#${schoolYear}`;

export function memoryStore(): MemoryStore {
  const requests = new Map<string, StoredChequeRequest>();
  const budgets = new Map<string, ChequeBudget>();
  const issuerEvents = new Set<string>();
  const outbox = new Map<string, OutboxMessage>();
  const proofs = new Map<string, ProofRecord>();
  const clone = <T>(value: T): T => structuredClone(value);

  return {
    requests, budgets, issuerEvents, outbox, proofs,
    async budget(hash, schoolYear) {
      return clone(budgets.get(budgetKey(hash, schoolYear)) ?? EMPTY_BUDGET);
    },
    async get(id) {
      const found = requests.get(id);
      return found ? clone(found) : undefined;
    },
    async listByWorker(hash) {
      return [...requests.values()].filter((r) => r.workerHash === hash).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(clone);
    },
    async create({ request, reservation, outbox: entries }) {
      if (requests.has(request.id)) throw new Error('cheque request id collision');
      const key = budgetKey(request.workerHash, request.schoolYear);
      if (reservation) {
        const current = budgets.get(key) ?? EMPTY_BUDGET;
        if (!admits(current, reservation)) return 'retry';
        budgets.set(key, add(current, reservation.add));
      }
      requests.set(request.id, clone(request));
      for (const entry of entries) outbox.set(entry.id, clone(entry.message));
      return 'created';
    },
    async change({ next, expectedStatus, release, issuerEventId, outbox: entries }) {
      const current = requests.get(next.id);
      if (!current || current.status !== expectedStatus) return 'stale';
      if (issuerEventId !== undefined && issuerEvents.has(issuerEventId)) return 'replayed';
      const key = budgetKey(next.workerHash, next.schoolYear);
      if (release) {
        budgets.set(key, subtract(budgets.get(key) ?? EMPTY_BUDGET, release));
      }
      if (issuerEventId !== undefined) issuerEvents.add(issuerEventId);
      requests.set(next.id, clone(next));
      for (const entry of entries) {
        if (outbox.has(entry.id)) throw new Error(`outbox id ${entry.id} exists`);
        outbox.set(entry.id, clone(entry.message));
      }
      return 'changed';
    },
    async issuerEventSeen(eventId) {
      return issuerEvents.has(eventId);
    },
    async saveProof(proof) {
      const existing = proofs.get(proof.code);
      if (existing) return clone(existing);
      proofs.set(proof.code, clone(proof));
      return clone(proof);
    },
    async getProof(code) {
      const found = proofs.get(code);
      return found ? clone(found) : undefined;
    },
    async unpaidDue(now) {
      return [...requests.values()]
        .filter((r) => r.status === 'awaiting-contribution' && r.contributionDueAt !== null && r.contributionDueAt <= now.toISOString())
        .map(clone);
    },
  };
}

export { UNPAID_CONTRIBUTIONS_JOB };

/** Trainings by ODB number (the registration port, faked). */
export function memoryTrainings(trainings: ChequeTraining[]): TrainingLookup {
  const byNumber = new Map(trainings.map((t) => [t.odbNumber, t]));
  return { find: async (odbNumber) => byNumber.get(odbNumber) };
}
