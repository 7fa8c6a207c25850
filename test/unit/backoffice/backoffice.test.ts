import { describe, expect, it } from 'vitest';
import { backofficeOperations } from '../../../shared/api/backoffice';
import { operations } from '../../../shared/api/contract';
import { routeKey } from '../../../shared/api/operation';
import { decisionDeadlineDue, earlierDue, questionDeadlineEntry, QUESTION_DEADLINES_JOB } from '../../../shared/applications/due';
import { dutchDate } from '../../../shared/time/calendar';
import { decisionRejectedMail } from '../../../functions/mail/templates/decision-rejected';
import { forwardForcedMail } from '../../../functions/mail/templates/forward-forced';
import { questionAskedMail } from '../../../functions/mail/templates/question-asked';
import { schedules } from '../../../infra/schedules';

describe('back-office due entries', () => {
  it('R-BO-1: an open question is due for question-deadlines from 00:00 Brussels on the day after its last day', () => {
    // Prepare + Act
    const winter = questionDeadlineEntry('2026-02-12');
    const summer = questionDeadlineEntry('2026-07-31');

    // Assess
    expect(winter).toEqual({ duePk: QUESTION_DEADLINES_JOB, dueAt: '2026-02-12T23:00:00.000Z' });
    expect(summer).toEqual({ duePk: QUESTION_DEADLINES_JOB, dueAt: '2026-07-31T22:00:00.000Z' });
  });

  it('R-BO-2: the decision-deadlines entry comes from the stored forced-forward date; the earlier of two entries wins', () => {
    // Prepare
    const decision = decisionDeadlineDue({ deadlines: { decisionPeriodEnd: '2026-04-10', forcedForwardDate: '2026-03-27' } });
    const question = questionDeadlineEntry('2026-04-01');

    // Act + Assess
    expect(decision).toEqual({ duePk: 'decision-deadlines', dueAt: '2026-03-26T23:00:00.000Z' });
    expect(earlierDue(question, decision)).toBe(decision);
    expect(earlierDue(questionDeadlineEntry('2026-03-01'), decision)?.duePk).toBe(QUESTION_DEADLINES_JOB);
    expect(earlierDue(null, decision)).toBe(decision);
    expect(decisionDeadlineDue({ deadlines: null })).toBeNull();
  });
});

describe('back-office contract', () => {
  it('every back-office route is in the contract once, served by the backoffice function, with the fixed paths of api.md', () => {
    // Prepare
    const keys = operations.map(routeKey);

    // Act
    const ours = backofficeOperations.map(routeKey);

    // Assess
    expect(ours).toEqual([
      'GET /v1/backoffice/applications',
      'GET /v1/backoffice/applications/{id}',
      'PATCH /v1/backoffice/applications/{id}',
      'POST /v1/backoffice/applications/{id}/questions',
      'POST /v1/backoffice/applications/{id}/forward',
      'POST /v1/backoffice/applications/{id}/decision',
      'PUT /v1/backoffice/organisations/{kbo}/quality-registration',
      'POST /v1/applications/{id}/answers',
      'GET /v1/backoffice/registrations',
      'GET /v1/backoffice/organisations',
    ]);
    for (const key of ours) expect(keys.filter((k) => k === key)).toHaveLength(1);
    expect(new Set(backofficeOperations.map((op) => op.fn))).toEqual(new Set(['backoffice']));
  });

  it('the two deadline jobs are scheduled daily in Europe/Brussels under their fixed names', () => {
    // Act
    const ours = schedules.filter((s) => s.name === 'question-deadlines' || s.name === 'decision-deadlines');

    // Assess
    expect(ours.map((s) => s.entry).sort()).toEqual(['functions/jobs/decision-deadlines.ts', 'functions/jobs/question-deadlines.ts']);
    for (const s of ours) expect(s).toMatchObject({ timezone: 'Europe/Brussels', expression: expect.stringMatching(/^cron\(\d+ 0 \* \* \? \*\)$/) });
  });
});

describe('back-office mails (Dutch)', () => {
  const common = { to: 'info@opleider.test', organisationName: 'Opleider', applicationId: 'abc', title: 'Lassen', ownReference: 'L-1' };

  it('R-BO-1: the question mail carries the question and the last day to answer', () => {
    const mail = questionAskedMail({ ...common, question: 'Wie geeft les?', deadline: '2026-03-05' });
    expect(mail.to).toEqual(['info@opleider.test']);
    expect(mail.subject).toBe('Vraag over uw aanvraag: Lassen');
    expect(mail.text).toContain('Wie geeft les?');
    expect(mail.text).toContain('5 maart 2026');
    expect(mail.html).toContain('Wie geeft les?');
  });

  it('R-BO-2: the forced-forward mail names the VOC, the negative advice and the end of the period', () => {
    const mail = forwardForcedMail({ ...common, decisionPeriodEnd: '2026-04-10' });
    expect(mail.subject).toBe('Aanvraag doorgestuurd met negatief advies: Lassen');
    expect(mail.text).toContain('negatief advies');
    expect(mail.text).toContain('10 april 2026');
  });

  it('R-BO-3: the rejection mail carries the reason, HTML-escaped in the HTML part', () => {
    const mail = decisionRejectedMail({ ...common, reason: 'Niet <arbeidsmarktgericht>.' });
    expect(mail.text).toContain('Niet <arbeidsmarktgericht>.');
    expect(mail.html).toContain('Niet &lt;arbeidsmarktgericht&gt;.');
    expect(dutchDate('2026-12-31')).toBe('31 december 2026');
  });
});
