import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, backofficeToken, bodyAt, eventually, expectStatus } from '../../support/stack';
import { PDF_BYTES, uploadWithSlot } from '../../integration/provider/support';
import { mailsTo, recordQuality, newProvider, submitted, type Provider } from '../../integration/backoffice/support';

/*
 * Issue 11 end to end, over HTTP: submit → question → answer with a document → amendment by the back
 * office → forward → approve. At each step: what the provider sees (GET /v1/applications/{id}), the
 * full history with actors (R-BO-6) and the mails.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('the dossier (issue 11)', () => {
  it('R-SUB-2, R-BO-1, R-BO-6, R-BO-7, R-BO-3: the provider follows every step; the back office sees who did what', async () => {
    // Prepare
    const provider: Provider = await newProvider();
    await recordQuality(provider.kbo);
    const officer = `officer-${randomUUID()}`;
    const bo = async <const M extends string, const P extends string>(method: M, path: P, body?: unknown) => api(method, path, { token: await backofficeToken(officer), ...(body === undefined ? {} : { body }) });
    const id = await submitted(provider, { title: 'Heftruckchauffeur', contactHours: 40 });
    const seen = async () => bodyAt(await api('GET', `/v1/applications/${id}`, { token: provider.token }), 200);

    // Act + Assess: submitted
    const afterSubmit = await seen();
    expect(afterSubmit).toMatchObject({ status: 'screening', questions: [], forwarding: null, decision: null, steps: { submittedAt: expect.any(String), forwardedAt: null, decidedAt: null } });
    expect(afterSubmit.history).toEqual([expect.objectContaining({ event: 'submit', by: 'provider' })]);

    // question
    const asked = await bo('POST', `/v1/backoffice/applications/${id}/questions`, { question: 'Wie zijn de lesgevers?' });
    expectStatus(asked, 201);
    const afterQuestion = await seen();
    const deadline = afterQuestion.questions[0]!.answerDueOn as string;
    expect(afterQuestion).toMatchObject({
      status: 'question-open',
      questions: [{ question: 'Wie zijn de lesgevers?', answer: null, documents: [], howToAnswer: { method: 'POST', path: `/v1/applications/${id}/answers`, until: deadline } }],
    });

    // answer with a document
    const slot = await api('POST', `/v1/applications/${id}/documents`, { token: provider.token, body: { name: 'lesgevers.pdf', contentType: 'application/pdf', size: PDF_BYTES.length } });
    expectStatus(slot, 201);
    await uploadWithSlot(slot.body, PDF_BYTES);
    expect((await api('POST', slot.body.confirmUrl, { token: provider.token })).status).toBe(200);
    const answered = await api('POST', `/v1/applications/${id}/answers`, { token: provider.token, body: { answer: 'Twee ervaren lesgevers, zie cv.', documentIds: [slot.body.document.id] } });
    expectStatus(answered, 201);
    const afterAnswer = await seen();
    expect(afterAnswer.questions[0]).toMatchObject({ answer: 'Twee ervaren lesgevers, zie cv.', documents: [{ id: slot.body.document.id, name: 'lesgevers.pdf' }], howToAnswer: null });

    // amendment by the back office: a refused one writes nothing, a valid one is recorded and mailed
    const refused = await bo('PATCH', `/v1/backoffice/applications/${id}`, { changes: { contactHours: 10, mentorTraining: null }, reason: 'Test' });
    expectStatus(refused, 400);
    expect(refused.body.errors?.length).toBeGreaterThanOrEqual(1);
    expect((await seen()).version).toBe(afterAnswer.version);
    const amended = await bo('PATCH', `/v1/backoffice/applications/${id}`, { changes: { contactHours: 48 }, reason: 'Op vraag van de aanbieder per mail' });
    expectStatus(amended, 200);
    const afterAmend = await seen();
    expect(afterAmend).toMatchObject({ contactHours: 48, status: 'screening' });

    // forward with an internal advice: the provider sees where, never the advice
    const forwarded = await bo('POST', `/v1/backoffice/applications/${id}/forward`, { to: 'VOC', advice: 'negative' });
    expectStatus(forwarded, 200);
    const afterForward = await api('GET', `/v1/applications/${id}`, { token: provider.token });
    expectStatus(afterForward, 200);
    expect(afterForward.body.forwarding).toEqual({ to: 'VOC', body: 'VOC', at: expect.any(String) });
    expect(afterForward.text).not.toContain('advice');
    expect(afterForward.text).not.toContain('negatief advies');
    expect(afterForward.text).not.toContain(officer);

    // approve
    const approved = await bo('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'approved', validFrom: '2027-09-01', chequeCategory: 'standard', series: null });
    expectStatus(approved, 200);
    const afterApproval = await seen();
    expect(afterApproval).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', validFrom: '2027-09-01', odbNumbers: { training: approved.body.odbNumbers!.training, modules: [] } },
      steps: { decidedAt: expect.any(String), forwardedAt: expect.any(String) },
    });
    expect(afterApproval.history.map((h: { event: string; by: string }) => [h.event, h.by])).toEqual([
      ['submit', 'provider'], ['ask-question', 'backoffice'], ['answer', 'provider'], ['amend', 'backoffice'], ['forward', 'backoffice'], ['approve', 'backoffice'],
    ]);
    expect(afterApproval.history.find((h: { event: string }) => h.event === 'forward')?.reason).toBeNull();

    // the back office: the full history with actors
    const full = await bo('GET', `/v1/backoffice/applications/${id}`);
    expectStatus(full, 200);
    expect(full.body.history.map((h: { event: string; actor: string }) => [h.event, h.actor])).toEqual([
      ['submit', `provider-${provider.kbo}`], ['ask-question', officer], ['answer', `provider-${provider.kbo}`],
      ['amend', officer], ['forward', officer], ['approve', officer],
    ]);
    expect(full.body.history.find((h: { event: string }) => h.event === 'amend')?.reason).toContain('Op vraag van de aanbieder per mail');

    // the mails: question (how and until when to answer), amendment (what changed), approval; no UUIDs
    const mails = await eventually(async () => {
      const all = await mailsTo(provider.email);
      return all.some((m) => m.subject.startsWith('Opleiding geregistreerd')) && all.some((m) => m.subject.startsWith('Aanvraag aangepast')) && all;
    });
    const question = mails.find((m) => m.subject.startsWith('Vraag over uw aanvraag'));
    expect(question?.body.text).toContain(`/v1/applications/${id}/answers`);
    const amendment = mails.find((m) => m.subject.startsWith('Aanvraag aangepast'));
    expect(amendment?.body.text).toContain('Contacturen: 40 → 48');
    expect(amendment?.body.text).toContain('Op vraag van de aanbieder per mail');
    for (const mail of mails.filter((m) => m !== question)) expect(mail.body.text ?? '').not.toMatch(UUID);
  });
});
