import { describe, expect, it } from 'vitest';
import type { Application, Question } from '../../../shared/applications/application';
import { nextDeadline, queryTokens, searchTokens } from '../../../shared/backoffice/worklist';
import { backofficeQueueQuery } from '../../../shared/api/backoffice';
import { listWorklist, PROBE_SIZE, rarestToken, type Probe } from '../../../functions/backoffice/worklist';
import { addDays } from '../../../shared/time/calendar';
import { freshKbo, newApplication } from '../provider/contracts/stores';
import { memoryApplicationStore } from '../provider/fakes/memory-stores';
import { memoryWorklistIndex } from './fakes/memory-worklist';

const question = (deadline: string, closedBy: Question['closedBy'] = null): Question => ({
  question: 'Welke lesgevers?', askedAt: '2027-01-05T10:00:00.000Z', deadline, answer: null, answeredAt: null, closedBy,
});

function dossier(overrides: Partial<Application>): Application {
  return newApplication(freshKbo(), {
    status: 'screening', submittedAt: '2027-01-01T09:00:00.000Z', organisationName: 'Opleidingscentrum Noord',
    deadlines: { decisionPeriodEnd: '2027-04-01', forcedForwardDate: '2027-03-18' }, ...overrides,
  });
}

async function worklistOf(apps: Application[]) {
  const store = memoryApplicationStore();
  for (const app of apps) await store.create(app);
  return memoryWorklistIndex(store.applications);
}

describe('worklist rules (issue 11)', () => {
  it('R-BO-1, R-BO-2: the next deadline is the nearer of the open question\'s and the decision period\'s, and says which', () => {
    const deadlines = { decisionPeriodEnd: '2027-04-01', forcedForwardDate: '2027-03-18' };

    expect(nextDeadline({ status: 'screening', questions: [], deadlines })).toEqual({ kind: 'decision', date: '2027-04-01' });
    expect(nextDeadline({ status: 'question-open', questions: [question('2027-02-05')], deadlines })).toEqual({ kind: 'question-answer', date: '2027-02-05' });
    expect(nextDeadline({ status: 'question-open', questions: [question('2027-04-20')], deadlines })).toEqual({ kind: 'decision', date: '2027-04-01' });
    expect(nextDeadline({ status: 'screening', questions: [question('2027-02-05', 'answer')], deadlines })).toEqual({ kind: 'decision', date: '2027-04-01' });
    expect(nextDeadline({ status: 'forwarded', questions: [], deadlines })).toEqual({ kind: 'decision', date: '2027-04-01' });
  });

  it('R-ORG-3: waiting for the quality registration is off the clock; decided dossiers have no deadline', () => {
    const deadlines = { decisionPeriodEnd: '2027-04-01', forcedForwardDate: '2027-03-18' };

    expect(nextDeadline({ status: 'waiting-for-quality-registration', questions: [], deadlines: null })).toBeNull();
    expect(nextDeadline({ status: 'approved', questions: [], deadlines })).toBeNull();
    expect(nextDeadline({ status: 'rejected', questions: [], deadlines })).toBeNull();
  });

  it('search tokens are folded words of title, own reference and organisation name, the KBO and ODB numbers; queries fold the same way', () => {
    const tokens = searchTokens({ orgKbo: '0403170701', title: 'Veiligheid op de Werkvloer – één dag', ownReference: 'VW/2027-01', organisationName: 'Vormingscentrum Éclair', odbNumbers: { training: 'ODB-A000123', modules: ['ODB-A000124'] } });

    expect(tokens).toEqual(['odb-a000123', '0403170701', 'vw', '2027', '01', 'vormingscentrum', 'eclair', 'veiligheid', 'werkvloer', 'dag', 'odb-a000124']);
    expect(queryTokens('  ÉCLAIR  werkvloer')).toEqual(['eclair', 'werkvloer']);
    expect(queryTokens('odb a000123')).toEqual(['odb-a000123']);
    expect(queryTokens('BE 0403.170.701')).toEqual(['0403170701']);
    expect(queryTokens('de het')).toEqual([]);
  });

  it('the query: every problem at once (q without a word, deadlineBefore with sort=submitted, bad date, bad status); sort defaults to deadline', () => {
    const bad = backofficeQueueQuery.safeParse({ q: ' - ', deadlineBefore: '2027-02-30', status: 'nonsense', sort: 'submitted' });
    const combination = backofficeQueueQuery.safeParse({ deadlineBefore: '2027-02-01', sort: 'submitted' });
    const fine = backofficeQueueQuery.parse({ q: 'heftruck' });

    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['deadlineBefore', 'status']);
    expect(combination.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['deadlineBefore']);
    expect(backofficeQueueQuery.safeParse({ q: '!!' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['q']);
    expect(fine).toEqual({ q: 'heftruck', sort: 'deadline' });
  });
});

describe('listWorklist use case (issue 11) on the in-memory index', () => {
  it('without a status: every open dossier, merged across statuses, nearest deadline first, with its next deadline; decided ones left out', async () => {
    const a = dossier({ deadlines: { decisionPeriodEnd: '2027-04-01', forcedForwardDate: '2027-03-18' } });
    const b = dossier({ status: 'question-open', questions: [question('2027-02-05')] });
    const c = dossier({ status: 'forwarded', deadlines: { decisionPeriodEnd: '2027-03-01', forcedForwardDate: '2027-02-15' } });
    const d = dossier({ status: 'waiting-for-quality-registration', deadlines: null });
    const e = dossier({ status: 'approved', odbNumbers: { training: 'ODB-A000001', modules: [] } });
    const index = await worklistOf([a, b, c, d, e]);

    const page = await listWorklist(index, {});

    expect(page.items.map((item) => item.id)).toEqual([b.id, c.id, a.id, d.id]);
    expect(page.items.map((item) => item.nextDeadline)).toEqual([
      { kind: 'question-answer', date: '2027-02-05' }, { kind: 'decision', date: '2027-03-01' }, { kind: 'decision', date: '2027-04-01' }, null,
    ]);
    expect(page.items[0]).toMatchObject({ orgKbo: b.orgKbo, organisationName: 'Opleidingscentrum Noord', status: 'question-open' });
    expect(page.nextCursor).toBeNull();
  });

  it('the cursor pages through a merge of statuses without repeating or skipping a dossier, in both sort orders', async () => {
    const apps = Array.from({ length: 23 }, (_, i) => dossier({
      status: (['screening', 'question-open', 'forwarded'] as const)[i % 3] as Application['status'],
      submittedAt: `2027-01-${String(1 + (i * 7) % 28).padStart(2, '0')}T09:00:00.000Z`,
      deadlines: { decisionPeriodEnd: `2027-04-${String(1 + (i * 11) % 28).padStart(2, '0')}`, forcedForwardDate: '2027-03-18' },
      questions: i % 3 === 1 ? [question(`2027-02-${String(1 + i).padStart(2, '0')}`)] : [],
    }));
    const index = await worklistOf(apps);

    for (const sort of ['deadline', 'submitted'] as const) {
      const seen: string[] = [];
      const all = await listWorklist(index, { sort, limit: 100 });
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listWorklist(index, { sort, limit: 5, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);

      expect(seen).toEqual(all.items.map((item) => item.id));
      expect(new Set(seen).size).toBe(23);
      expect(pages).toBe(5);
    }
  });

  it('a page reads about one page of entries across the statuses, not a page per status, and stays in order when one status holds all the nearest deadlines', async () => {
    const statuses = ['screening', 'question-open', 'forwarded', 'waiting-for-quality-registration'] as const;
    const apps = Array.from({ length: 60 }, (_, i) => dossier({
      status: statuses[Math.floor(i / 15)] as Application['status'],
      // screening holds every nearest deadline; each status has more than a page
      deadlines: { decisionPeriodEnd: `2027-0${4 + Math.floor(i / 15)}-${String(1 + (i % 15)).padStart(2, '0')}`, forcedForwardDate: '2027-03-18' },
      questions: i >= 15 && i < 30 ? [question(`2027-06-${String(1 + (i % 15)).padStart(2, '0')}`)] : [],
    }));
    const inner = await worklistOf(apps);
    let entriesRead = 0;
    const index = { ...inner, read: async (q: Parameters<typeof inner.read>[0]) => { const entries = await inner.read(q); entriesRead += entries.length; return entries; } };
    const all = await listWorklist(inner, { limit: 100 });

    const first = await listWorklist(index, { limit: 10 });
    const second = await listWorklist(index, { limit: 10, cursor: first.nextCursor as string });

    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.slice(0, 20).map((item) => item.id));
    // Two pages of 10 over four open statuses: 2 × (11 + one chunk of 4 per status) at most, not 2 × 4 × 11.
    expect(entriesRead).toBeLessThanOrEqual(2 * (11 + 4 * 4));
  });

  it('a page that one status fills alone reads that page plus a small first chunk of each other status (chunks grow only where the page comes from)', async () => {
    const statuses = ['screening', 'question-open', 'forwarded', 'waiting-for-quality-registration'] as const;
    // 60 dossiers per status; screening holds the 60 nearest deadlines, so the first page of 50 is screening's alone
    const apps = Array.from({ length: 240 }, (_, i) => {
      const status = statuses[Math.floor(i / 60)] as Application['status'];
      const decisionPeriodEnd = addDays('2027-01-01', 100 * Math.floor(i / 60) + (i % 60));
      return dossier({
        status,
        deadlines: status === 'waiting-for-quality-registration' ? null : { decisionPeriodEnd, forcedForwardDate: '2026-12-18' },
        questions: status === 'question-open' ? [question(addDays(decisionPeriodEnd, 30))] : [],
      });
    });
    const inner = await worklistOf(apps);
    let entriesRead = 0;
    const index = { ...inner, read: async (q: Parameters<typeof inner.read>[0]) => { const entries = await inner.read(q); entriesRead += entries.length; return entries; } };
    const all = await listWorklist(inner, { limit: 100 });

    const page = await listWorklist(index, { limit: 50 });

    expect(page.items.map((item) => item.id)).toEqual(all.items.slice(0, 50).map((item) => item.id));
    expect(page.items.every((item) => item.status === 'screening')).toBe(true);
    // 51 entries (the page and one to know there is a next page) + a first chunk of 4 from each other status;
    // equal chunks of ⌈51 / 4⌉ + 1 = 14 read 4 × 14 from screening and 3 × 14 from the others: 98.
    expect(entriesRead).toBeLessThanOrEqual(51 + 3 * 4);
  });

  it('several words: each status is read by its rarest word near the page, not the longest, and a status where one word has no dossier is not read on', async () => {
    // "ax" is in 4 dossiers, "veiligheidsopleiding" in 40 (all screening); 4 have both; question-open has no "ax" at all
    const apps = Array.from({ length: 40 }, (_, i) => dossier({
      title: i % 13 === 0 ? 'Veiligheidsopleiding ax' : 'Veiligheidsopleiding',
      deadlines: { decisionPeriodEnd: addDays('2027-04-01', i), forcedForwardDate: '2027-03-18' },
    }));
    const elsewhere = Array.from({ length: 10 }, (_, i) => dossier({ status: 'question-open', title: 'Veiligheidsopleiding', questions: [question(addDays('2027-02-01', i))] }));
    const inner = await worklistOf([...apps, ...elsewhere]);
    const reads: Array<Parameters<typeof inner.read>[0]> = [];
    const index = { ...inner, read: async (q: Parameters<typeof inner.read>[0]) => { reads.push(q); return inner.read(q); } };

    const page = await listWorklist(index, { q: 'veiligheidsopleiding ax' });

    expect(page.items.map((item) => item.id)).toEqual([apps[0]!.id, apps[13]!.id, apps[26]!.id, apps[39]!.id]);
    const filtered = reads.filter((q) => q.alsoTokens.length > 0);
    expect(new Set(filtered.map((q) => JSON.stringify([q.status, q.token, q.alsoTokens])))).toEqual(new Set([JSON.stringify(['screening', 'ax', ['veiligheidsopleiding']])]));
  });

  it('rarestToken: a probe that ran out with the fewest entries wins; else the one whose last probed entry lies furthest along; a word without entries means no match', () => {
    const full = (token: string, lastKey: string): Probe => ({ token, count: PROBE_SIZE, lastKey });

    expect(rarestToken([full('veiligheidsopleiding', '2027-04-08#'), full('ax', '2027-09-01#')])).toBe('ax');
    expect(rarestToken([full('ax', '2027-09-01#'), { token: 'heftruck', count: 3, lastKey: '2027-05-01#' }])).toBe('heftruck');
    expect(rarestToken([{ token: 'ab', count: 2, lastKey: 'b' }, { token: 'heftruck', count: 5, lastKey: 'c' }])).toBe('ab');
    expect(rarestToken([full('ab', 'x'), full('heftruck', 'x')])).toBe('heftruck'); // a tie keeps the longest
    expect(rarestToken([full('ab', 'x'), { token: 'heftruck', count: 0, lastKey: null }])).toBeNull();
  });

  it('several words: the cursor pages through every dossier that has them all, in order, across statuses', async () => {
    const apps = Array.from({ length: 30 }, (_, i) => dossier({
      status: (['screening', 'forwarded', 'question-open'] as const)[i % 3] as Application['status'],
      title: `${i % 2 === 0 ? 'Heftruck' : 'Lassen'} ${i % 3 === 0 ? 'gevorderden' : 'basis'}`,
      deadlines: { decisionPeriodEnd: addDays('2027-04-01', (i * 7) % 30), forcedForwardDate: '2027-03-18' },
      questions: i % 3 === 2 ? [question(addDays('2027-05-01', i))] : [],
    }));
    const index = await worklistOf(apps);
    const expected = (await listWorklist(index, { limit: 100 })).items.filter((item) => /heftruck basis/i.test(item.title ?? '')).map((item) => item.id);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listWorklist(index, { q: 'basis heftruck', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(expected.length).toBe(10);
    expect(seen).toEqual(expected);
  });

  it('deadlineBefore keeps dossiers whose next deadline is strictly before that day; a status narrows to one partition', async () => {
    const soon = dossier({ status: 'question-open', questions: [question('2027-02-05')] });
    const onTheDay = dossier({ deadlines: { decisionPeriodEnd: '2027-03-01', forcedForwardDate: '2027-02-15' } });
    const later = dossier({});
    const waiting = dossier({ status: 'waiting-for-quality-registration', deadlines: null });
    const index = await worklistOf([soon, onTheDay, later, waiting]);

    const before = await listWorklist(index, { deadlineBefore: '2027-03-01' });
    const beforeLater = await listWorklist(index, { deadlineBefore: '2027-03-02' });
    const screening = await listWorklist(index, { status: 'screening' });

    expect(before.items.map((item) => item.id)).toEqual([soon.id]);
    expect(beforeLater.items.map((item) => item.id)).toEqual([soon.id, onTheDay.id]);
    expect(screening.items.map((item) => item.id)).toEqual([onTheDay.id, later.id]);
  });

  it('q: every word must match, over title, own reference, organisation name, KBO (any spelling) and ODB number (any spelling)', async () => {
    const kbo = '0403170701';
    const first = newApplication(kbo, { status: 'approved', submittedAt: '2027-01-02T09:00:00.000Z', title: 'Heftruck veilig besturen', ownReference: 'HT-7', organisationName: 'Logistiek Vorming', odbNumbers: { training: 'ODB-A000321', modules: [] }, deadlines: null });
    const second = dossier({ title: 'Heftruck voor beginners', ownReference: 'HT-8' });
    const index = await worklistOf([first, second]);

    const ids = async (q: string, status?: Application['status']) => (await listWorklist(index, { q, ...(status ? { status } : {}) })).items.map((item) => item.id);

    expect(await ids('heftruck')).toEqual([second.id]); // approved is not open work
    expect(await ids('heftruck', 'approved')).toEqual([first.id]);
    expect(await ids('HEFTRUCK Veilig', 'approved')).toEqual([first.id]);
    expect(await ids('heftruck veilig')).toEqual([]);
    expect(await ids('ht 8')).toEqual([second.id]);
    expect(await ids('logistiek', 'approved')).toEqual([first.id]);
    expect(await ids('0403.170.701', 'approved')).toEqual([first.id]);
    expect(await ids('odb a000321', 'approved')).toEqual([first.id]);
  });

  it('a crafted cursor, or one of the other sort order, is a 400 problem', async () => {
    const index = await worklistOf([dossier({}), dossier({})]);
    const page = await listWorklist(index, { limit: 1 });

    await expect(listWorklist(index, { cursor: 'eyJmb28iOjF9' })).rejects.toMatchObject({ status: 400 });
    await expect(listWorklist(index, { cursor: page.nextCursor ?? '', sort: 'submitted' })).rejects.toMatchObject({ status: 400 });
  });
});
