import { describe, expect, it } from 'vitest';
import { forcedForwardAdvice, isForcedForwardDueFor } from '../../../shared/applications/deadlines';
import type { RuleFinding } from '../../../shared/http/problem';

const question = (closedBy: 'answer' | 'deadline' | null) => ({ closedBy });
const missingField: RuleFinding = { path: 'title', code: 'required', message: 'Vul de naam in.', severity: 'error' };
const warning: RuleFinding = { path: 'plannedEnd', code: 'R-APP-8', message: 'Langer dan 12 maanden.', severity: 'warning' };

describe('forced forward (R-BO-2)', () => {
  it('R-BO-2: an application that only waited on the back office is forwarded without advice', () => {
    expect(forcedForwardAdvice({ questions: [], problems: [] })).toBeNull();
    expect(forcedForwardAdvice({ questions: [question('answer')], problems: [warning] })).toBeNull();
  });

  it('R-BO-2: a question that is unanswered (open, or closed by its deadline) gives a negative advice for lack of information', () => {
    expect(forcedForwardAdvice({ questions: [question('answer'), question(null)], problems: [] })).toBe('negative');
    expect(forcedForwardAdvice({ questions: [question('deadline')], problems: [] })).toBe('negative');
  });

  it('R-BO-2: an incomplete file gives a negative advice', () => {
    expect(forcedForwardAdvice({ questions: [], problems: [missingField] })).toBe('negative');
  });

  it('R-BO-2, R-ORG-3: the forced forward follows the stored period; no period (waiting for the quality registration) is never due', () => {
    const deadlines = { decisionPeriodEnd: '2027-06-20' };
    expect(isForcedForwardDueFor(deadlines, '2027-06-05')).toBe(false);
    expect(isForcedForwardDueFor(deadlines, '2027-06-06')).toBe(true);
    expect(isForcedForwardDueFor(deadlines, '2027-05-21', 30)).toBe(true);
    expect(isForcedForwardDueFor(null, '2099-01-01')).toBe(false);
  });
});
