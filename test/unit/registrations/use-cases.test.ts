/**
 * The registrations area's use cases on in-memory fakes (no stack): the same ports the Lambda entry and
 * the jobs wire to DynamoDB (functions/registrations/wiring.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/organisations/organisation';
import { applyRemovalDate, applyStopDate, type Registration } from '../../../shared/registrations/registration';
import { brusselsMidnight } from '../../../shared/time/calendar';
import { evaluationOverdueMailId, remindOverdueEvaluations, runRegistrationJob } from '../../../functions/registrations/jobs';
import { evaluateRegistration, listOwnRegistrations, publishedTraining, stopOwnRegistration } from '../../../functions/registrations/use-cases';
import { memoryRegistrationPorts } from '../../support/fakes/memory-registration-store';
import { registration } from '../catalogue/registration-fixture';

const KBO = '0403170701';
const contact = (who: string) => ({ name: who, email: `${who}@opleider.test`, phone: '+32 2 553 00 00' });
const org = (overrides: Partial<Organisation> = {}): Organisation => ({
  kbo: KBO, name: 'CVO Brabant', contact: contact('dossier'), generalContact: contact('algemeen'), chequesContact: null, kind: 'general', lms: null,
  qualityRegistration: { registered: true, since: '2020-01-01' }, lmsDocument: { status: 'missing', fileName: null, uploadedAt: null },
  contactConfirmedAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z', ...overrides,
});
const reg = (overrides: Partial<Registration> = {}) => registration({ provider: { kbo: KBO, name: 'CVO Brabant' }, ...overrides });
const stored = (r: Registration) => ({ registration: r, version: 1, createdAt: '2026-09-01T10:00:00.000Z' });
const at = (iso: string) => new Date(iso);
const mailsOf = (ports: ReturnType<typeof memoryRegistrationPorts>) => [...ports.registrations.outbox.values()].flatMap((m) => (m.kind === 'mail' ? [m.mail] : []));

describe('registration use cases on fakes', () => {
  it('R-SUB-2: lists the own registrations only, paged', async () => {
    const ports = memoryRegistrationPorts([org()]);
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000001', validFrom: '2026-01-01' })));
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000002', validFrom: '2026-02-01' })));
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000003', provider: { kbo: '0202239951', name: 'Ander' } })));

    const first = await listOwnRegistrations(ports, KBO, 1, undefined);
    const second = await listOwnRegistrations(ports, KBO, 1, first.nextCursor ?? undefined);

    expect(first.items.map((r) => r.odbNumber)).toEqual(['ODB-A000001']);
    expect(second.items.map((r) => r.odbNumber)).toEqual(['ODB-A000002']);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toHaveProperty('applicationId');
    expect(first.items[0]).not.toHaveProperty('evaluations');
  });

  it('R-REG-1: a stop of another organisation\'s number is a 404; an own stop from today is stopped at once and public 410', async () => {
    const ports = memoryRegistrationPorts([org()]);
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000010' })));
    const now = at('2026-12-01T10:00:00Z');

    await expect(stopOwnRegistration(ports, '0202239951', 'ODB-A000010', { stopDate: '2026-12-01', reason: 'x' }, now)).rejects.toMatchObject({ status: 404 });
    const stopped = await stopOwnRegistration(ports, KBO, 'ODB-A000010', { stopDate: '2026-12-01', reason: 'Niet meer georganiseerd' }, now);

    expect(stopped).toMatchObject({ status: 'stopped', stopReason: 'Niet meer georganiseerd' });
    expect(ports.registrations.registrations.get('ODB-A000010')?.version).toBe(2);
    await expect(publishedTraining(ports, 'ODB-A000010', now)).rejects.toMatchObject({ status: 410 });
    await expect(publishedTraining(ports, 'ODB-A999999', now)).rejects.toMatchObject({ status: 404 });
  });

  it('R-REG-1: a conflicting write is retried from a fresh read', async () => {
    const ports = memoryRegistrationPorts([org()]);
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000011' })));
    ports.registrations.failNextWrite();

    const stopped = await stopOwnRegistration(ports, KBO, 'ODB-A000011', { stopDate: '2027-06-01', reason: 'Later' }, at('2026-12-01T10:00:00Z'));

    expect(stopped).toMatchObject({ status: 'active', stopDate: '2027-06-01' });
  });

  it('R-BO-5, R-BO-6: an evaluation mails the general contact, is in the dossier history, and a positive one reschedules the overdue reminder', async () => {
    const ports = memoryRegistrationPorts([org()]);
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000012', evaluationDue: '2027-09-01' })));

    const evaluated = await evaluateRegistration(ports, 'ODB-A000012', 'positive', at('2027-10-15T10:00:00Z'), 'bo-7');

    expect(evaluated.evaluationDue).toBe('2028-10-15');
    expect(mailsOf(ports)).toEqual([expect.objectContaining({ to: ['algemeen@opleider.test'], subject: 'Evaluatie positief: ODB-A000012' })]);
    expect([...ports.registrations.history.values()]).toEqual([expect.objectContaining({ actor: 'bo-7', event: 'evaluation' })]);
    expect(ports.registrations.reminders.get('ODB-A000012')).toEqual({ evaluationDue: '2028-10-15', dueAt: brusselsMidnight('2028-10-16') });
  });

  it('R-REG-1, R-BO-5: the status jobs act on what is due, count status changes, and a second run changes nothing', async () => {
    const ports = memoryRegistrationPorts([org()]);
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000020', stopDate: '2027-03-01' })));
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000021', removalDate: '2027-12-31' })));
    const afterStop = at(brusselsMidnight('2027-03-01'));

    const early = await runRegistrationJob(ports, 'stop-dates', new Date(afterStop.getTime() - 60_000), applyStopDate);
    const first = await runRegistrationJob(ports, 'stop-dates', afterStop, applyStopDate);
    const second = await runRegistrationJob(ports, 'stop-dates', afterStop, applyStopDate);
    const removal = await runRegistrationJob(ports, 'evaluation-removals', at(brusselsMidnight('2027-12-31')), applyRemovalDate);

    expect(early).toMatchObject({ examined: 0, changed: 0 });
    expect(first).toMatchObject({ job: 'stop-dates', examined: 1, changed: 1 });
    expect(second).toMatchObject({ examined: 0, changed: 0 });
    expect(removal).toMatchObject({ examined: 1, changed: 1 });
    expect(ports.registrations.registrations.get('ODB-A000020')?.registration.status).toBe('stopped');
    expect(ports.registrations.registrations.get('ODB-A000021')?.registration.status).toBe('removed');
  });
});

describe('evaluation-overdue (R-BO-5)', () => {
  const overdueFrom = at(brusselsMidnight('2027-09-02')); // due 1 September 2027: overdue from 00:00 on the 2nd

  it('R-BO-5: from the day after the due date the general contact gets one mail in words, recorded in the dossier history; a second run sends nothing', async () => {
    // Prepare
    const ports = memoryRegistrationPorts([org()]);
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000030', evaluationDue: '2027-09-01', applicationId: 'app-30' })));

    // Act
    const onDueDay = await remindOverdueEvaluations(ports, new Date(overdueFrom.getTime() - 60_000));
    const first = await remindOverdueEvaluations(ports, overdueFrom);
    const second = await remindOverdueEvaluations(ports, new Date(overdueFrom.getTime() + 86_400_000));

    // Assess
    expect(onDueDay).toMatchObject({ job: 'evaluation-overdue', examined: 0, changed: 0 });
    expect(first).toMatchObject({ examined: 1, changed: 1 });
    expect(second).toMatchObject({ examined: 0, changed: 0 });
    const mails = mailsOf(ports);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['algemeen@opleider.test'], subject: 'Jaarlijkse evaluatie nog niet afgerond: ODB-A000030' });
    expect(mails[0]?.text).toContain('1 september 2027');
    expect(mails[0]?.text).not.toMatch(/R-[A-Z]+-\d|\d{4}-\d{2}-\d{2}/);
    expect(ports.registrations.outbox.has(evaluationOverdueMailId('ODB-A000030', '2027-09-01'))).toBe(true);
    expect([...ports.registrations.history.entries()]).toEqual([[
      `app-30|${overdueFrom.toISOString()}|evaluation-overdue-2027-09-01`,
      expect.objectContaining({ actor: 'system:evaluation-overdue', event: 'evaluation-overdue', reason: expect.stringContaining('1 september 2027') }),
    ]]);
    // the registration itself is untouched (the catalogue reads it): still active, same version
    expect(ports.registrations.registrations.get('ODB-A000030')).toMatchObject({ version: 1, registration: { status: 'active' } });
  });

  it('R-BO-5: a crash mid-way (the transaction did not commit) leaves the reminder due; the next run sends exactly one mail', async () => {
    const ports = memoryRegistrationPorts([org()]);
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000031', evaluationDue: '2027-09-01' })));
    ports.registrations.failNextWrite();

    const crashed = await remindOverdueEvaluations(ports, overdueFrom);
    const retried = await remindOverdueEvaluations(ports, overdueFrom);
    await remindOverdueEvaluations(ports, overdueFrom);

    expect(crashed).toMatchObject({ examined: 1, changed: 0 });
    expect(retried).toMatchObject({ examined: 1, changed: 1 });
    expect(mailsOf(ports)).toHaveLength(1);
  });

  it('R-BO-5: the mail goes to the general contact, never the dossier contact (R-ORG-2); without an organisation the history says no one was told', async () => {
    const ports = memoryRegistrationPorts([org()]);
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000032', evaluationDue: '2027-09-01', applicationId: 'app-32' })));
    ports.registrations.add(stored(reg({ odbNumber: 'ODB-A000036', evaluationDue: '2027-09-01', applicationId: 'app-36', provider: { kbo: '0202239951', name: 'Onbekend' } })));

    const result = await remindOverdueEvaluations(ports, overdueFrom);

    expect(result).toMatchObject({ examined: 2, changed: 2 });
    expect(mailsOf(ports).map((m) => m.to)).toEqual([['algemeen@opleider.test']]);
    const orphan = [...ports.registrations.history.entries()].find(([key]) => key.startsWith('app-36|'));
    expect(orphan?.[1].reason).toContain('geen organisatie gevonden');
    expect(ports.registrations.reminders.get('ODB-A000036')).not.toHaveProperty('dueAt');
  });

  it('R-BO-5: an evaluation done in time, a negative one, or a registration stopped meanwhile ends the reminder without a mail', async () => {
    const ports = memoryRegistrationPorts([org()]);
    for (const odbNumber of ['ODB-A000033', 'ODB-A000034', 'ODB-A000035']) ports.registrations.add(stored(reg({ odbNumber, evaluationDue: '2027-09-01', applicationId: `app-${odbNumber}` })));
    await evaluateRegistration(ports, 'ODB-A000033', 'positive', at('2027-08-20T10:00:00Z'));
    await evaluateRegistration(ports, 'ODB-A000034', 'negative', at('2027-08-20T10:00:00Z'));
    await stopOwnRegistration(ports, KBO, 'ODB-A000035', { stopDate: '2027-08-20', reason: 'Niet meer georganiseerd' }, at('2027-08-20T10:00:00Z'));
    ports.registrations.outbox.clear();

    const result = await remindOverdueEvaluations(ports, overdueFrom);
    const again = await remindOverdueEvaluations(ports, overdueFrom);

    // the positive evaluation rescheduled its reminder a year on; the other two were examined and ended
    expect(result).toMatchObject({ examined: 2, changed: 0 });
    expect(again).toMatchObject({ examined: 0 });
    expect(mailsOf(ports)).toEqual([]);
    expect(ports.registrations.reminders.get('ODB-A000033')?.evaluationDue).toBe('2028-09-01');
  });
});
