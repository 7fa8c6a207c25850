import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/applications/application';
import type { StoredApplication } from '../../../functions/applications/store';
import { worklistAttributes } from '../../../functions/applications/worklist-items';
import { backfillWorklist, needsIndex, type WorklistBackfillStore } from '../../../functions/backoffice/worklist-backfill';
import { listWorklist } from '../../../functions/backoffice/worklist';
import { worklistBackfillContract } from '../../support/contracts/worklist-backfill';
import { freshKbo, newApplication } from '../provider/contracts/stores';
import { memoryBackfillStore } from './fakes/memory-worklist-backfill';
import { memoryWorklistIndex } from './fakes/memory-worklist';

worklistBackfillContract('in-memory fake', () => {
  const store = memoryBackfillStore([]);
  return {
    store,
    storeOldShaped: async (app) => { store.states.push({ application: structuredClone(app), keys: {} }); },
    // the worklist sees what is indexed: the fake's index over the applications whose keys were written
    find: async (word) => (await listWorklist(memoryWorklistIndex(store.indexed()), { q: word, sort: 'submitted' })).items.map((item) => item.id),
  };
});

const submitted = (overrides: Partial<Application> = {}): StoredApplication => ({
  ...newApplication(freshKbo(), { status: 'screening', submittedAt: '2026-01-10T09:00:00.000Z', deadlines: { decisionPeriodEnd: '2026-04-10', forcedForwardDate: '2026-03-27' }, ...overrides }),
  version: 1,
});

describe('worklist backfill use case (decision 0014)', () => {
  it('indexes the submitted applications that lack their keys or carry stale ones, leaves drafts and indexed ones alone; a second run writes nothing', async () => {
    const old = submitted();
    const stale = submitted({ status: 'forwarded' });
    const indexed = submitted();
    const draft: StoredApplication = { ...newApplication(freshKbo()), version: 3 };
    const store = memoryBackfillStore([
      { application: old, keys: {} },
      { application: stale, keys: { ...worklistAttributes(stale), wlpk: 'APPSTATUS#screening' } },
      { application: indexed, keys: worklistAttributes(indexed) },
      { application: draft, keys: {} },
    ]);
    const progress: number[] = [];

    const first = await backfillWorklist(store, { pageSize: 3, onPage: (p) => progress.push(p.read) });
    const writesAfterFirst = [...store.writes];
    const second = await backfillWorklist(store, { pageSize: 3 });

    expect([...writesAfterFirst].sort()).toEqual([old.id, stale.id].sort());
    expect(first).toEqual({ read: 4, written: 2, changedMeanwhile: 0, cursor: null });
    expect(progress).toEqual([3, 4]);
    expect(second).toEqual({ read: 4, written: 0, changedMeanwhile: 0, cursor: null });
    expect(store.writes).toEqual(writesAfterFirst);
    expect(needsIndex({ application: draft, keys: {} })).toBe(false);
  });

  it('resumes from a cursor it printed, and counts an application changed meanwhile without writing it', async () => {
    const apps = Array.from({ length: 5 }, () => submitted());
    const store = memoryBackfillStore(apps.map((application) => ({ application, keys: {} })));
    const cursors: Array<string | null> = [];
    // someone else's write moves the fourth application to version 2 between the read and the backfill's write
    const racing: WorklistBackfillStore = {
      page: async (cursor, size) => {
        const page = await store.page(cursor, size);
        const fourth = store.states[3]!;
        if (page.applications.some((s) => s.application.id === fourth.application.id)) fourth.application = { ...fourth.application, version: 2 };
        return page;
      },
      index: (application) => store.index(application),
    };

    const firstPage = await backfillWorklist({ ...store, page: async (cursor, size) => { const page = await store.page(cursor, size); cursors.push(page.next); return { ...page, next: null }; } }, { pageSize: 2 });
    const rest = await backfillWorklist(racing, { pageSize: 2, from: cursors[0] ?? null });

    expect(firstPage).toMatchObject({ read: 2, written: 2 });
    expect(rest).toEqual({ read: 3, written: 2, changedMeanwhile: 1, cursor: null });
    expect(store.writes).toEqual([apps[0]!.id, apps[1]!.id, apps[2]!.id, apps[4]!.id]);
  });
});
