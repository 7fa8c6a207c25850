import { beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate, brusselsMidnight, addDays, addMonths } from '../../../shared/time/calendar';
import { keys } from '../../../functions/storage/keys';
import { api, backofficeToken, eventually, expectStatus, providerToken, workerToken } from '../../support/stack';
import { uniqueRrn } from '../../support/ids';
import { approvedApplication, getItem, mailsTo, modularOverrides, seedOrganisation, table as stackTable, useStackEnv } from './support';
import type { Organisation } from '../../../shared/organisations/organisation';

type RegisterModule = typeof import('../../../functions/registrations/dynamo-register');
let register: RegisterModule;

beforeAll(async () => {
  useStackEnv();
  register = await import('../../../functions/registrations/dynamo-register');
});

const today = () => brusselsDate(new Date().toISOString());

async function registered(org: Organisation, overrides: Parameters<typeof approvedApplication>[1] = {}) {
  const prepared = await register.registerApprovedApplication({ application: approvedApplication(org, overrides), organisation: org, validFrom: '2026-01-01', grant: { chequeCategory: overrides.chequeCategory ?? 'standard', series: null }, now: new Date() });
  await register.commitRegistration(prepared);
  return prepared.numbers.training;
}

describe('GET /v1/registrations (R-SUB-2)', () => {
  it('R-SUB-2: a provider lists its own registrations with ODB numbers and dates, and never another organisation\'s', async () => {
    // Prepare
    const orgA = await seedOrganisation();
    const orgB = await seedOrganisation();
    const a1 = await registered(orgA, modularOverrides(2));
    const a2 = await registered(orgA);
    const b1 = await registered(orgB);

    // Act
    const listA = await api('GET', '/v1/registrations', { token: await providerToken(orgA.kbo) });

    // Assess
    expectStatus(listA, 200);
    const numbers = listA.body.items.map((r: { odbNumber: string }) => r.odbNumber);
    expect(numbers.sort()).toEqual([a1, a2].sort());
    expect(numbers).not.toContain(b1);
    expect(listA.body.items[0]).toMatchObject({ validFrom: '2026-01-01', stopDate: null, status: 'active', provider: { kbo: orgA.kbo } });
    expect(listA.body.nextCursor).toBeNull();
  });

  it('R-SUB-2: pages with limit and nextCursor; a forged cursor is a 400', async () => {
    const org = await seedOrganisation();
    const numbers = [await registered(org), await registered(org), await registered(org)];
    const token = await providerToken(org.kbo);

    const first = await api('GET', '/v1/registrations?limit=2', { token });
    expectStatus(first, 200);
    const second = await api('GET', `/v1/registrations?limit=2&cursor=${first.body.nextCursor}`, { token });
    const forged = Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', gsi1pk: 'ORG#0000000097#REGS', gsi1sk: 'z' })).toString('base64url');
    const bad = await api('GET', `/v1/registrations?cursor=${forged}`, { token });

    expect(first.body.items).toHaveLength(2);
    expectStatus(second, 200);
    expect([...first.body.items, ...second.body.items].map((r: { odbNumber: string }) => r.odbNumber).sort()).toEqual(numbers.sort());
    expectStatus(bad, 400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('authorization: anonymous 401, worker and back office 403 on the provider routes', async () => {
    expect((await api('GET', '/v1/registrations')).status).toBe(401);
    expect((await api('GET', '/v1/registrations', { token: await workerToken(uniqueRrn()) })).status).toBe(403);
    expect((await api('GET', '/v1/registrations', { token: await backofficeToken() })).status).toBe(403);
    expect((await api('POST', '/v1/registrations/ODB-A000001/stop', { token: await backofficeToken(), body: { stopDate: today(), reason: 'x' } })).status).toBe(403);
  });
});

describe('POST /v1/registrations/{odbNumber}/stop (R-REG-1)', () => {
  it('R-REG-1: a stop date in the past, or no reason, is refused with every problem at once', async () => {
    const org = await seedOrganisation();
    const odb = await registered(org);

    const response = await api('POST', `/v1/registrations/${odb}/stop`, { token: await providerToken(org.kbo), body: { stopDate: addDays(today(), -1), reason: '  ' } });

    expectStatus(response, 400);
    expect(response.body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'stopDate', code: 'R-REG-1' }),
      expect.objectContaining({ path: 'reason', code: 'R-REG-1' }),
    ]));
    expect(await getItem(keys.registration(odb))).toMatchObject({ status: 'active', stopDate: null, version: 1 });
  });

  it("R-REG-1: another organisation's number is a 404, not a 403", async () => {
    const orgA = await seedOrganisation();
    const orgB = await seedOrganisation();
    const odb = await registered(orgA);

    const response = await api('POST', `/v1/registrations/${odb}/stop`, { token: await providerToken(orgB.kbo), body: { stopDate: today(), reason: 'Niet meer georganiseerd' } });

    expectStatus(response, 404);
    expect(await getItem(keys.registration(odb))).toMatchObject({ status: 'active', stopDate: null });
  });

  it('R-REG-1: a later stop date is recorded and put in the due index for the stop-dates job (00:00 Brussels)', async () => {
    const org = await seedOrganisation();
    const odb = await registered(org);
    const stopDate = addMonths(today(), 2);

    const response = await api('POST', `/v1/registrations/${odb}/stop`, { token: await providerToken(org.kbo), body: { stopDate, reason: 'Wordt niet meer georganiseerd' } });

    expectStatus(response, 200);
    expect(response.body).toMatchObject({ odbNumber: odb, status: 'active', stopDate, stopReason: 'Wordt niet meer georganiseerd' });
    expect(await getItem(keys.registration(odb))).toMatchObject({ duePk: 'stop-dates', dueAt: brusselsMidnight(stopDate) });
    expect((await api('GET', `/v1/trainings/${odb}`)).status).toBe(200);
  });

  it('R-REG-1: stopping from today takes it out of the public view at once (410), and a second stop is a 409', async () => {
    const org = await seedOrganisation();
    const odb = await registered(org);
    const token = await providerToken(org.kbo);

    const response = await api('POST', `/v1/registrations/${odb}/stop`, { token, body: { stopDate: today(), reason: 'Stopgezet' } });
    const publicView = await api('GET', `/v1/trainings/${odb}`);
    const again = await api('POST', `/v1/registrations/${odb}/stop`, { token, body: { stopDate: today(), reason: 'Nog eens' } });

    expectStatus(response, 200);
    expect(response.body.status).toBe('stopped');
    expectStatus(publicView, 410);
    expect(publicView.headers.get('content-type')).toContain('application/problem+json');
    expect(publicView.body.detail).toContain(odb);
    expectStatus(again, 409);
    const item = await getItem(keys.registration(odb));
    expect(item).toMatchObject({ status: 'stopped', gsi2pk: 'REGSTATUS#stopped' });
    expect(item).not.toHaveProperty('duePk');
  });
});

describe('GET /v1/trainings/{odbNumber} (public)', () => {
  it('shows an active registration without what only the provider sees; unknown is 404, malformed is 400', async () => {
    const org = await seedOrganisation();
    const odb = await registered(org);

    const found = await api('GET', `/v1/trainings/${odb}`);
    const unknown = await api('GET', '/v1/trainings/ODB-A999999');
    const malformed = await api('GET', '/v1/trainings/not-a-number');

    expectStatus(found, 200);
    expect(found.body).toMatchObject({ odbNumber: odb, status: 'active', replacedBy: null, provider: { kbo: org.kbo, name: org.name }, chequeCategory: 'standard' });
    for (const hidden of ['applicationId', 'stopReason', 'evaluations', 'pk', 'version', 'duePk']) expect(found.body).not.toHaveProperty(hidden);
    expectStatus(unknown, 404);
    expectStatus(malformed, 400);
  });
});

describe('POST /v1/backoffice/registrations/{odbNumber}/evaluation (R-BO-5)', () => {
  it('R-BO-5: a positive evaluation extends the registration by a year and mails the general contact', async () => {
    const org = await seedOrganisation();
    const odb = await registered(org);
    const before = await getItem(keys.registration(odb));

    const response = await api('POST', `/v1/backoffice/registrations/${odb}/evaluation`, { token: await backofficeToken(), body: { outcome: 'positive' } });

    expectStatus(response, 200);
    expect(response.body.evaluationDue).toBe(addMonths(before?.evaluationDue as string, 12));
    expect(response.body.removalDate).toBeNull();
    expect(response.body.evaluations).toEqual([{ outcome: 'positive', evaluatedOn: today() }]);
    const [mail] = await eventually(async () => { const m = await mailsTo(org.generalContact.email); return m.some((x) => x.subject.startsWith('Evaluatie')) && m.filter((x) => x.subject.startsWith('Evaluatie')); });
    expect(mail?.subject).toBe(`Evaluatie positief: ${odb}`);
    expect((await mailsTo(org.contact.email)).filter((x) => x.subject.startsWith('Evaluatie'))).toEqual([]); // R-ORG-2: not the dossier contact
    // R-BO-6: the evaluation is in the dossier's history, with the officer's sub
    const { listHistory } = await import('../../../functions/backoffice/history-store');
    expect(await listHistory(stackTable(), before?.applicationId as string)).toEqual([
      expect.objectContaining({ event: 'evaluation', actor: 'backoffice-1', reason: 'Jaarlijkse evaluatie positief' }),
    ]);
  });

  it('R-BO-5: a negative evaluation sets removal on 31 December of next year, due for evaluation-removals; replay with the same Idempotency-Key changes nothing', async () => {
    const org = await seedOrganisation();
    const odb = await registered(org);
    const token = await backofficeToken();
    const headers = { 'idempotency-key': `eval-${odb}` };

    const response = await api('POST', `/v1/backoffice/registrations/${odb}/evaluation`, { token, headers, body: { outcome: 'negative' } });
    const replay = await api('POST', `/v1/backoffice/registrations/${odb}/evaluation`, { token, headers, body: { outcome: 'negative' } });

    const removalDate = `${Number(today().slice(0, 4)) + 1}-12-31`;
    expectStatus(response, 200);
    expect(response.body.removalDate).toBe(removalDate);
    expectStatus(replay, 200);
    expect(replay.text).toBe(response.text);
    expect(await getItem(keys.registration(odb))).toMatchObject({ version: 2, duePk: 'evaluation-removals', dueAt: brusselsMidnight(removalDate), status: 'active' });
    const mail = await eventually(async () => (await mailsTo(org.generalContact.email)).find((m) => m.subject === `Evaluatie negatief: ${odb}`));
    expect(mail.body.text).toContain(`31 december ${removalDate.slice(0, 4)}`);
    expect(mail.body.html).toContain('<p>');
  });

  it('R-BO-5: only the back office evaluates (provider 403); an unknown number is a 404; a stopped registration is a 409', async () => {
    const org = await seedOrganisation();
    const odb = await registered(org);
    await api('POST', `/v1/registrations/${odb}/stop`, { token: await providerToken(org.kbo), body: { stopDate: today(), reason: 'Stop' } });

    expect((await api('POST', `/v1/backoffice/registrations/${odb}/evaluation`, { token: await providerToken(org.kbo), body: { outcome: 'positive' } })).status).toBe(403);
    expect((await api('POST', '/v1/backoffice/registrations/ODB-A999998/evaluation', { token: await backofficeToken(), body: { outcome: 'positive' } })).status).toBe(404);
    expect((await api('POST', `/v1/backoffice/registrations/${odb}/evaluation`, { token: await backofficeToken(), body: { outcome: 'positive' } })).status).toBe(409);
    expect((await api('POST', `/v1/backoffice/registrations/${odb}/evaluation`, { token: await backofficeToken(), body: { outcome: 'maybe' } })).status).toBe(400);
  });
});
