import { describe, expect, it } from 'vitest';
import { registrationFromApproval, type Registration } from '../../../shared/registrations/registration';
import type { Application } from '../../../shared/applications/application';
import { fromRegistrationItem, toRegistrationItem } from '../../../functions/registrations/items';
import { putRegistration } from '../../../functions/registrations/dynamo-store';
import { registrationApprovedMail } from '../../../functions/mail/templates/registration-approved';
import { evaluationResultMail } from '../../../functions/mail/templates/evaluation-result';
import { dutchDate } from '../../../shared/time/calendar';

const application = {
  id: 'app-1', orgKbo: '0403170701', status: 'forwarded', createdAt: '', updatedAt: '', submittedAt: null, referenceVersion: null,
  documents: [], problems: [], questions: [], deadlines: null, forwarding: null, decision: null, odbNumbers: null,
  title: 'Lassen', ownReference: 'L1', structure: 'modular', contactHours: 40,
  modules: [{ title: 'Module 1', ownReference: 'M1', contactHours: 20 }, { title: 'Module 2', ownReference: 'M2', contactHours: 20 }],
} satisfies Application;

const registration: Registration = registrationFromApproval(
  application, { training: 'ODB-A000010', modules: ['ODB-A000011', 'ODB-A000012'] }, '2026-04-01', { kbo: '0403170701', name: 'Centrum' }, { chequeCategory: 'standard' },
);

describe('registration items', () => {
  it('R-BO-3: keys, list indexes and due entry are derived from the registration; reading strips them again', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const item = toRegistrationItem({ ...registration, stopDate: '2026-12-01' }, 3, '2026-02-01T00:00:00.000Z', now);

    expect(item).toMatchObject({
      pk: 'REG#ODB-A000010', sk: 'REG', type: 'registration',
      gsi1pk: 'ORG#0403170701#REGS', gsi1sk: '2026-04-01#ODB-A000010', gsi2pk: 'REGSTATUS#active', gsi2sk: '2027-04-01#ODB-A000010',
      duePk: 'stop-dates', dueAt: '2026-11-30T23:00:00.000Z', version: 3, updatedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(fromRegistrationItem(item as unknown as Record<string, unknown>)).toEqual({
      registration: { ...registration, stopDate: '2026-12-01' }, version: 3, createdAt: '2026-02-01T00:00:00.000Z',
    });
    expect(toRegistrationItem(registration, 1, '', now)).not.toHaveProperty('duePk');
  });

  it('R-BO-4: a new registration is written only if its number is free; an update only over the version it read', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    expect(putRegistration('t', registration, null, now).Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(pk)', Item: { version: 1 } });
    expect(putRegistration('t', registration, { version: 4, createdAt: 'c' }, now).Put).toMatchObject({
      ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': 4 }, Item: { version: 5, createdAt: 'c' },
    });
  });
});

describe('mail templates', () => {
  it('R-BO-4: the approval mail names every number, in Dutch, in text and HTML', () => {
    const mail = registrationApprovedMail({
      to: 'info@centrum.be', organisationName: 'Centrum <&>', title: 'Lassen', odbNumber: 'ODB-A000010', validFrom: '2026-04-01',
      modules: [{ odbNumber: 'ODB-A000011', title: 'Module 1' }], replaces: 'ODB-A000001',
    });
    expect(mail.to).toEqual(['info@centrum.be']);
    for (const text of ['ODB-A000010', 'ODB-A000011', 'ODB-A000001', '1 april 2026']) {
      expect(mail.text).toContain(text);
      expect(mail.html).toContain(text);
    }
    expect(mail.html).toContain('Centrum &lt;&amp;&gt;');
  });

  it('R-BO-5: the evaluation mail gives the next evaluation, or the removal date', () => {
    const base = { to: 'a@b.be', organisationName: 'C', title: 'T', odbNumber: 'ODB-A000010', evaluationDue: '2027-04-01' };
    expect(evaluationResultMail({ ...base, outcome: 'positive', removalDate: null }).text).toContain('1 april 2027');
    expect(evaluationResultMail({ ...base, outcome: 'negative', removalDate: '2027-12-31' }).text).toContain('31 december 2027');
    expect(dutchDate('2026-03-05')).toBe('5 maart 2026');
  });
});
