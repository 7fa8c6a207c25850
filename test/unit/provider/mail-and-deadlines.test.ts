import { describe, expect, it } from 'vitest';
import { decisionDeadlineEntry } from '../../../shared/applications/due';
import { brusselsMidnight } from '../../../shared/time/calendar';
import { applicationInadmissibleMail } from '../../../functions/mail/templates/application-inadmissible';
import { applicationSubmittedMail } from '../../../functions/mail/templates/application-submitted';

const common = {
  to: 'info@opleider.be', organisationName: 'Opleider <vzw>', kbo: '0403170701', applicationId: 'app-1',
  title: 'Lassen', ownReference: 'L-1', submittedOn: '2026-05-04',
};

describe('mail templates (Dutch, text and HTML)', () => {
  it('R-SUB-1: the confirmation goes to the contact email and says the application can no longer be changed', () => {
    const mail = applicationSubmittedMail({ ...common, waitingForQualityRegistration: false, warnings: [] });
    expect(mail.to).toEqual(['info@opleider.be']);
    expect(mail.subject).toBe('Aanvraag ontvangen: Lassen');
    expect(mail.text).toContain('0403.170.701');
    expect(mail.text).toContain('niet meer wijzigen');
    expect(mail.html).toContain('Opleider &lt;vzw&gt;'); // escaped
  });

  it('R-ORG-3: without quality registration the confirmation says it waits for it; warnings are listed', () => {
    const mail = applicationSubmittedMail({ ...common, waitingForQualityRegistration: true, warnings: ['Lange opleiding.'] });
    expect(mail.text).toContain('kwaliteitsregistratie');
    expect(mail.text).toContain('- Lange opleiding.');
    expect(mail.html).toContain('<li>Lange opleiding.</li>');
  });

  it('R-APP-5: the inadmissibility mail lists every reason, in words only (rule ids are machine codes)', () => {
    const mail = applicationInadmissibleMail({ ...common, reasons: [{ code: 'R-APP-5', message: 'Te kort.' }, { code: 'R-CMP-3', message: 'Geen groep.' }] });
    expect(mail.subject).toBe('Aanvraag onontvankelijk: Lassen');
    expect(mail.text).toContain('- Te kort.');
    expect(mail.text).toContain('- Geen groep.');
    expect(`${mail.text}${mail.html}`).not.toMatch(/R-[A-Z]+-\d/);
  });
});

describe('R-BO-2: the due-index entry of a submitted application', () => {
  it('starts at midnight Brussels time, summer and winter', () => {
    expect(brusselsMidnight('2026-08-18')).toBe('2026-08-17T22:00:00.000Z');
    expect(brusselsMidnight('2026-01-18')).toBe('2026-01-17T23:00:00.000Z');
  });

  it('is due for decision-deadlines on the forced-forward date', () => {
    const { deadlines, due } = decisionDeadlineEntry('2026-05-04T10:00:00.000Z');
    expect(deadlines).toEqual({ decisionPeriodEnd: '2026-08-04', forcedForwardDate: '2026-07-21' });
    expect(due).toEqual({ duePk: 'decision-deadlines', dueAt: '2026-07-20T22:00:00.000Z' });
  });
});
