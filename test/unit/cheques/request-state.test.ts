import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../shared/http/problem';
import { chequeRequestStatuses, type ChequeRequestStatus } from '../../../shared/cheques/cheque-request';
import {
  allowedEvents,
  budgetReleaseOn,
  chequeRequestEvents,
  decisionEvent,
  isContributionOverdue,
  transition,
  unpaidContributionDue,
} from '../../../shared/cheques/request-state';

describe('cheque request lifecycle', () => {
  it('R-CHQ-7: with a contribution: submitted → awaiting-contribution → approved → issued → expired', () => {
    // Act
    let status: ChequeRequestStatus = 'submitted';
    status = transition(status, 'require-contribution');
    expect(status).toBe('awaiting-contribution');
    status = transition(status, 'contribution-paid');
    expect(status).toBe('approved');
    status = transition(status, 'cheques-delivered');
    expect(status).toBe('issued');
    status = transition(status, 'cheques-expired');
    // Assess
    expect(status).toBe('expired');
  });

  it('R-CHQ-7: not every worker pays: submitted → approved → issued', () => {
    expect(transition(transition('submitted', 'approve'), 'cheques-delivered')).toBe('issued');
  });

  it('R-CHQ-7: an unpaid contribution cancels the request after the period', () => {
    expect(transition('awaiting-contribution', 'contribution-overdue')).toBe('cancelled');
  });

  it('R-CHQ-7: approved and awaiting-contribution requests can be cancelled', () => {
    expect(transition('approved', 'cancel')).toBe('cancelled');
    expect(transition('awaiting-contribution', 'cancel')).toBe('cancelled');
  });

  it('R-CHQ-7: cheques cannot be delivered before the contribution is paid (409 with the allowed events)', () => {
    // Act
    let error: unknown;
    try {
      transition('awaiting-contribution', 'cheques-delivered');
    } catch (caught) {
      error = caught;
    }
    // Assess
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(409);
    expect((error as ProblemError).allowed).toEqual(['contribution-paid', 'contribution-overdue', 'cancel']);
  });

  it('R-CHQ-7: final statuses allow nothing', () => {
    for (const status of ['rejected', 'expired', 'cancelled'] as const) {
      expect(allowedEvents(status)).toEqual([]);
      expect(() => transition(status, 'cancel')).toThrow(ProblemError);
    }
  });

  it('R-CHQ-7: issued cheques cannot be cancelled, only expire', () => {
    expect(() => transition('issued', 'cancel')).toThrow(ProblemError);
  });

  it('every status/event pair either moves or gives a 409 listing exactly the allowed events', () => {
    fc.assert(
      fc.property(fc.constantFrom(...chequeRequestStatuses), fc.constantFrom(...chequeRequestEvents), (status, event) => {
        const allowed = allowedEvents(status);
        if (allowed.includes(event)) {
          expect(chequeRequestStatuses).toContain(transition(status, event));
        } else {
          expect(() => transition(status, event)).toThrow(expect.objectContaining({ status: 409, allowed }));
        }
      }),
    );
  });

  it('maps decisions to events', () => {
    expect(transition('submitted', decisionEvent('approved'))).toBe('approved');
    expect(transition('submitted', decisionEvent('awaiting-contribution'))).toBe('awaiting-contribution');
    expect(transition('submitted', decisionEvent('rejected'))).toBe('rejected');
  });

  it('R-CHQ-7: cancellation releases the whole amount, expiry the unused amount', () => {
    expect(budgetReleaseOn('cancel')).toBe('amount');
    expect(budgetReleaseOn('contribution-overdue')).toBe('amount');
    expect(budgetReleaseOn('cheques-expired')).toBe('unused');
    expect(budgetReleaseOn('contribution-paid')).toBe('none');
  });

  it('R-CHQ-7: the contribution is due 30 days after the request', () => {
    expect(unpaidContributionDue('2026-10-15T08:00:00Z')).toBe('2026-11-14T08:00:00.000Z');
    expect(unpaidContributionDue('2026-10-15T08:00:00Z', 7)).toBe('2026-10-22T08:00:00.000Z');
    expect(isContributionOverdue('2026-10-15T08:00:00Z', '2026-11-14T07:59:59Z')).toBe(false);
    expect(isContributionOverdue('2026-10-15T08:00:00Z', '2026-11-14T08:00:00Z')).toBe(true);
    expect(() => unpaidContributionDue('gisteren')).toThrow(RangeError);
  });
});
