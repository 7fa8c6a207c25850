import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/applications/application';
import { worklistSortKey } from '../../../shared/backoffice/worklist';
import { addDays, addMonths } from '../../../shared/time/calendar';
import type { ApplicationStore } from '../../../functions/applications/store';
import type { PartitionQuery, WorklistIndex } from '../../../functions/backoffice/worklist';
import { freshKbo, newApplication } from '../../unit/provider/contracts/stores';

export interface WorklistUnderTest {
  /** Writes go through the application store port (its adapter keeps the index entries). */
  applications: ApplicationStore;
  index: WorklistIndex;
}

/** A word no other test's data has, so a run against a shared table only meets its own dossiers. */
const uniqueWord = () => `zq${randomInt(1e9, 1e10 - 1).toString(36)}`;

/** A dossier submitted on `submittedOn` (time travel: any year), in screening; its decision period ends 3 months later (R-BO-2). */
function submittedIn(kbo: string, word: string, submittedOn: string, overrides: Partial<Application> = {}): Application {
  const end = addMonths(submittedOn, 3);
  return newApplication(kbo, {
    title: `Veiligheid op de werkvloer ${word}`, status: 'screening', submittedAt: `${submittedOn}T09:00:00.000Z`,
    deadlines: { decisionPeriodEnd: end, forcedForwardDate: addDays(end, -14) }, organisationName: 'Opleidingscentrum Noord', ...overrides,
  });
}

const query = (overrides: Partial<PartitionQuery>): PartitionQuery => ({
  status: 'screening', token: null, alsoTokens: [], sort: 'deadline', after: null, before: null, limit: 50, ...overrides,
});

/**
 * The worklist index's contract (issue 11), against the in-memory fake (unit) AND the DynamoDB Local
 * adapter with the application store's real item mapping (integration).
 */
export function worklistIndexContract(name: string, make: () => WorklistUnderTest) {
  describe(`worklist index contract: ${name}`, () => {
    it('a submitted dossier is found by each of its words (title, own reference, organisation name, KBO), folded; a draft by none', async () => {
      const { applications, index } = make();
      const word = uniqueWord();
      const kbo = freshKbo();
      const app = submittedIn(kbo, word, '1931-02-01', { title: `Éénmalige ${word} opleiding`, ownReference: `REF-${word}`, organisationName: `Vormingscentrum ${word}x` });
      await applications.create(app);
      await applications.create(newApplication(kbo, { title: `Ontwerp ${word}` })); // a draft

      const ids = async (token: string) => (await index.read(query({ token }))).map((entry) => entry.applicationId);

      expect(await ids(word)).toEqual([app.id]);
      expect(await ids('eenmalige')).toContain(app.id);
      expect(await ids(`${word}x`)).toEqual([app.id]);
      expect(await ids(kbo)).toEqual([app.id]);
      expect(await ids(`ref-${word}`)).toEqual([]); // own reference: by its words
      expect((await index.read(query({ token: word, status: 'draft' })))).toEqual([]);
    });

    it('an approved dossier is found by its ODB numbers (training and module)', async () => {
      const { applications, index } = make();
      const word = uniqueWord();
      const training = `ODB-A${randomInt(100000, 999999)}`;
      const module = `ODB-B${randomInt(100000, 999999)}`;
      const app = submittedIn(freshKbo(), word, '1931-03-01', { status: 'approved', odbNumbers: { training, modules: [module] } });
      await applications.create(app);

      const entries = await index.read(query({ status: 'approved', token: training.toLowerCase() }));
      const byModule = await index.read(query({ status: 'approved', token: module.toLowerCase() }));
      const loaded = await index.applications([app.id]);

      expect(entries.map((e) => e.applicationId)).toEqual([app.id]);
      expect(byModule.map((e) => e.applicationId)).toEqual([app.id]);
      expect(loaded.map((a) => a.id)).toEqual([app.id]);
    });

    it('deadline order: nearest first, exclusive bounds after (the cursor) and before (deadlineBefore); submitted order: oldest first', async () => {
      const { applications, index } = make();
      const word = uniqueWord();
      const kbo = freshKbo();
      const late = submittedIn(kbo, word, '1932-02-20'); // decision period ends 1932-05-20
      const early = submittedIn(kbo, word, '1932-03-05', { deadlines: { decisionPeriodEnd: '1932-04-01', forcedForwardDate: '1932-03-18' } });
      const middle = submittedIn(kbo, word, '1932-02-01', { deadlines: { decisionPeriodEnd: '1932-05-01', forcedForwardDate: '1932-04-17' } });
      const none = submittedIn(kbo, word, '1932-01-01', { deadlines: null });
      for (const app of [late, early, middle, none]) await applications.create(app);

      const byDeadline = await index.read(query({ token: word }));
      const bySubmission = await index.read(query({ token: word, sort: 'submitted' }));
      const afterEarly = await index.read(query({ token: word, after: worklistSortKey(early, 'deadline') }));
      const beforeMay = await index.read(query({ token: word, before: '1932-05-01#' }));
      const between = await index.read(query({ token: word, after: worklistSortKey(early, 'deadline'), before: '1932-05-02#' }));
      const firstTwo = await index.read(query({ token: word, limit: 2 }));

      expect(byDeadline.map((e) => e.applicationId)).toEqual([early.id, middle.id, late.id, none.id]);
      expect(bySubmission.map((e) => e.applicationId)).toEqual([none.id, middle.id, late.id, early.id]);
      expect(byDeadline.map((e) => e.sortKey)).toEqual([early, middle, late, none].map((a) => worklistSortKey(a, 'deadline')));
      expect(afterEarly.map((e) => e.applicationId)).toEqual([middle.id, late.id, none.id]);
      expect(beforeMay.map((e) => e.applicationId)).toEqual([early.id]);
      expect(between.map((e) => e.applicationId)).toEqual([middle.id]);
      expect(firstTwo.map((e) => e.applicationId)).toEqual([early.id, middle.id]);
    });

    it('further words filter within the first word\'s partition', async () => {
      const { applications, index } = make();
      const word = uniqueWord();
      const kbo = freshKbo();
      const both = submittedIn(kbo, word, '1933-01-10', { title: `Heftruck ${word} veilig` });
      const one = submittedIn(kbo, word, '1933-01-11', { title: `Heftruck ${word}` });
      await applications.create(both);
      await applications.create(one);

      const found = await index.read(query({ token: word, alsoTokens: ['veilig'] }));

      expect(found.map((e) => e.applicationId)).toEqual([both.id]);
    });

    it('further words: matches beyond long runs of the first word alone, and of the other word alone, are all found, in order, within the bounds', async () => {
      const { applications, index } = make();
      const lead = uniqueWord();
      const other = uniqueWord();
      const kbo = freshKbo();
      // by submission: 20 with the lead word only, a match, 6 with the other word only, 15 with the lead only, a match, 3 with the other only
      const titles = [...Array(20).fill(lead), `${lead} ${other}`, ...Array(6).fill(other), ...Array(15).fill(lead), `${lead} ${other}`, ...Array(3).fill(other)] as string[];
      const apps = titles.map((title, i) => submittedIn(kbo, title, addDays('1935-01-01', i)));
      for (const app of apps) await applications.create(app);
      const [first, second] = [apps[20]!, apps[42]!];

      const both = await index.read(query({ token: lead, alsoTokens: [other], sort: 'submitted' }));
      const one = await index.read(query({ token: lead, alsoTokens: [other], sort: 'submitted', limit: 1 }));
      const afterFirst = await index.read(query({ token: lead, alsoTokens: [other], sort: 'submitted', after: worklistSortKey(first, 'submitted') }));
      const byOther = await index.read(query({ token: other, alsoTokens: [lead], sort: 'submitted' }));
      const bounded = await index.read(query({ token: lead, alsoTokens: [other], before: worklistSortKey(second, 'deadline') }));

      expect(both.map((e) => e.applicationId)).toEqual([first.id, second.id]);
      expect(one.map((e) => e.applicationId)).toEqual([first.id]);
      expect(afterFirst.map((e) => e.applicationId)).toEqual([second.id]);
      expect(byOther.map((e) => e.applicationId)).toEqual([first.id, second.id]);
      expect(bounded.map((e) => e.applicationId)).toEqual([first.id]);
    });

    it('a status change moves the dossier to its new partition; an amended title is found by its new words only', async () => {
      const { applications, index } = make();
      const word = uniqueWord();
      const newWord = uniqueWord();
      const stored = await applications.create(submittedIn(freshKbo(), word, '1934-01-10'));

      const asked = await applications.transition({
        application: stored, event: 'ask-question', actor: 'backoffice', now: new Date('1934-02-01T10:00:00Z'),
        changes: { questions: [{ question: 'Welke lesgevers?', askedAt: '1934-02-01T10:00:00.000Z', deadline: '1934-03-01', answer: null, answeredAt: null, closedBy: null }] },
      });
      const inScreening = await index.read(query({ token: word }));
      const inQuestion = await index.read(query({ token: word, status: 'question-open' }));
      await applications.put({ ...asked, title: `Heftruck ${newWord}` }, asked.version, { previous: asked });
      const oldWord = await index.read(query({ token: word, status: 'question-open' }));
      const renamed = await index.read(query({ token: newWord, status: 'question-open' }));

      expect(inScreening).toEqual([]);
      expect(inQuestion.map((e) => e.applicationId)).toEqual([stored.id]);
      expect(inQuestion[0]?.sortKey.startsWith('1934-03-01#')).toBe(true); // R-BO-1: the answer deadline is nearer than R-BO-2's
      expect(oldWord).toEqual([]);
      expect(renamed.map((e) => e.applicationId)).toEqual([stored.id]);
    });

    it('a status partition without a token lists the dossiers themselves', async () => {
      const { applications, index } = make();
      const year = randomInt(1800, 1899);
      const app = submittedIn(freshKbo(), uniqueWord(), `${year}-06-01`, { status: 'forwarded' });
      await applications.create(app);

      const entries = await index.read(query({ status: 'forwarded', sort: 'submitted', after: `${year}-`, before: `${year}-12-31~` }));

      expect(entries.map((e) => e.applicationId)).toEqual([app.id]);
      expect(entries[0]?.application).toMatchObject({ id: app.id, title: app.title, status: 'forwarded' });
    });
  });
}
