import { describe, expect, it } from 'vitest';
import { contactCheckDue } from '../../../shared/organisations/contact-check';
import { evaluationReminderDue, isEvaluationOverdue, nextRegistrationDue } from '../../../shared/registrations/due';
import { brusselsMidnight, oneYearAfter } from '../../../shared/time/calendar';

describe('due index entries', () => {
  it('R-REG-1: 00:00 Brussels on a date, in winter (+01:00) and in summer (+02:00), as ISO UTC', () => {
    expect(brusselsMidnight('2027-01-15')).toBe('2027-01-14T23:00:00.000Z');
    expect(brusselsMidnight('2027-07-01')).toBe('2027-06-30T22:00:00.000Z');
    // the days the clocks change (2027-03-28 and 2027-10-31): midnight is still on the old offset
    expect(brusselsMidnight('2027-03-28')).toBe('2027-03-27T23:00:00.000Z');
    expect(brusselsMidnight('2027-03-29')).toBe('2027-03-28T22:00:00.000Z');
    expect(brusselsMidnight('2027-10-31')).toBe('2027-10-30T22:00:00.000Z');
    expect(brusselsMidnight('2027-11-01')).toBe('2027-10-31T23:00:00.000Z');
    expect(() => brusselsMidnight('2027-1-1')).toThrow(RangeError);
  });

  it('R-REG-1, R-BO-5: the earliest of stop date and removal date is due; only while still in the catalogue', () => {
    const base = { status: 'active' as const, stopDate: null, removalDate: null };
    expect(nextRegistrationDue(base)).toBeNull();
    expect(nextRegistrationDue({ ...base, stopDate: '2027-05-01' })).toEqual({ duePk: 'stop-dates', dueAt: brusselsMidnight('2027-05-01') });
    expect(nextRegistrationDue({ ...base, removalDate: '2028-12-31' })).toEqual({ duePk: 'evaluation-removals', dueAt: brusselsMidnight('2028-12-31') });
    expect(nextRegistrationDue({ ...base, stopDate: '2029-01-01', removalDate: '2028-12-31' })?.duePk).toBe('evaluation-removals');
    expect(nextRegistrationDue({ ...base, stopDate: '2028-12-31', removalDate: '2028-12-31' })?.duePk).toBe('stop-dates');
    expect(nextRegistrationDue({ ...base, status: 'replaced', stopDate: '2027-05-01' })?.duePk).toBe('stop-dates');
    expect(nextRegistrationDue({ ...base, status: 'stopped', stopDate: '2027-05-01', removalDate: '2028-12-31' })).toBeNull();
    expect(nextRegistrationDue({ ...base, status: 'removed', removalDate: '2028-12-31' })).toBeNull();
  });

  it('R-BO-5: an evaluation is overdue from 00:00 Brussels the day after its due date, while the registration is active, unevaluated and still due on that date', () => {
    const reg = { status: 'active' as const, removalDate: null, evaluationDue: '2027-09-01' };

    expect(evaluationReminderDue('2027-09-01')).toEqual({ duePk: 'evaluation-overdue', dueAt: brusselsMidnight('2027-09-02') });
    expect(evaluationReminderDue('2027-09-01').dueAt).toBe('2027-09-01T22:00:00.000Z');
    expect(isEvaluationOverdue(reg, '2027-09-01', '2027-09-01')).toBe(false); // evaluating on the due date is on time
    expect(isEvaluationOverdue(reg, '2027-09-01', '2027-09-02')).toBe(true);
    // a positive evaluation moved the date on: the old reminder is no longer overdue
    expect(isEvaluationOverdue({ ...reg, evaluationDue: '2028-09-01' }, '2027-09-01', '2027-09-02')).toBe(false);
    // a negative evaluation (removal pending), or a registration that left the catalogue: nothing overdue
    expect(isEvaluationOverdue({ ...reg, removalDate: '2028-12-31' }, '2027-09-01', '2027-10-01')).toBe(false);
    for (const status of ['stopped', 'replaced', 'removed'] as const) expect(isEvaluationOverdue({ ...reg, status }, '2027-09-01', '2027-10-01')).toBe(false);
  });

  it('R-REG-4: the contact check is due a year after the later of the last confirmation and the last request', () => {
    expect(contactCheckDue({ contactConfirmedAt: null })).toBeNull();
    expect(contactCheckDue({ contactConfirmedAt: '2026-03-01T10:00:00.000Z' })).toEqual({ duePk: 'contact-check', dueAt: '2027-03-01T10:00:00.000Z' });
    expect(contactCheckDue({ contactConfirmedAt: '2026-03-01T10:00:00.000Z', contactCheckRequestedAt: '2027-03-02T05:00:00.000Z' })?.dueAt).toBe('2028-03-02T05:00:00.000Z');
    expect(contactCheckDue({ contactConfirmedAt: '2027-04-01T10:00:00.000Z', contactCheckRequestedAt: '2027-03-02T05:00:00.000Z' })?.dueAt).toBe('2028-04-01T10:00:00.000Z');
    expect(oneYearAfter('2028-02-29T12:00:00Z')).toBe('2029-03-01T12:00:00.000Z');
  });
});
