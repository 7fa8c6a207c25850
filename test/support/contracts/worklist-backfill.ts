import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/applications/application';
import { addDays, addMonths } from '../../../shared/time/calendar';
import type { StoredApplication } from '../../../functions/applications/store';
import { needsIndex, type StoredIndexState, type WorklistBackfillStore } from '../../../functions/backoffice/worklist-backfill';
import { freshKbo, newApplication } from '../../unit/provider/contracts/stores';

export interface BackfillUnderTest {
  store: WorklistBackfillStore;
  /** Stores an application as it was stored before the worklist existed: no index keys, no token items. */
  storeOldShaped(app: StoredApplication): Promise<void>;
  /** The ids the worklist finds by a word (open work, oldest submission first). */
  find(word: string): Promise<string[]>;
}

const uniqueWord = () => `bf${randomInt(1e9, 1e10 - 1).toString(36)}`;

function old(word: string, on: string, overrides: Partial<Application> = {}): StoredApplication {
  const end = addMonths(on, 3);
  return {
    ...newApplication(freshKbo(), {
      title: `Lassen ${word}`, status: 'screening', submittedAt: `${on}T09:00:00.000Z`, organisationName: 'Vormingscentrum West',
      deadlines: { decisionPeriodEnd: end, forcedForwardDate: addDays(end, -14) }, ...overrides,
    }),
    version: 1,
  };
}

async function everyState(store: WorklistBackfillStore, pageSize: number): Promise<{ states: StoredIndexState[]; pages: number }> {
  const states: StoredIndexState[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await store.page(cursor, pageSize);
    states.push(...page.applications);
    cursor = page.next;
    pages += 1;
  } while (cursor !== null);
  return { states, pages };
}

/** The worklist backfill's port (decision 0014), against the in-memory fake (unit) AND the DynamoDB Local adapter (integration). */
export function worklistBackfillContract(name: string, make: () => BackfillUnderTest) {
  describe(`worklist backfill store contract: ${name}`, () => {
    it('pages walk every stored application once, with the index keys it holds (none when old-shaped)', async () => {
      const { store, storeOldShaped } = make();
      const word = uniqueWord();
      const apps = [old(word, '1921-01-10'), old(word, '1921-02-10'), old(word, '1921-03-10')];
      for (const app of apps) await storeOldShaped(app);

      const { states } = await everyState(store, 2);
      const mine = states.filter((s) => apps.some((a) => a.id === s.application.id));

      expect(mine.map((s) => s.application.id).sort()).toEqual(apps.map((a) => a.id).sort());
      expect(new Set(states.map((s) => s.application.id)).size).toBe(states.length);
      expect(mine.every((s) => Object.keys(s.keys).length === 0 && needsIndex(s))).toBe(true);
      expect(mine.find((s) => s.application.id === apps[0]!.id)?.application).toMatchObject({ title: apps[0]!.title, version: 1 });
    });

    it('index gives an application found by nobody its keys and token items: the worklist finds it, and the next page shows it indexed', async () => {
      const { store, storeOldShaped, find } = make();
      const word = uniqueWord();
      const app = old(word, '1922-01-10');
      await storeOldShaped(app);
      const before = await find(word);

      const written = await store.index(app);
      const after = await find(word);
      const state = (await everyState(store, 100)).states.find((s) => s.application.id === app.id);

      expect(before).toEqual([]);
      expect(written).toBe(true);
      expect(after).toEqual([app.id]);
      expect(state && needsIndex(state)).toBe(false);
      expect(state?.application.version).toBe(1);
    });

    it('index of an application changed since it was read writes nothing and says so', async () => {
      const { store, storeOldShaped, find } = make();
      const word = uniqueWord();
      const app = old(word, '1923-01-10');
      await storeOldShaped(app);

      const written = await store.index({ ...app, version: 2 });

      expect(written).toBe(false);
      expect(await find(word)).toEqual([]);
    });
  });
}
