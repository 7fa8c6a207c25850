import { describe, expect, it } from 'vitest';
import { api, eventually, expectEachStatus, expectStatus, providerToken, streamsIdle } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import {
  applicationBody, createDraft, mailsTo, outboxItem, providerWithOrganisation, recordQualityRegistration, storedApplication,
} from './support';

describe('submit (R-SUB-1)', () => {
  it('R-ORG-3: with a quality registration a complete application goes to screening, with its decision-deadline due entry', async () => {
    // Prepare
    const provider = await providerWithOrganisation(uniqueKbo());
    await recordQualityRegistration(provider.kbo);
    const { id } = await createDraft(provider);

    // Act
    const response = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });

    // Assess
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ status: 'screening', deadlines: { decisionPeriodEnd: expect.any(String), forcedForwardDate: expect.any(String) } });
    const stored = await storedApplication(id);
    expect(stored).toMatchObject({ status: 'screening', gsi2pk: 'APPSTATUS#screening', duePk: 'decision-deadlines', referenceVersion: expect.any(String) });
    expect(String(stored?.dueAt)).toMatch(/^\d{4}-\d{2}-\d{2}T(22|23):00:00\.000Z$/); // start of the Brussels day
  });

  it('R-APP-5: under 32 hours and not a mentor training → inadmissible, reasons stored and mailed', async () => {
    // Prepare
    const provider = await providerWithOrganisation(uniqueKbo());
    const { id } = await createDraft(provider, { title: 'Korte opleiding', contactHours: 12, mentorTraining: false });

    // Act
    const response = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });

    // Assess
    expectStatus(response, 200);
    expect(response.body.status).toBe('inadmissible');
    expect(response.body.problems).toEqual([expect.objectContaining({ code: 'R-APP-5', severity: 'error' })]);
    const stored = await storedApplication(id);
    expect(stored?.duePk).toBeUndefined();
    const mails = await eventually(async () => { const m = await mailsTo(provider.email); return m.length > 0 && m; });
    expect(mails[0]?.subject).toBe('Aanvraag onontvankelijk: Korte opleiding');
    expect(mails[0]?.body.text).toContain('onontvankelijk');
    expect(mails[0]?.body.text).toContain('minder dan 32 contacturen');
    expect(mails[0]?.body.text).not.toMatch(/R-[A-Z]+-\d/); // rule ids are machine codes, never in a mail
  });

  it('R-CMP-3: no competence group → inadmissible', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const { id } = await createDraft(provider, { competences: { basic: [], professionSpecific: [], generalPillars: ['P1', 'P2'] } });
    const response = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });
    expectStatus(response, 200);
    expect(response.body.status).toBe('inadmissible');
    expect(response.body.problems?.map((p: { code: string }) => p.code)).toContain('R-CMP-3');
  });

  it('R-SUB-1: an incomplete application is refused with every problem (rule ids as codes) and stays a draft', async () => {
    // Prepare
    const provider = await providerWithOrganisation(uniqueKbo());
    const { id } = await createDraft(provider, { websiteUrl: null, workplaceHours: 60, decisionBody: { kind: 'PC', committee: '999' } });

    // Act
    const response = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });

    // Assess
    expectStatus(response, 409);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const codes = response.body.errors?.map((e: { code: string }) => e.code).sort();
    expect(codes).toEqual(['R-APP-1', 'R-DEC-1', 'required']);
    expect(response.body.problems).toHaveLength(3);
    expect((await storedApplication(id))?.status).toBe('draft');
    expect(await outboxItem(`application-submitted:${id}`)).toBeUndefined();
  });

  it('R-ORG-2: without an organisation profile submitting is refused', async () => {
    // Prepare: an organisation that never filled in its profile
    const token = await providerToken(uniqueKbo());
    const draft = await api('POST', '/v1/applications', { token, body: applicationBody() });

    // Act
    expectStatus(draft, 201);
    const response = await api('POST', `/v1/applications/${draft.body.id}/submit`, { token });

    // Assess
    expectStatus(response, 409);
    expect(response.body.errors?.map((e: { code: string }) => e.code)).toContain('R-ORG-2');
    expect((await storedApplication(draft.body.id))?.status).toBe('draft');
  });

  it('R-SUB-1: after submitting, PUT and DELETE are refused (409, Dutch) and a second submit sends no second mail', async () => {
    // Prepare
    const provider = await providerWithOrganisation(uniqueKbo());
    const { id, body } = await createDraft(provider);
    const first = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });
    expectStatus(first, 200);
    await eventually(async () => (await mailsTo(provider.email)).length === 1);

    // Act
    const put = await api('PUT', `/v1/applications/${id}`, { token: provider.token, body: { ...body, title: 'Gewijzigd' } });
    const del = await api('DELETE', `/v1/applications/${id}`, { token: provider.token });
    const again = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });
    const parallel = await Promise.all([1, 2, 3].map(() => api('POST', `/v1/applications/${id}/submit`, { token: provider.token })));

    // Assess
    expectStatus(put, 409);
    expect(put.body.detail).toMatch(/al ingediend/);
    expect(put.body.errors).toEqual([expect.objectContaining({ code: 'R-SUB-1' })]);
    expectStatus(del, 409);
    expect(del.body.detail).toMatch(/al ingediend/);
    expectStatus(again, 200);
    expect(again.body.submittedAt).toBe(first.body.submittedAt);
    expectEachStatus(parallel, 200);
    await streamsIdle(); // every outbox row written so far is delivered: a (wrong) second mail would be here
    expect(await mailsTo(provider.email)).toHaveLength(1);
    expect((await storedApplication(id))?.title).toBe(body.title);
  });

  it('R-SUB-1: parallel first submits change the state once and send one mail', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const { id } = await createDraft(provider);
    const responses = await Promise.all(Array.from({ length: 5 }, () => api('POST', `/v1/applications/${id}/submit`, { token: provider.token })));
    expectEachStatus(responses, 200);
    expect(new Set(responses.map((r) => r.body.submittedAt)).size).toBe(1);
    await eventually(async () => (await mailsTo(provider.email)).length === 1);
    await streamsIdle();
    expect(await mailsTo(provider.email)).toHaveLength(1);
    expect((await storedApplication(id))?.version).toBe(2);
  });

  it('R-SUB-1: cancel discards a draft; a cancelled application cannot be submitted or changed', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const { id, body } = await createDraft(provider);
    const cancelled = await api('DELETE', `/v1/applications/${id}`, { token: provider.token });
    expectStatus(cancelled, 200);
    expect(cancelled.body.status).toBe('cancelled');
    const submit = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });
    expectStatus(submit, 409);
    const put = await api('PUT', `/v1/applications/${id}`, { token: provider.token, body });
    expectStatus(put, 409);
    expect(put.body.detail).toMatch(/geannuleerd/);
  });

  it('check reports warnings that do not block (R-APP-8) and what a submit would do', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const { id } = await createDraft(provider, { plannedStart: '2027-09-01', plannedEnd: '2029-12-31' });
    const check = await api('POST', `/v1/applications/${id}/check`, { token: provider.token });
    expectStatus(check, 200);
    expect(check.body).toMatchObject({ complete: true, admissible: true, outcome: 'accepted' });
    expect(check.body.problems?.map((p: { code: string; severity: string }) => `${p.code}:${p.severity}`)).toContain('R-APP-8:warning');
    const submit = await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });
    expectStatus(submit, 200);
    expect(submit.body.status).toBe('waiting-for-quality-registration');
    expect(submit.body.problems?.map((p: { code: string }) => p.code)).toContain('R-APP-8');
  });

  it('own references are unique per provider: a second submitted application with the same reference is refused', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const { id, body } = await createDraft(provider);
    expect((await api('POST', `/v1/applications/${id}/submit`, { token: provider.token })).status).toBe(200);
    const second = await createDraft(provider, { ownReference: body.ownReference });
    const response = await api('POST', `/v1/applications/${second.id}/submit`, { token: provider.token });
    expectStatus(response, 409);
    expect(response.body.errors?.map((e: { code: string }) => e.code)).toEqual(['unique-own-reference']);
  });
});
