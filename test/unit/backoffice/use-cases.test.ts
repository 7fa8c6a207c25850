import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/applications/application';
import { DECISION_DEADLINES_JOB, QUESTION_DEADLINES_JOB } from '../../../shared/applications/due';
import { amendApplication } from '../../../functions/backoffice/amend';
import { decideApplication } from '../../../functions/backoffice/decision';
import { forwardApplication } from '../../../functions/backoffice/forward';
import { ASSESSED_ON_AVAILABLE_INFORMATION, forceForwardAtDecisionDeadline, moveOnUnansweredQuestion } from '../../../functions/backoffice/jobs';
import { recordQualityRegistration } from '../../../functions/backoffice/quality-registration';
import { answerQuestion, askQuestion } from '../../../functions/backoffice/questions';
import { readForBackoffice } from '../../../functions/backoffice/worklist';
import { OrganisationVersionConflict, type StoredOrganisation } from '../../../functions/organisations/store';
import { freshKbo, newApplication } from '../provider/contracts/stores';
import { memoryBackofficePorts } from './fakes/memory-backoffice';

/*
 * The back office's use cases on in-memory ports (issue 15): no stack, every port a fake. The HTTP
 * journeys stay in test/integration/backoffice.
 */

const BO = 'backoffice-sub-1';
const NOW = new Date('2027-01-04T10:00:00.000Z');

function organisation(kbo: string, registered = true): StoredOrganisation {
  const contact = { name: 'An Peeters', email: `contact-${kbo}@opleider.test`, phone: '+32 2 553 00 00' };
  return {
    kbo, name: 'Opleidingscentrum Noord', contact, generalContact: contact, chequesContact: null, kind: 'general', lms: null,
    qualityRegistration: registered ? { registered: true, since: '2024-01-01' } : { registered: false, since: null },
    lmsDocument: { status: 'missing', fileName: null, uploadedAt: null }, contactConfirmedAt: null, updatedAt: '2026-01-01T00:00:00.000Z', version: 1,
  };
}

async function setUp(overrides: Partial<Application> = {}, registered = true) {
  const memory = memoryBackofficePorts();
  const kbo = freshKbo();
  const org = organisation(kbo, registered);
  memory.organisations.organisations.set(kbo, org);
  const app = newApplication(kbo, {
    status: 'screening', submittedAt: '2027-01-02T09:00:00.000Z', plannedStart: '2027-09-01', plannedEnd: '2028-06-30',
    deadlines: { decisionPeriodEnd: '2027-04-02', forcedForwardDate: '2027-03-19' }, ...overrides,
  });
  await memory.store.create(app);
  return { ...memory, kbo, org, id: app.id };
}

describe('back-office use cases on in-memory ports', () => {
  it('R-BO-1, R-BO-6: a question opens a one-month deadline, is due at the earlier deadline, mails the contact once, and is in the history with its actor', async () => {
    const { ports, store, id, org } = await setUp();

    const asked = await askQuestion(ports, id, { question: 'Welke lesgevers?' }, NOW, BO);

    expect(asked).toMatchObject({ status: 'question-open', questions: [{ question: 'Welke lesgevers?', deadline: '2027-02-04', closedBy: null }] });
    expect(await store.get(id)).toMatchObject({ duePk: QUESTION_DEADLINES_JOB });
    expect([...store.outbox.values()].map((mail) => mail.to)).toEqual([[org.contact.email]]);
    expect(asked.history).toEqual([{ at: NOW.toISOString(), actor: BO, event: 'ask-question', reason: 'Welke lesgevers?' }]);
  });

  it('R-BO-1: the answer is only the own organisation\'s, with uploaded documents of the application only (every bad one listed); it returns the dossier to screening', async () => {
    const { ports, store, id, kbo } = await setUp({
      documents: [{ id: 'doc-1', name: 'rooster.pdf', contentType: 'application/pdf', size: 10, kind: 'other', status: 'uploaded', createdAt: '2027-01-02T09:00:00.000Z', uploadedAt: '2027-01-02T09:00:00.000Z' }],
    });
    await askQuestion(ports, id, { question: 'Welk rooster?' }, NOW, BO);

    await expect(answerQuestion(ports, freshKbo(), id, { answer: 'x', documentIds: [] }, NOW, 'p')).rejects.toMatchObject({ status: 404 });
    await expect(answerQuestion(ports, kbo, id, { answer: 'x', documentIds: ['nope', 'doc-1', 'other'] }, NOW, 'p')).rejects.toMatchObject({
      status: 400, errors: [{ path: 'documentIds.0', code: 'R-BO-1' }, { path: 'documentIds.2', code: 'R-BO-1' }],
    });
    const answered = await answerQuestion(ports, kbo, id, { answer: 'Zie bijlage.', documentIds: ['doc-1'] }, NOW, 'p');

    expect(answered.status).toBe('screening');
    expect(await store.get(id)).toMatchObject({ duePk: DECISION_DEADLINES_JOB, questions: [{ closedBy: 'answer', answerDocumentIds: ['doc-1'] }] });
  });

  it('R-DEC-2: an unknown committee is a 400 and nothing is written; while a question is open forwarding is a 409; a forward clears the due entry', async () => {
    const { ports, store, id } = await setUp();
    const before = await store.get(id);

    await expect(forwardApplication(ports, id, { to: '999', advice: null }, NOW, BO)).rejects.toMatchObject({ status: 400, errors: [{ code: 'R-DEC-2' }] });
    expect(await store.get(id)).toEqual(before);
    await askQuestion(ports, id, { question: 'Nog iets?' }, NOW, BO);
    await expect(forwardApplication(ports, id, { to: 'VOC', advice: null }, NOW, BO)).rejects.toMatchObject({ status: 409 });
  });

  it('R-BO-3, R-BO-4, R-CHQ-4: an approval registers once with the GRANTED category and series; the same decision again allocates nothing', async () => {
    const { ports, approved, id } = await setUp({ status: 'forwarded', chequeCategory: 'standard' });

    const first = await decideApplication(ports, id, { outcome: 'approved', validFrom: '2027-02-01', reason: null, chequeCategory: 'shortageOccupation', series: 'Y' }, NOW, BO);
    const again = await decideApplication(ports, id, { outcome: 'approved', validFrom: '2027-02-01', reason: null, chequeCategory: 'shortageOccupation', series: 'Y' }, NOW, BO);

    expect(first).toMatchObject({ status: 'approved', odbNumbers: { training: 'ODB-A000001' }, grant: { proposed: { chequeCategory: 'standard' }, granted: { chequeCategory: 'shortageOccupation', series: 'Y' } } });
    expect(again.odbNumbers).toEqual(first.odbNumbers);
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ validFrom: '2027-02-01', grant: { chequeCategory: 'shortageOccupation', series: 'Y' } });
  });

  it('R-BO-3: a rejection mails the motivation and records it in the history', async () => {
    const { ports, store, id, org } = await setUp({ status: 'forwarded' });

    const rejected = await decideApplication(ports, id, { outcome: 'rejected', validFrom: null, reason: 'Geen opleiding in de zin van de regeling.' }, NOW, BO);

    expect(rejected).toMatchObject({ status: 'rejected', decision: { outcome: 'rejected', reason: 'Geen opleiding in de zin van de regeling.' } });
    const mail = [...store.outbox.values()][0];
    expect(mail?.to).toEqual([org.contact.email]);
    expect(mail?.text).toContain('Geen opleiding in de zin van de regeling.');
    expect(rejected.history.map((entry) => entry.event)).toEqual(['reject']);
  });

  it('R-BO-7: an amendment that breaks a rule is refused with every problem and writes nothing; a valid one is one change with its reason and a mail; after the decision it is a 409', async () => {
    const { ports, store, id } = await setUp();
    const before = await store.get(id);

    await expect(amendApplication(ports, id, { changes: { title: '', contactHours: 0 }, reason: 'Op vraag van de aanbieder' }, NOW, BO)).rejects.toMatchObject({ status: 400 });
    expect(await store.get(id)).toEqual(before);
    const amended = await amendApplication(ports, id, { changes: { contactHours: 48 }, reason: 'Op vraag van de aanbieder' }, NOW, BO);

    expect(amended).toMatchObject({ contactHours: 48, status: 'screening', version: (before?.version ?? 0) + 1 });
    expect(amended.history).toEqual([expect.objectContaining({ event: 'amend', actor: BO, reason: expect.stringContaining('Op vraag van de aanbieder') })]);
    expect(store.outbox.size).toBe(1);
    await store.put({ ...(await store.get(id) as Application), status: 'approved' }, amended.version);
    await expect(amendApplication(ports, id, { changes: { contactHours: 50 }, reason: 'x' }, NOW, BO)).rejects.toMatchObject({ status: 409 });
  });

  it('R-ORG-3: recording the quality registration moves every waiting application to screening with its decision period from now, once; a concurrent change of the organisation is retried', async () => {
    const { ports, store, organisations, id, kbo } = await setUp({ status: 'waiting-for-quality-registration', deadlines: null }, false);
    const other = newApplication(kbo, { status: 'waiting-for-quality-registration', submittedAt: '2027-01-03T09:00:00.000Z' });
    await store.create(other);
    let conflicts = 1;
    const save = organisations.save.bind(organisations);
    ports.organisations = { get: organisations.get.bind(organisations), save: async (org, version) => {
      if (conflicts-- > 0) throw new OrganisationVersionConflict(org.kbo);
      return save(org, version);
    } };

    const recorded = await recordQualityRegistration(ports, kbo, { registered: true, since: '2027-01-01' }, NOW, BO);
    const again = await recordQualityRegistration(ports, kbo, { registered: true, since: '2027-01-01' }, NOW, BO);

    expect(recorded.applicationsMovedToScreening.sort()).toEqual([id, other.id].sort());
    expect(again.applicationsMovedToScreening).toEqual([]);
    expect(await store.get(id)).toMatchObject({ status: 'screening', deadlines: { decisionPeriodEnd: '2027-04-04' }, duePk: DECISION_DEADLINES_JOB });
  });

  it('R-BO-1 job step: an unanswered question moves on only after its last day, assessed on the information available', async () => {
    const { ports, store, id } = await setUp();
    await askQuestion(ports, id, { question: 'Welke lesgevers?' }, NOW, BO);

    const onTheLastDay = await moveOnUnansweredQuestion(ports, id, new Date('2027-02-04T20:00:00.000Z'));
    const dayAfter = await moveOnUnansweredQuestion(ports, id, new Date('2027-02-05T08:00:00.000Z'));
    const again = await moveOnUnansweredQuestion(ports, id, new Date('2027-02-05T08:00:00.000Z'));

    expect([onTheLastDay, dayAfter, again]).toEqual([false, true, false]);
    expect(await store.get(id)).toMatchObject({ status: 'screening', questions: [{ closedBy: 'deadline', note: ASSESSED_ON_AVAILABLE_INFORMATION }] });
  });

  it('R-BO-2 job step: at the forced-forward date a dossier with an unanswered question goes to the VOC with negative advice; one waiting for its quality registration stays (R-ORG-3)', async () => {
    const { ports, store, id } = await setUp({ questions: [{ question: 'Q', askedAt: '2027-01-05T10:00:00.000Z', deadline: '2027-02-05', answer: null, answeredAt: null, closedBy: 'deadline' }] });
    const waiting = await setUp({ status: 'waiting-for-quality-registration' });
    const due = { duePk: DECISION_DEADLINES_JOB, dueAt: '2027-03-18T23:00:00.000Z' };
    for (const [s, appId] of [[store, id], [waiting.store, waiting.id]] as const) await s.put(await s.get(appId) as Application, 1, { due });

    const early = await forceForwardAtDecisionDeadline(ports, id, new Date('2027-03-17T10:00:00.000Z'), 14);
    const onTheDate = await forceForwardAtDecisionDeadline(ports, id, new Date('2027-03-19T10:00:00.000Z'), 14);
    const kept = await forceForwardAtDecisionDeadline(waiting.ports, waiting.id, new Date('2027-03-19T10:00:00.000Z'), 14);

    expect([early, onTheDate, kept]).toEqual([false, true, false]);
    expect(await store.get(id)).toMatchObject({ status: 'forwarded', forwarding: { to: 'VOC', advice: 'negative', by: 'system' } });
    expect(await readForBackoffice(ports, id, NOW)).toMatchObject({ history: [{ actor: 'system:decision-deadlines', event: 'decision-deadline-forward' }] });
    expect(await waiting.store.get(waiting.id)).toMatchObject({ status: 'waiting-for-quality-registration' });
  });
});
