import { describe, expect, it } from 'vitest';
import { brusselsMidnight } from '../../../shared/time/calendar';
import type { JobResult } from '../../../functions/jobs/job-event';
import { api, expectStatus, stack } from '../../support/stack';
import { backoffice, brusselsToday, mailTo, newProvider, recordQuality, submitted } from '../../integration/backoffice/support';

describe('end to end over HTTP: from submit to the public catalogue and out again', () => {
  it('R-ORG-3, R-BO-1, R-DEC-2, R-BO-3, R-REG-1: submit → quality registration → question → answer → forward → approve → registered and public → stop date → stop-dates job → gone', async () => {
    // Prepare: a provider without quality registration submits
    const provider = await newProvider();
    const id = await submitted(provider, { title: 'Veilig werken op hoogte' });
    const ownView = await api('GET', `/v1/applications/${id}`, { token: provider.token });
    expectStatus(ownView, 200);
    expect(ownView.body.status).toBe('waiting-for-quality-registration');

    // Act + Assess: the back office records the quality registration (R-ORG-3)
    const quality = await recordQuality(provider.kbo, '2025-06-01');
    expectStatus(quality, 200);
    expect(quality.body.applicationsMovedToScreening).toEqual([id]);
    const queue = await backoffice('GET', `/v1/backoffice/applications?status=screening&q=${provider.kbo}`);
    expectStatus(queue, 200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

    // a question (R-BO-1), mailed to the contact, answered by the provider
    const question = await backoffice('POST', `/v1/backoffice/applications/${id}/questions`, { question: 'Welke valbeveiliging gebruikt u?' }, { 'idempotency-key': `q-${id}` });
    expectStatus(question, 201);
    expect(question.body.status).toBe('question-open');
    const questionMail = await mailTo(provider.email, 'Vraag over uw aanvraag');
    expect(questionMail.body.text).toContain('Welke valbeveiliging gebruikt u?');
    const answer = await api('POST', `/v1/applications/${id}/answers`, { token: provider.token, body: { answer: 'Harnassen volgens EN 361.' } });
    expectStatus(answer, 201);
    expect(answer.body.status).toBe('screening');

    // forward (R-DEC-2) and approve (R-BO-3)
    const forward = await backoffice('POST', `/v1/backoffice/applications/${id}/forward`, { to: 'VOC', advice: null });
    expectStatus(forward, 200);
    const validFrom = brusselsToday();
    const approval = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'approved', validFrom, chequeCategory: 'standard' }, { 'idempotency-key': `d-${id}` });
    expectStatus(approval, 200);
    expect(approval.body).toMatchObject({ status: 'approved', decision: { outcome: 'approved', validFrom } });
    const odbNumber = approval.body.odbNumbers!.training as string;
    const approvalMail = await mailTo(provider.email, odbNumber);
    expect(approvalMail.body.text).toContain(odbNumber);
    const read = await backoffice('GET', `/v1/backoffice/applications/${id}`);
    expectStatus(read, 200);
    expect(read.body.questions).toEqual([expect.objectContaining({ answer: 'Harnassen volgens EN 361.', closedBy: 'answer' })]);
    expect(read.body.allowedEvents).toEqual([]);

    // the provider's registered list and the public view show it
    const registered = await api('GET', '/v1/registrations', { token: provider.token });
    expectStatus(registered, 200);
    expect(registered.body.items).toEqual([expect.objectContaining({ odbNumber, title: 'Veilig werken op hoogte', validFrom, status: 'active' })]);
    const publicView = await api('GET', `/v1/trainings/${odbNumber}`);
    expectStatus(publicView, 200);
    expect(publicView.body).toMatchObject({ odbNumber, provider: { kbo: provider.kbo }, status: 'active' });

    // a stop date tomorrow (R-REG-1); then the stop-dates job at 00:05 Brussels that day
    const stopDate = brusselsToday(1);
    const stop = await api('POST', `/v1/registrations/${odbNumber}/stop`, { token: provider.token, body: { stopDate, reason: 'Niet meer georganiseerd' } });
    expectStatus(stop, 200);
    expect((await api('GET', `/v1/trainings/${odbNumber}`)).status).toBe(200);
    Object.assign(process.env, stack().env);
    const { handler } = await import('../../../functions/jobs/stop-dates') as { handler: (event: unknown) => Promise<JobResult> };
    const time = new Date(new Date(brusselsMidnight(stopDate)).getTime() + 5 * 60_000).toISOString();
    const result = await handler({ job: 'stop-dates', time });
    expect(result.changed).toBeGreaterThanOrEqual(1);

    // gone from the public view, stopped in the provider's list
    const gone = await api('GET', `/v1/trainings/${odbNumber}`);
    expectStatus(gone, 410);
    const after = await api('GET', '/v1/registrations', { token: provider.token });
    expectStatus(after, 200);
    expect(after.body.items).toEqual([expect.objectContaining({ odbNumber, status: 'stopped', stopDate })]);
  });
});
