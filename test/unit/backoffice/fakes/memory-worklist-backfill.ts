import type { StoredApplication } from '../../../../functions/applications/store';
import { needsIndex, type StoredIndexState, type WorklistBackfillStore } from '../../../../functions/backoffice/worklist-backfill';
import { worklistAttributes } from '../../../../functions/applications/worklist-items';

/**
 * In-memory fake of the worklist backfill's port: stored applications with the index keys their items
 * hold, pages by position, version-checked writes. `indexed()` is what the worklist index would see
 * (the applications whose keys are right). The contract (test/support/contracts/worklist-backfill.ts)
 * runs against it and the DynamoDB adapter.
 */
export function memoryBackfillStore(states: StoredIndexState[]): WorklistBackfillStore & { writes: string[]; states: StoredIndexState[]; indexed(): Map<string, StoredApplication> } {
  const writes: string[] = [];
  return {
    writes, states,
    async page(cursor, size) {
      const start = cursor === null ? 0 : Number(cursor);
      const next = start + size < states.length ? String(start + size) : null;
      return { applications: structuredClone(states.slice(start, start + size)), next };
    },
    async index(application: StoredApplication) {
      const state = states.find((s) => s.application.id === application.id);
      if (!state || state.application.version !== application.version) return false;
      state.keys = { ...worklistAttributes(application) };
      writes.push(application.id);
      return true;
    },
    indexed: () => new Map(states.filter((s) => !needsIndex(s)).map((s) => [s.application.id, structuredClone(s.application)])),
  };
}
