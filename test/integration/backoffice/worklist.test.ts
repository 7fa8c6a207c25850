import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application, Question } from '../../../shared/applications/application';
import { formatKbo } from '../../../shared/organisations/kbo';
import { addDays, addMonths } from '../../../shared/time/calendar';
import { api, expectStatus } from '../../support/stack';
import type { ResponseAt } from '../../support/api-types';
import { freshKbo, newApplication } from '../../unit/provider/contracts/stores';
import { table, useStackEnv } from '../registrations/support';
import { backoffice, registeredProvider, submitted } from './support';

type Repository = typeof import('../../../functions/applications/dynamo-store');
let repository: Repository;
beforeAll(async () => {
  useStackEnv();
  repository = await import('../../../functions/applications/dynamo-store');
});

/** A word only this test's dossiers have (the stack's table is shared by every test). */
const uniqueWord = () => `wl${randomInt(1e9, 1e10 - 1).toString(36)}`;

const question = (deadline: string): Question => ({ question: 'Welke lesgevers?', askedAt: `${addMonths(deadline, -1)}T10:00:00.000Z`, deadline, answer: null, answeredAt: null, closedBy: null });

/** Time travel: a dossier submitted on `on` in a year of this test's own, written through the real adapter. */
async function seeded(word: string, on: string, overrides: Partial<Application> = {}): Promise<string> {
  const end = addMonths(on, 3);
  const app = newApplication(freshKbo(), {
    title: `Werken op hoogte ${word}`, status: 'screening', submittedAt: `${on}T09:00:00.000Z`, organisationName: 'Opleidingscentrum Zuid',
    deadlines: { decisionPeriodEnd: end, forcedForwardDate: addDays(end, -14) }, ...overrides,
  });
  await repository.dynamoApplicationStore(table()).create(app);
  return app.id;
}

/** The ids of a work-list page (a 200, else the test fails). */
const ids = (response: ResponseAt<'GET', '/v1/backoffice/applications'>) => {
  expectStatus(response, 200);
  return response.body.items.map((item) => item.id);
};

describe('GET /v1/backoffice/applications: the worklist (issue 11)', () => {
  it('finds a dossier by title, own reference, organisation name, KBO in any spelling and ODB number in any spelling', async () => {
    // Prepare
    const orgWord = uniqueWord();
    const titleWord = uniqueWord();
    const refWord = uniqueWord();
    const provider = await registeredProvider({ name: `Vormingshuis ${orgWord}` });
    const id = await submitted(provider, { title: `Heftruck ${titleWord} besturen`, ownReference: `HT-${refWord}` });
    const approvedId = await submitted(provider, { title: `Reachtruck ${titleWord}` });
    await backoffice('POST', `/v1/backoffice/applications/${approvedId}/forward`, { to: 'VOC', advice: null });
    const approval = await backoffice('POST', `/v1/backoffice/applications/${approvedId}/decision`, { outcome: 'approved', validFrom: '2027-01-01', chequeCategory: 'standard' });
    expectStatus(approval, 200);
    const odb = approval.body.odbNumbers!.training as string;

    // Act
    const byTitle = await backoffice('GET', `/v1/backoffice/applications?q=${titleWord.toUpperCase()}`);
    const byTitleAll = await backoffice('GET', `/v1/backoffice/applications?q=${titleWord}&status=approved`);
    const byReference = await backoffice('GET', `/v1/backoffice/applications?q=${encodeURIComponent(`ht-${refWord}`)}`);
    const byOrganisation = await backoffice('GET', `/v1/backoffice/applications?q=${encodeURIComponent(`vormingshuis ${orgWord}`)}`);
    const byKbo = await backoffice('GET', `/v1/backoffice/applications?q=${encodeURIComponent(formatKbo(provider.kbo))}`);
    const byOdb = await backoffice('GET', `/v1/backoffice/applications?status=approved&q=${encodeURIComponent(odb.toLowerCase().replace('-', ' '))}`);
    const byProvider = await api('GET', `/v1/backoffice/applications?q=${titleWord}`, { token: provider.token });

    // Assess
    expectStatus(byTitle, 200);
    expect(ids(byTitle)).toEqual([id]); // the approved one is no open work
    expect(byTitle.body.items[0]).toMatchObject({ id, orgKbo: provider.kbo, organisationName: `Vormingshuis ${orgWord}`, status: 'screening', nextDeadline: { kind: 'decision' } });
    expect(ids(byTitleAll)).toEqual([approvedId]);
    expect(ids(byReference)).toEqual([id]);
    expect(ids(byOrganisation)).toEqual([id]);
    expect(ids(byKbo)).toEqual([id]);
    expect(ids(byOdb)).toEqual([approvedId]);
    expectStatus(byOdb, 200);
    expect(byOdb.body.items[0]).toMatchObject({ odbNumbers: { training: odb }, nextDeadline: null });
    expectStatus(byProvider, 403);
  });

  it('time travel: nearest deadline first across statuses with which deadline it is, deadlineBefore, sort by submission, a status, and a cursor that pages without gaps', async () => {
    // Prepare: dossiers of a year long past
    const word = uniqueWord();
    const year = randomInt(1900, 1929);
    const screening = await seeded(word, `${year}-01-01`); // decision period ends ${year}-04-01
    const questioned = await seeded(word, `${year}-02-01`, { status: 'question-open', questions: [question(`${year}-02-15`)] });
    const forwarded = await seeded(word, `${year}-01-15`, { status: 'forwarded' }); // ends ${year}-04-15
    const waiting = await seeded(word, `${year}-01-20`, { status: 'waiting-for-quality-registration', deadlines: null });
    const approved = await seeded(word, `${year}-01-05`, { status: 'approved', odbNumbers: { training: `ODB-A${randomInt(100000, 999999)}`, modules: [] } });

    // Act
    const byDeadline = await backoffice('GET', `/v1/backoffice/applications?q=${word}`);
    const bySubmission = await backoffice('GET', `/v1/backoffice/applications?q=${word}&sort=submitted`);
    const dueBefore = await backoffice('GET', `/v1/backoffice/applications?q=${word}&deadlineBefore=${year}-04-15`);
    const onlyApproved = await backoffice('GET', `/v1/backoffice/applications?q=${word}&status=approved`);
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: ResponseAt<'GET', '/v1/backoffice/applications'> = await backoffice('GET', `/v1/backoffice/applications?q=${word}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(ids(page));
      expectStatus(page, 200);
      cursor = page.body.nextCursor;
    } while (cursor);
    const first = await backoffice('GET', `/v1/backoffice/applications?q=${word}&limit=1`);
    expectStatus(first, 200);
    const wrongSort = await backoffice('GET', `/v1/backoffice/applications?q=${word}&sort=submitted&cursor=${first.body.nextCursor}`);

    // Assess
    expectStatus(byDeadline, 200);
    expect(ids(byDeadline)).toEqual([questioned, screening, forwarded, waiting]);
    expect(byDeadline.body.items.map((item: { nextDeadline: unknown }) => item.nextDeadline)).toEqual([
      { kind: 'question-answer', date: `${year}-02-15` }, { kind: 'decision', date: `${year}-04-01` }, { kind: 'decision', date: `${year}-04-15` }, null,
    ]);
    expect(ids(bySubmission)).toEqual([screening, forwarded, waiting, questioned]);
    expect(ids(dueBefore)).toEqual([questioned, screening]);
    expect(ids(onlyApproved)).toEqual([approved]);
    expect(pages).toEqual([[questioned, screening, forwarded], [waiting]]);
    expectStatus(wrongSort, 400);
  });

  it('R-BO-1: a question asked over HTTP makes its answer deadline the next one; the answer makes it the decision deadline again', async () => {
    // Prepare
    const word = uniqueWord();
    const provider = await registeredProvider();
    const id = await submitted(provider, { title: `Lassen ${word}` });

    // Act
    const asked = await backoffice('POST', `/v1/backoffice/applications/${id}/questions`, { question: 'Welke lasmethoden?' });
    const whileOpen = await backoffice('GET', `/v1/backoffice/applications?q=${word}`);
    await api('POST', `/v1/applications/${id}/answers`, { token: provider.token, body: { answer: 'MIG en TIG.' } });
    const answered = await backoffice('GET', `/v1/backoffice/applications?q=${word}`);

    // Assess
    expectStatus(whileOpen, 200);
    expectStatus(asked, 201);
    expect(whileOpen.body.items).toEqual([expect.objectContaining({ id, status: 'question-open', nextDeadline: { kind: 'question-answer', date: asked.body.questions[0]!.deadline } })]);
    expectStatus(answered, 200);
    expect(answered.body.items).toEqual([expect.objectContaining({ id, status: 'screening', nextDeadline: { kind: 'decision', date: asked.body.deadlines!.decisionPeriodEnd } })]);
  });

  it('bad filters: every problem at once, in Dutch, as problem+json', async () => {
    const response = await backoffice('GET', '/v1/backoffice/applications?q=%20-%20&deadlineBefore=morgen&status=nonsense&sort=random&cursor=bm9wZQ');

    expectStatus(response, 400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors?.map((e: { path: string }) => e.path).sort()).toEqual(expect.arrayContaining(['query.deadlineBefore', 'query.sort', 'query.status']));
  });
});
