import { describe, expect, it } from 'vitest';
import { addDays, addMonths, brusselsDate, daysBetween, schoolYearOf, schoolYearsSpanned, endOfFollowingYear } from '../../../shared/time/calendar';
import {
  decisionDeadlines,
  decisionPeriodEnd,
  earliestReregistrationStart,
  forcedForwardDate,
  isForcedForwardDue,
  isQuestionDeadlinePassed,
  questionDeadline,
} from '../../../shared/applications/deadlines';

describe('calendar', () => {
  it('adds months calendar-correctly, clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('rejects impossible dates', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('26-1-1', 1)).toThrow(RangeError);
  });

  it('turns a UTC timestamp into its Brussels date', () => {
    expect(brusselsDate('2026-03-31T22:30:00Z')).toBe('2026-04-01'); // CEST, UTC+2
    expect(brusselsDate('2026-01-31T22:59:59Z')).toBe('2026-01-31'); // CET, UTC+1
    expect(brusselsDate('2026-01-31T23:00:00Z')).toBe('2026-02-01');
    expect(brusselsDate('2026-05-04')).toBe('2026-05-04');
  });

  it('knows school years (1 September – 31 August)', () => {
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(schoolYearsSpanned('2026-09-01', '2027-08-31')).toBe(1);
    expect(schoolYearsSpanned('2026-08-31', '2027-09-01')).toBe(3);
    expect(endOfFollowingYear('2026-03-10')).toBe('2027-12-31');
  });
});

describe('deadlines', () => {
  it('R-BO-1: the question deadline is one calendar month after asking (Brussels date)', () => {
    expect(questionDeadline('2026-01-31T10:00:00Z')).toBe('2026-02-28');
    expect(questionDeadline('2026-03-31T22:30:00Z')).toBe('2026-05-01');
  });

  it('R-BO-1: the deadline day itself is still in time; the day after it has passed', () => {
    expect(isQuestionDeadlinePassed('2026-01-15T09:00:00Z', '2026-02-15')).toBe(false);
    expect(isQuestionDeadlinePassed('2026-01-15T09:00:00Z', '2026-02-16')).toBe(true);
  });

  it('R-BO-2: the decision period ends three months after submitting', () => {
    expect(decisionPeriodEnd('2026-11-30T12:00:00Z')).toBe('2027-02-28');
  });

  it('R-BO-2: the forced forward is due 14 days (configurable) before the end', () => {
    expect(forcedForwardDate('2026-01-10T08:00:00Z')).toBe('2026-03-27');
    expect(forcedForwardDate('2026-01-10', 0)).toBe('2026-04-10');
    expect(decisionDeadlines('2026-01-10')).toEqual({ decisionPeriodEnd: '2026-04-10', forcedForwardDate: '2026-03-27' });
  });

  it('R-BO-2: not due the day before, due on the day', () => {
    expect(isForcedForwardDue('2026-01-10', '2026-03-26')).toBe(false);
    expect(isForcedForwardDue('2026-01-10', '2026-03-27')).toBe(true);
  });

  it('R-BO-2: a negative margin is refused', () => {
    expect(() => forcedForwardDate('2026-01-10', -1)).toThrow(RangeError);
  });

  it('R-REG-2: a changed training can start three months after applying at the earliest', () => {
    expect(earliestReregistrationStart('2026-11-30')).toBe('2027-02-28');
  });
});
