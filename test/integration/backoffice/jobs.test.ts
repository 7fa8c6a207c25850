import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/applications/application';
import type { Organisation } from '../../../shared/organisations/organisation';
import type { JobResult } from '../../../functions/jobs/job-event';
import { decisionDeadlineEntry } from '../../../shared/applications/due';
import { brusselsMidnight } from '../../../shared/time/calendar';
import { approvedApplication, getItem, mailsTo, seedOrganisation, table, useStackEnv } from '../registrations/support';
import { eventually, stack } from '../../support/stack';

/*
 * Time travel on the shared stack: the job handlers run in process with `{ job, time }`. A job acts
 * on everything due up to its `now`, so each test seeds its applications in a past year of its own
 * (nothing else is due then for these jobs) and asserts on its own items; a second run must leave
 * them exactly as they were (same version).
 */

type Handler = (event: unknown) => Promise<JobResult>;
let questionDeadlines: Handler;
let decisionDeadlines: Handler;
let repository: typeof import('../../../functions/applications/dynamo-store');
let questions: typeof import('../../../functions/backoffice/questions');
let quality: typeof import('../../../functions/backoffice/quality-registration');
let wiring: typeof import('../../../functions/backoffice/wiring');
let jobs: typeof import('../../../functions/backoffice/jobs');

beforeAll(async () => {
  useStackEnv();
  questionDeadlines = (await import('../../../functions/jobs/question-deadlines')).handler;
  decisionDeadlines = (await import('../../../functions/jobs/decision-deadlines')).handler;
  repository = await import('../../../functions/applications/dynamo-store');
  questions = await import('../../../functions/backoffice/questions');
  quality = await import('../../../functions/backoffice/quality-registration');
  wiring = await import('../../../functions/backoffice/wiring');
  jobs = await import('../../../functions/backoffice/jobs');
});

const config = () => wiring.backofficePorts({ table: table(), bucket: stack().env.DOCUMENTS_BUCKET as string });
const BO = 'bo-jobs-test';
const at = (iso: string, minutes = 0) => new Date(new Date(iso).getTime() + minutes * 60_000);
const run = (handler: Handler, job: string, time: Date) => handler({ job, time: time.toISOString() });
const app = async (id: string) => getItem({ pk: `APP#${id}`, sk: 'APP' });

/** A submitted application as the provider's submit stores it (status, deadlines, decision-deadlines due entry). */
async function seedSubmitted(org: Organisation, submittedAt: string, status: Application['status'] = 'screening'): Promise<string> {
  // R-ORG-3: an application waiting for the quality registration has no decision clock yet
  const { deadlines, due } = status === 'waiting-for-quality-registration' ? { deadlines: null, due: null } : decisionDeadlineEntry(submittedAt);
  const application = approvedApplication(org, { status, submittedAt, createdAt: submittedAt, updatedAt: submittedAt, forwarding: null, deadlines });
  const created = await repository.createApplication(table(), application);
  await repository.putApplication(table(), application, created.version, { due });
  return application.id;
}

describe('question-deadlines (R-BO-1)', () => {
  it('R-BO-1: an unanswered question moves the application back to screening after its last day, "assessed on the information available"; an answered one is left alone; a second run does nothing', async () => {
    // Prepare
    const year = randomInt(2001, 2006);
    const org = await seedOrganisation();
    const unanswered = await seedSubmitted(org, `${year}-01-10T09:00:00.000Z`);
    const answered = await seedSubmitted(org, `${year}-01-10T09:00:00.000Z`);
    const askedAt = new Date(`${year}-01-12T10:00:00.000Z`);
    const asked = await questions.askQuestion(config(), unanswered, { question: 'Wie geeft les?' }, askedAt, BO);
    await questions.askQuestion(config(), answered, { question: 'Wie geeft les?' }, askedAt, BO);
    await questions.answerQuestion(config(), org.kbo, answered, { answer: 'Twee lesgevers.', documentIds: [] }, new Date(`${year}-01-20T10:00:00.000Z`), 'provider-sub');
    const passedAt = brusselsMidnight(`${year}-02-13`);

    // Act
    const early = await run(questionDeadlines, 'question-deadlines', at(passedAt, -1));
    const afterEarly = await app(unanswered);
    const first = await run(questionDeadlines, 'question-deadlines', at(passedAt, 5));
    const afterFirst = await app(unanswered);
    const second = await run(questionDeadlines, 'question-deadlines', at(passedAt, 5));
    const afterSecond = await app(unanswered);

    // Assess
    expect(asked.questions[0]?.deadline).toBe(`${year}-02-12`);
    expect(asked.due).toEqual({ job: 'question-deadlines', at: passedAt });
    expect(early).toMatchObject({ job: 'question-deadlines' });
    expect(afterEarly).toMatchObject({ status: 'question-open', duePk: 'question-deadlines' });
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect(first.examined).toBeGreaterThanOrEqual(first.changed);
    expect(afterFirst).toMatchObject({
      status: 'screening',
      questions: [{ closedBy: 'deadline', answer: null, note: jobs.ASSESSED_ON_AVAILABLE_INFORMATION }],
      duePk: 'decision-deadlines',
      dueAt: brusselsMidnight(`${year}-03-27`),
      updatedAt: at(passedAt, 5).toISOString(),
    });
    expect(jobs.ASSESSED_ON_AVAILABLE_INFORMATION).toContain('beschikbare informatie');
    expect(second.changed).toBe(0);
    expect(afterSecond?.version).toBe(afterFirst?.version);
    expect(await app(answered)).toMatchObject({ status: 'screening', questions: [{ closedBy: 'answer', answer: 'Twee lesgevers.' }] });
    // R-BO-1: the contact is told, once, that the file is assessed as it stands
    const told = await eventually(async () => {
      const found = (await mailsTo(org.contact.email)).filter((mail) => mail.subject.startsWith('Antwoordtermijn verstreken'));
      return found.length > 0 && found;
    });
    expect(told).toHaveLength(1);
    expect(told[0]?.body.text).toContain(`12 februari ${year}`);
    expect(told[0]?.body.text).toContain('zoals ze is');
  });
});

describe('decision-deadlines (R-BO-2)', () => {
  it('R-BO-2: near the end of the 3-month period, screening and question-open applications go to the VOC — a negative advice and its mail only when a question is unanswered; waiting ones (R-ORG-3) are not on the clock; a second run does nothing', async () => {
    // Prepare
    const year = randomInt(2006, 2011);
    const org = await seedOrganisation();
    const unregistered = await seedOrganisation({ extra: { qualityRegistration: { registered: false, since: null } } });
    const submittedAt = `${year}-01-10T09:00:00.000Z`;
    const screening = await seedSubmitted(org, submittedAt);
    const questioned = await seedSubmitted(org, submittedAt);
    const waiting = await seedSubmitted(unregistered, submittedAt, 'waiting-for-quality-registration');
    const asked = await questions.askQuestion(config(), questioned, { question: 'Welk lokaal?' }, new Date(`${year}-03-01T10:00:00.000Z`), BO);
    const forcedAt = brusselsMidnight(`${year}-03-27`);

    // Act
    await run(decisionDeadlines, 'decision-deadlines', at(forcedAt, -1));
    const afterEarly = await app(screening);
    const first = await run(decisionDeadlines, 'decision-deadlines', at(forcedAt, 10));
    const afterFirst = await Promise.all([screening, questioned, waiting].map(app));
    const second = await run(decisionDeadlines, 'decision-deadlines', at(forcedAt, 10));
    const afterSecond = await Promise.all([screening, questioned, waiting].map(app));

    // Assess
    expect(asked.due).toEqual({ job: 'decision-deadlines', at: forcedAt }); // earlier than the question's deadline
    expect(afterEarly).toMatchObject({ status: 'screening', duePk: 'decision-deadlines' });
    expect(first).toMatchObject({ job: 'decision-deadlines', details: { marginDays: 14 } });
    expect(first.changed).toBeGreaterThanOrEqual(2);
    const forwarding = { to: 'VOC', by: 'system', at: at(forcedAt, 10).toISOString() };
    // only waited on the back office: no advice, no "onvoldoende informatie" mail
    expect(afterFirst[0]).toMatchObject({ status: 'forwarded', forwarding: { ...forwarding, advice: null } });
    expect(afterFirst[0]).not.toHaveProperty('duePk');
    // the question is unanswered: negative advice for lack of information
    expect(afterFirst[1]).toMatchObject({ status: 'forwarded', forwarding: { ...forwarding, advice: 'negative' } });
    expect(afterFirst[2]).toMatchObject({ status: 'waiting-for-quality-registration', deadlines: null, forwarding: null });
    expect(afterFirst[2]).not.toHaveProperty('duePk');
    expect(second.changed).toBe(0);
    expect(afterSecond.map((item) => item?.version)).toEqual(afterFirst.map((item) => item?.version));
    const mails = await eventually(async () => {
      const found = (await mailsTo(org.contact.email)).filter((mail) => mail.subject.startsWith('Aanvraag doorgestuurd met negatief advies'));
      return found.length >= 1 && found;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await mailsTo(org.contact.email)).filter((mail) => mail.subject.startsWith('Aanvraag doorgestuurd'))).toHaveLength(1);
    expect(mails[0]?.body.text).toContain('Vlaamse opleidingscommissie (VOC)');
    expect(mails[0]?.body.text).toContain(`10 april ${year}`);
    expect(await mailsTo(unregistered.contact.email)).toEqual([]);
  });

  it('R-BO-2: the margin is configurable: with 30 days the forced forward comes 16 days earlier than with the default 14', async () => {
    // Prepare
    const year = randomInt(2011, 2016);
    const org = await seedOrganisation();
    const id = await seedSubmitted(org, `${year}-01-10T09:00:00.000Z`);
    const now = at(brusselsMidnight(`${year}-03-12`), 10); // period ends 10 April: 29 days left

    // Act
    await jobs.runDecisionDeadlines(table(), now, 14);
    const withDefault = await app(id);
    await jobs.runDecisionDeadlines(table(), now, 30);
    const withThirty = await app(id);

    // Assess
    expect(withDefault).toMatchObject({ status: 'screening' });
    expect(withThirty).toMatchObject({ status: 'forwarded', forwarding: { to: 'VOC', advice: null, by: 'system' } });
  });

  it('R-ORG-3: a quality registration that arrives late starts the 3-month period then; the application is screened, not forced on', async () => {
    // Prepare: submitted in January without quality registration; recorded on 20 March
    const year = randomInt(2016, 2021);
    const org = await seedOrganisation({ extra: { qualityRegistration: { registered: false, since: null } } });
    const id = await seedSubmitted(org, `${year}-01-10T09:00:00.000Z`, 'waiting-for-quality-registration');
    const recordedAt = new Date(`${year}-03-20T10:00:00.000Z`);

    // Act
    const recorded = await quality.recordQualityRegistration(config(), org.kbo, { registered: true, since: `${year}-03-20` }, recordedAt, BO);
    await run(decisionDeadlines, 'decision-deadlines', at(brusselsMidnight(`${year}-03-27`), 10));
    const atOldDate = await app(id);
    await run(decisionDeadlines, 'decision-deadlines', at(brusselsMidnight(`${year}-06-06`), 10));
    const atNewDate = await app(id);

    // Assess
    expect(recorded.applicationsMovedToScreening).toEqual([id]);
    expect(atOldDate).toMatchObject({
      status: 'screening', deadlines: { decisionPeriodEnd: `${year}-06-20`, forcedForwardDate: `${year}-06-06` },
      duePk: 'decision-deadlines', dueAt: brusselsMidnight(`${year}-06-06`),
    });
    expect(atNewDate).toMatchObject({ status: 'forwarded', forwarding: { advice: null, by: 'system' } });
  });
});
