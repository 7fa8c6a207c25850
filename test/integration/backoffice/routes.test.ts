import { describe, expect, it } from 'vitest';
import { api, backofficeToken, expectStatus, providerToken } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import { applicationBody, documentConfirmPath, PDF_BYTES, storedApplication, uploadWithSlot } from '../provider/support';
import { backoffice, brusselsToday, forwarded, mailTo, newProvider, recordQuality, registeredProvider, submitted } from './support';

describe('back-office routes: the one state machine over HTTP', () => {
  it('R-ORG-3: an application waiting for the quality registration cannot be forwarded (409 with what is allowed); recording the registration moves it to screening', async () => {
    // Prepare
    const provider = await newProvider();
    const waiting = await submitted(provider);
    const other = await submitted(provider);

    // Act
    const refused = await backoffice('POST', `/v1/backoffice/applications/${waiting}/forward`, { to: 'VOC', advice: null });
    const question = await backoffice('POST', `/v1/backoffice/applications/${waiting}/questions`, { question: 'Welke lesgevers?' });
    const recorded = await recordQuality(provider.kbo, '2025-03-01');
    const again = await recordQuality(provider.kbo, '2025-03-01');
    const read = await backoffice('GET', `/v1/backoffice/applications/${waiting}`);

    // Assess
    expectStatus(refused, 409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 409, allowed: ['quality-registered'], errors: [{ code: 'R-ORG-3' }] });
    expect(refused.body.detail).toContain('kwaliteitsregistratie');
    expectStatus(question, 409);
    expectStatus(recorded, 200);
    expect(recorded.body).toMatchObject({ kbo: provider.kbo, qualityRegistration: { registered: true, since: '2025-03-01' } });
    expect([...recorded.body.applicationsMovedToScreening].sort()).toEqual([waiting, other].sort());
    expectStatus(again, 200);
    expect(again.body.applicationsMovedToScreening).toEqual([]);
    expect(read.body).toMatchObject({ id: waiting, status: 'screening', organisation: { kbo: provider.kbo, qualityRegistration: { registered: true } } });
    expectStatus(read, 200);
    expect(read.body.allowedEvents).toEqual(['ask-question', 'forward']);
    const provided = await api('GET', '/v1/organisation', { token: provider.token });
    expectStatus(provided, 200);
    expect(provided.body.qualityRegistration).toEqual({ registered: true, since: '2025-03-01' });
  });

  it('R-BO-1: a question opens a one-month deadline and mails the contact; no forward while it is open; the provider\'s answer returns it to screening', async () => {
    // Prepare
    const provider = await registeredProvider();
    const id = await submitted(provider, { title: 'Heftruck rijden' });

    // Act
    const asked = await backoffice('POST', `/v1/backoffice/applications/${id}/questions`, { question: 'Hoeveel lesgevers zijn er per groep?' });
    const stored = await storedApplication(id);
    const forwardWhileOpen = await backoffice('POST', `/v1/backoffice/applications/${id}/forward`, { to: 'VOC', advice: null });
    const secondQuestion = await backoffice('POST', `/v1/backoffice/applications/${id}/questions`, { question: 'Nog iets?' });
    const byBackoffice = await api('POST', `/v1/applications/${id}/answers`, { token: await backofficeToken(), body: { answer: 'x' } });
    const byOtherOrg = await api('POST', `/v1/applications/${id}/answers`, { token: await providerToken(uniqueKbo()), body: { answer: 'x' } });
    const empty = await api('POST', `/v1/applications/${id}/answers`, { token: provider.token, body: { answer: '  ' } });
    const answered = await api('POST', `/v1/applications/${id}/answers`, { token: provider.token, body: { answer: 'Twee lesgevers per groep van twaalf.' } });
    const answeredAgain = await api('POST', `/v1/applications/${id}/answers`, { token: provider.token, body: { answer: 'Nog eens.' } });
    const afterAnswer = await storedApplication(id);

    // Assess
    expectStatus(asked, 201);
    const deadline = asked.body.questions[0]!.deadline as string;
    expect(asked.body).toMatchObject({ status: 'question-open', questions: [{ question: 'Hoeveel lesgevers zijn er per groep?', closedBy: null }] });
    expect(deadline > brusselsToday(27)).toBe(true);
    expect(deadline <= brusselsToday(32)).toBe(true);
    expect(stored).toMatchObject({ duePk: 'question-deadlines' });
    const mail = await mailTo(provider.email, 'Vraag over uw aanvraag');
    expect(mail.subject).toBe('Vraag over uw aanvraag: Heftruck rijden');
    expect(mail.body.text).toContain('Hoeveel lesgevers zijn er per groep?');
    expect(mail.body.text).toContain('U kunt antwoorden tot en met');
    expectStatus(forwardWhileOpen, 409);
    expect(forwardWhileOpen.body).toMatchObject({ allowed: ['answer', 'question-deadline-passed', 'decision-deadline-forward'], errors: [{ code: 'R-BO-1' }] });
    expectStatus(secondQuestion, 409);
    expectStatus(byBackoffice, 403);
    expectStatus(byOtherOrg, 404);
    expectStatus(empty, 400);
    expectStatus(answered, 201);
    expect(answered.body).toMatchObject({ id, status: 'screening', questions: [{ answer: 'Twee lesgevers per groep van twaalf.', closedBy: 'answer' }] });
    expectStatus(answeredAgain, 409);
    expect(afterAnswer).toMatchObject({ status: 'screening', duePk: 'decision-deadlines' });
  });

  it('R-BO-1: an answer can bring documents uploaded while the question is open; a document that is not uploaded to this application is refused, nothing written', async () => {
    // Prepare
    const provider = await registeredProvider();
    const id = await submitted(provider);
    await backoffice('POST', `/v1/backoffice/applications/${id}/questions`, { question: 'Stuur het lesrooster mee.' });
    const slot = await api('POST', `/v1/applications/${id}/documents`, { token: provider.token, body: { name: 'lesrooster.pdf', contentType: 'application/pdf', size: PDF_BYTES.length } });
    expectStatus(slot, 201);
    await uploadWithSlot(slot.body, PDF_BYTES);
    const confirmed = await api('POST', documentConfirmPath(slot.body), { token: provider.token });
    const documentId = slot.body.document.id;
    const pending = await api('POST', `/v1/applications/${id}/documents`, { token: provider.token, body: { name: 'later.pdf', contentType: 'application/pdf', size: 10 } });

    expectStatus(pending, 201);

    // Act
    const refused = await api('POST', `/v1/applications/${id}/answers`, {
      token: provider.token, body: { answer: 'Zie bijlage.', documentIds: [documentId, pending.body.document.id, '00000000-0000-4000-8000-000000000000'] },
    });
    const afterRefusal = await storedApplication(id);
    const answered = await api('POST', `/v1/applications/${id}/answers`, { token: provider.token, body: { answer: 'Zie bijlage.', documentIds: [documentId] } });

    // Assess
    expectStatus(slot, 201);
    expectStatus(confirmed, 200);
    expectStatus(refused, 400);
    expect(refused.body.errors?.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([['documentIds.1', 'R-BO-1'], ['documentIds.2', 'R-BO-1']]);
    expect(afterRefusal).toMatchObject({ status: 'question-open' });
    expectStatus(answered, 201);
    expect(answered.body.questions[0]).toMatchObject({ answer: 'Zie bijlage.', closedBy: 'answer', documents: [{ id: documentId, name: 'lesrooster.pdf' }], howToAnswer: null });
  });

  it('R-DEC-2: forward to the VOC or to a joint committee of the reference list, with optional negative advice; an unknown committee is a 400', async () => {
    // Prepare
    const provider = await registeredProvider();
    const toCommittee = await submitted(provider);
    const unknown = await submitted(provider);

    // Act
    const bad = await backoffice('POST', `/v1/backoffice/applications/${unknown}/forward`, { to: '999', advice: null });
    const badBody = await backoffice('POST', `/v1/backoffice/applications/${unknown}/forward`, { to: 'ABC', advice: 'positive' });
    const ok = await backoffice('POST', `/v1/backoffice/applications/${toCommittee}/forward`, { to: '200', advice: 'negative' });
    const twice = await backoffice('POST', `/v1/backoffice/applications/${toCommittee}/forward`, { to: 'VOC', advice: null });
    const queue = await backoffice('GET', `/v1/backoffice/applications?status=forwarded&q=${provider.kbo}`);

    // Assess
    expectStatus(bad, 400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'to', code: 'R-DEC-2' })]);
    expectStatus(badBody, 400);
    expect(badBody.body.errors?.map((e: { path: string }) => e.path).sort()).toEqual(['advice', 'to']);
    expectStatus(ok, 200);
    expect(ok.body).toMatchObject({ status: 'forwarded', forwarding: { to: '200', advice: 'negative', by: 'backoffice' }, due: null });
    expectStatus(twice, 409);
    expect(twice.body.allowed).toEqual(['approve', 'reject']);
    expectStatus(queue, 200);
    expect(queue.body.items).toEqual([expect.objectContaining({ id: toCommittee, orgKbo: provider.kbo, status: 'forwarded', nextDeadline: { kind: 'decision', date: ok.body.deadlines!.decisionPeriodEnd } })]);
  });

  it('R-BO-3: rejection needs a reason and mails it; a decision before forwarding is a 409; the same decision again changes nothing', async () => {
    // Prepare
    const provider = await registeredProvider();
    const screening = await submitted(provider);
    const id = await forwarded(provider);

    // Act
    const tooEarly = await backoffice('POST', `/v1/backoffice/applications/${screening}/decision`, { outcome: 'approved', validFrom: '2027-01-01', chequeCategory: 'standard' });
    const noReason = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'rejected' });
    const noValidFrom = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'approved' });
    const rejected = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'rejected', reason: 'Te weinig arbeidsmarktgericht.' });
    const repeated = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'rejected', reason: 'Te weinig arbeidsmarktgericht.' });
    const flip = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'approved', validFrom: '2027-01-01', chequeCategory: 'standard' });

    // Assess
    expectStatus(tooEarly, 409);
    expect(tooEarly.body.allowed).toEqual(['ask-question', 'forward', 'decision-deadline-forward']);
    expectStatus(noReason, 400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    expectStatus(noValidFrom, 400);
    expectStatus(rejected, 200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: { outcome: 'rejected', reason: 'Te weinig arbeidsmarktgericht.' }, odbNumbers: null });
    expectStatus(repeated, 200);
    expect(repeated.body.version).toBe(rejected.body.version);
    expectStatus(flip, 409);
    expect(flip.body.allowed).toEqual([]);
    const mail = await mailTo(provider.email, 'Aanvraag afgekeurd');
    expect(mail.body.text).toContain('Te weinig arbeidsmarktgericht.');
  });

  it('the full view has short-lived download links for the documents; drafts and unknown ids are 404; providers get 403', async () => {
    // Prepare
    const provider = await registeredProvider();
    const draft = await api('POST', '/v1/applications', { token: provider.token, body: applicationBody() });
    expectStatus(draft, 201);
    const id = draft.body.id as string;
    const slot = await api('POST', `/v1/applications/${id}/documents`, {
      token: provider.token, body: { name: 'programma.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, kind: 'programme' },
    });
    expectStatus(slot, 201);
    await uploadWithSlot(slot.body, PDF_BYTES);
    await api('POST', documentConfirmPath(slot.body), { token: provider.token });
    const draftView = await backoffice('GET', `/v1/backoffice/applications/${id}`);
    await api('POST', `/v1/applications/${id}/submit`, { token: provider.token });

    // Act
    const view = await backoffice('GET', `/v1/backoffice/applications/${id}`);
    expectStatus(view, 200);
    const download = await fetch(view.body.documents[0]!.downloadUrl!);
    const bytes = new Uint8Array(await download.arrayBuffer());
    const asProvider = await api('GET', `/v1/backoffice/applications/${id}`, { token: provider.token });
    const unknown = await backoffice('GET', '/v1/backoffice/applications/00000000-0000-4000-8000-000000000000');
    const badStatus = await backoffice('GET', '/v1/backoffice/applications?status=nonsense');

    // Assess
    expectStatus(draftView, 404);
    expectStatus(view, 200);
    expect(view.body).toMatchObject({ id, orgKbo: provider.kbo, status: 'screening', questions: [], forwarding: null, decision: null });
    expect(view.body.documents[0]).toMatchObject({ name: 'programma.pdf', status: 'uploaded', downloadUrl: expect.stringContaining('X-Amz-Expires=300') });
    expect(download.status).toBe(200);
    expect(Buffer.from(bytes).equals(Buffer.from(PDF_BYTES))).toBe(true);
    expectStatus(asProvider, 403);
    expectStatus(unknown, 404);
    expectStatus(badStatus, 400);
  });
});
