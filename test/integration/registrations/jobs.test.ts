import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/storage/keys';
import { brusselsMidnight, oneYearAfter } from '../../../shared/time/calendar';
import type { JobResult } from '../../../functions/jobs/job-event';
import { api, eventually, expectStatus, streamsIdle } from '../../support/stack';
import { approvedApplication, getItem, mailsTo, seedOrganisation, table, useStackEnv } from './support';
import type { Organisation } from '../../../shared/organisations/organisation';
import { contactCheckDue } from '../../../shared/organisations/contact-check';

/*
 * Time travel: each job handler runs in process with `{ job, time }`. The stack is shared by every
 * test file, and a job acts on everything due up to its `now`; so these tests use dates in a past year
 * of their own (no other test has items due then), and they assert on their own items — what a run
 * of ours changed is recognisable by `updatedAt` (= the job's `now`) and `version`.
 */

type Handler = (event: unknown) => Promise<JobResult>;
let stopDates: Handler;
let evaluationRemovals: Handler;
let contactCheck: Handler;
let evaluationOverdue: Handler;
let historyStore: typeof import('../../../functions/backoffice/history-store');
let register: typeof import('../../../functions/registrations/dynamo-register');
let useCases: typeof import('../../../functions/registrations/use-cases');
let wiring: typeof import('../../../functions/registrations/wiring');
const ports = () => wiring.registrationPorts(table());

beforeAll(async () => {
  useStackEnv();
  stopDates = (await import('../../../functions/jobs/stop-dates')).handler;
  evaluationRemovals = (await import('../../../functions/jobs/evaluation-removals')).handler;
  contactCheck = (await import('../../../functions/jobs/contact-check')).handler;
  evaluationOverdue = (await import('../../../functions/jobs/evaluation-overdue')).handler;
  historyStore = await import('../../../functions/backoffice/history-store');
  register = await import('../../../functions/registrations/dynamo-register');
  useCases = await import('../../../functions/registrations/use-cases');
  wiring = await import('../../../functions/registrations/wiring');
});

const minutes = (iso: string, n: number) => new Date(new Date(iso).getTime() + n * 60_000);
const run = (handler: Handler, job: string, time: Date) => handler({ job, time: time.toISOString() });

async function registeredIn(org: Organisation, year: number) {
  const prepared = await register.registerApprovedApplication({
    application: approvedApplication(org), organisation: org, validFrom: `${year}-01-01`, grant: { chequeCategory: 'standard', series: null }, now: new Date(`${year}-01-01T10:00:00Z`),
  });
  await register.commitRegistration(prepared);
  return prepared.numbers.training;
}

describe('stop-dates (R-REG-1)', () => {
  it('R-REG-2: the old registration stays active until the new valid-from; that day stop-dates marks it replaced, once; it stays resolvable', async () => {
    // Prepare
    const year = randomInt(1960, 1980);
    const org = await seedOrganisation();
    const oldNumber = await registeredIn(org, year);
    const replacement = await register.registerApprovedApplication({
      application: approvedApplication(org, { replacesOdbNumber: oldNumber }), organisation: org, validFrom: `${year}-09-01`,
      grant: { chequeCategory: 'standard', series: null }, now: new Date(`${year}-05-01T10:00:00Z`),
    });
    await register.commitRegistration(replacement);
    const newNumber = replacement.numbers.training;
    const validFromMidnight = brusselsMidnight(`${year}-09-01`);

    // Act
    await run(stopDates, 'stop-dates', minutes(validFromMidnight, -1));
    const dayBefore = await getItem(keys.registration(oldNumber));
    const first = await run(stopDates, 'stop-dates', minutes(validFromMidnight, 5));
    const afterFirst = await getItem(keys.registration(oldNumber));
    await run(stopDates, 'stop-dates', minutes(validFromMidnight, 5));
    const afterSecond = await getItem(keys.registration(oldNumber));

    // Assess
    expect(dayBefore).toMatchObject({ status: 'active', replacedBy: newNumber, replacedFrom: `${year}-09-01`, duePk: 'stop-dates', dueAt: validFromMidnight });
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect(afterFirst).toMatchObject({ status: 'replaced', gsi2pk: 'REGSTATUS#replaced', replacedBy: newNumber });
    expect(afterFirst).not.toHaveProperty('duePk');
    expect(afterSecond?.version).toBe(afterFirst?.version);
    const publicOld = await api('GET', `/v1/trainings/${oldNumber}`);
    expectStatus(publicOld, 200);
    expect(publicOld.body).toMatchObject({ status: 'replaced', replacedBy: newNumber, replacedFrom: `${year}-09-01` });
  });

  it('R-REG-1: the job stops a registration from 00:00 Brussels on its stop date, not a minute earlier; a second run does nothing', async () => {
    // Prepare
    const year = randomInt(1980, 2000);
    const org = await seedOrganisation();
    const summer = await registeredIn(org, year);
    const winter = await registeredIn(org, year);
    await useCases.stopOwnRegistration(ports(), org.kbo, summer, { stopDate: `${year}-06-15`, reason: 'Niet meer georganiseerd' }, new Date(`${year}-03-01T10:00:00Z`));
    await useCases.stopOwnRegistration(ports(), org.kbo, winter, { stopDate: `${year}-11-30`, reason: 'Niet meer georganiseerd' }, new Date(`${year}-03-01T10:00:00Z`));
    const summerMidnight = brusselsMidnight(`${year}-06-15`);

    // Act
    const early = minutes(summerMidnight, -1);
    const earlyResult = await run(stopDates, 'stop-dates', early);
    const afterEarly = await getItem(keys.registration(summer));
    const onTime = minutes(summerMidnight, 5);
    const first = await run(stopDates, 'stop-dates', onTime);
    const afterFirst = await getItem(keys.registration(summer));
    const second = await run(stopDates, 'stop-dates', onTime);
    const afterSecond = await getItem(keys.registration(summer));

    // Assess
    expect(summerMidnight).toBe(new Date(`${year}-06-15T00:00:00+02:00`).toISOString());
    expect(earlyResult).toMatchObject({ job: 'stop-dates' });
    expect(afterEarly?.updatedAt).not.toBe(early.toISOString());
    expect(first).toMatchObject({ job: 'stop-dates' });
    expect(first.examined).toBeGreaterThanOrEqual(first.changed);
    expect(afterFirst).toMatchObject({ status: 'stopped', gsi2pk: 'REGSTATUS#stopped', stopReason: 'Niet meer georganiseerd' });
    expect(afterFirst).not.toHaveProperty('duePk');
    expect(afterSecond?.version).toBe(afterFirst?.version);
    expect(second.changed).toBeLessThanOrEqual(first.changed);
    // the winter one is not due yet, and has its own entry (00:00 Brussels = 23:00 UTC the day before)
    expect(await getItem(keys.registration(winter))).toMatchObject({ status: 'active', duePk: 'stop-dates', dueAt: `${year}-11-29T23:00:00.000Z` });
    expect((await api('GET', `/v1/trainings/${summer}`)).status).toBe(410);
  });
});

describe('evaluation-removals (R-BO-5)', () => {
  it('R-BO-5: after a negative evaluation the job removes the registration on 31 December of the next year; a second run does nothing', async () => {
    // Prepare
    const year = randomInt(1980, 2000);
    const org = await seedOrganisation();
    const odb = await registeredIn(org, year);
    await useCases.evaluateRegistration(ports(), odb, 'negative', new Date(`${year}-05-02T10:00:00Z`));
    const removalMidnight = brusselsMidnight(`${year + 1}-12-31`);

    // Act
    const early = minutes(removalMidnight, -1);
    await run(evaluationRemovals, 'evaluation-removals', early);
    const afterEarly = await getItem(keys.registration(odb));
    const onTime = minutes(removalMidnight, 5);
    const first = await run(evaluationRemovals, 'evaluation-removals', onTime);
    const afterFirst = await getItem(keys.registration(odb));
    await run(evaluationRemovals, 'evaluation-removals', onTime);
    const afterSecond = await getItem(keys.registration(odb));

    // Assess
    expect(afterEarly?.updatedAt).not.toBe(early.toISOString());
    expect(first.job).toBe('evaluation-removals');
    expect(afterFirst).toMatchObject({ status: 'removed', gsi2pk: 'REGSTATUS#removed', removalDate: `${year + 1}-12-31` });
    expect(afterFirst).not.toHaveProperty('duePk');
    expect(afterSecond?.version).toBe(afterFirst?.version);
    const mail = await eventually(async () => (await mailsTo(org.generalContact.email)).find((m) => m.subject === `Evaluatie negatief: ${odb}`));
    expect(mail.body.text).toContain(`31 december ${year + 1}`);
    const gone = await api('GET', `/v1/trainings/${odb}`);
    expectStatus(gone, 410);
    expect(gone.body.detail).toContain('verwijderd');
  });

  it('R-BO-5, R-REG-1: an earlier stop date comes first; once stopped, the removal is not scheduled any more', async () => {
    const year = randomInt(1980, 2000);
    const org = await seedOrganisation();
    const odb = await registeredIn(org, year);
    await useCases.evaluateRegistration(ports(), odb, 'negative', new Date(`${year}-05-02T10:00:00Z`));
    await useCases.stopOwnRegistration(ports(), org.kbo, odb, { stopDate: `${year}-09-01`, reason: 'Stop' }, new Date(`${year}-05-03T10:00:00Z`));

    expect(await getItem(keys.registration(odb))).toMatchObject({ duePk: 'stop-dates', dueAt: brusselsMidnight(`${year}-09-01`) });
    await run(stopDates, 'stop-dates', minutes(brusselsMidnight(`${year}-09-01`), 5));

    const stopped = await getItem(keys.registration(odb));
    expect(stopped).toMatchObject({ status: 'stopped', removalDate: `${year + 1}-12-31` });
    expect(stopped).not.toHaveProperty('duePk');
  });
});

describe('evaluation-overdue (R-BO-5)', () => {
  it('R-BO-5: from 00:00 Brussels the day after the evaluation date the general contact is told once, in words, recorded in the dossier history; an evaluated registration is not', async () => {
    // Prepare: years before every other test's registrations, so this job's runs reach only these
    const year = randomInt(1901, 1915);
    const org = await seedOrganisation();
    const overdue = await registeredIn(org, year); // valid from 1 January: evaluation due 1 January next year
    const evaluated = await registeredIn(org, year);
    await useCases.evaluateRegistration(ports(), evaluated, 'positive', new Date(`${year}-12-20T10:00:00Z`));
    const overdueFrom = brusselsMidnight(`${year + 1}-01-02`);
    const stored = await getItem(keys.registration(overdue));

    // Act
    const early = await run(evaluationOverdue, 'evaluation-overdue', minutes(overdueFrom, -1));
    const first = await run(evaluationOverdue, 'evaluation-overdue', minutes(overdueFrom, 1));
    const second = await run(evaluationOverdue, 'evaluation-overdue', minutes(overdueFrom, 60 * 24));

    // Assess
    expect(early).toMatchObject({ job: 'evaluation-overdue' });
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect(second.changed).toBe(0);
    const mail = await eventually(async () => (await mailsTo(org.generalContact.email)).find((m) => m.subject === `Jaarlijkse evaluatie nog niet afgerond: ${overdue}`));
    await streamsIdle();
    const toGeneral = await mailsTo(org.generalContact.email);
    expect(toGeneral.filter((m) => m.subject.startsWith('Jaarlijkse evaluatie nog niet afgerond'))).toHaveLength(1); // not for the evaluated one
    expect((await mailsTo(org.contact.email)).filter((m) => m.subject.startsWith('Jaarlijkse evaluatie'))).toEqual([]); // R-ORG-2: the general contact only
    expect(mail.body.text).toContain(`voorzien op 1 januari ${year + 1}`);
    expect(mail.body.text).not.toMatch(/R-[A-Z]+-\d|\d{4}-\d{2}-\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const history = await historyStore.listHistory(table(), String(stored?.applicationId));
    expect(history).toEqual([expect.objectContaining({ actor: 'system:evaluation-overdue', event: 'evaluation-overdue', at: minutes(overdueFrom, 1).toISOString() })]);
    expect(history[0]?.reason).toContain(`1 januari ${year + 1}`);
    // the reminder is done; the registration itself is untouched (the catalogue reads its attributes)
    expect(await getItem(keys.evaluationReminder(overdue))).toMatchObject({ mailedAt: minutes(overdueFrom, 1).toISOString() });
    expect(await getItem(keys.evaluationReminder(overdue))).not.toHaveProperty('duePk');
    expect(await getItem(keys.registration(overdue))).toEqual(stored);
    expect(await getItem(keys.evaluationReminder(evaluated))).toMatchObject({ duePk: 'evaluation-overdue', evaluationDue: `${year + 2}-01-01` });
  });
});

describe('contact-check (R-REG-4)', () => {
  it('R-REG-4, R-REG-3: a year after the last confirmation the contact is asked to confirm (and to review the offer), once; the next check is a year later', async () => {
    // Prepare
    const year = randomInt(1980, 2000);
    const confirmedAt = `${year}-02-10T09:00:00.000Z`;
    const entry = contactCheckDue({ contactConfirmedAt: confirmedAt });
    const org = await seedOrganisation({ contactConfirmedAt: confirmedAt, extra: { ...entry } });

    // Act
    const early = minutes(entry?.dueAt as string, -1);
    await run(contactCheck, 'contact-check', early);
    const afterEarly = await getItem(keys.organisation(org.kbo));
    const onTime = minutes(entry?.dueAt as string, 6 * 60);
    const first = await run(contactCheck, 'contact-check', onTime);
    await run(contactCheck, 'contact-check', onTime);
    const afterSecond = await getItem(keys.organisation(org.kbo));

    // Assess
    expect(entry?.dueAt).toBe(`${year + 1}-02-10T09:00:00.000Z`);
    expect(afterEarly?.contactCheckRequestedAt).toBeUndefined();
    expect(first.job).toBe('contact-check');
    expect(afterSecond).toMatchObject({ duePk: 'contact-check', contactCheckRequestedAt: onTime.toISOString(), dueAt: oneYearAfter(onTime.toISOString()) });
    const mails = await eventually(async () => { const m = await mailsTo(org.generalContact.email); return m.length > 0 && m; });
    await streamsIdle();
    expect(await mailsTo(org.generalContact.email)).toHaveLength(1);
    expect(await mailsTo(org.contact.email)).toHaveLength(0); // R-ORG-2: the yearly check goes to the general contact
    expect(mails[0]?.subject).toBe('Kloppen uw contactgegevens nog?');
    expect(mails[0]?.body.text).toContain(org.contact.phone);
    expect(mails[0]?.body.text).toContain('Elke bijwerking van het profiel geldt als bevestiging');
    expect(mails[0]?.body.text).toContain('geef dan een stopdatum en een reden op'); // R-REG-3
  });
});
