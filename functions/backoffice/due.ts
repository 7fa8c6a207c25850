import { addDays, brusselsMidnight } from '../../shared/time/calendar';
import type { Application } from '../../shared/applications/application';
import { DECISION_DEADLINES_JOB } from '../applications/due';
import type { DueEntry } from '../applications/repository';

/** Job that moves on applications whose question went unanswered (R-BO-1). */
export const QUESTION_DEADLINES_JOB = 'question-deadlines';

/**
 * R-BO-1: the due entry of an open question whose last day to answer is `deadline` ('YYYY-MM-DD'):
 * due from the start (Brussels) of the day after, when the deadline has passed.
 */
export function questionDeadlineEntry(deadline: string): DueEntry {
  return { duePk: QUESTION_DEADLINES_JOB, dueAt: brusselsMidnight(addDays(deadline, 1)) };
}

/** R-BO-2: the application's entry for the `decision-deadlines` job (from its stored deadlines), or null. */
export function decisionDeadlineDue(app: Pick<Application, 'deadlines'>): DueEntry | null {
  return app.deadlines ? { duePk: DECISION_DEADLINES_JOB, dueAt: brusselsMidnight(app.deadlines.forcedForwardDate) } : null;
}

/**
 * An application has one due entry. While a question is open two deadlines run (the question's and
 * the decision period's, R-BO-2 applies also while a question is open): the earlier one is the entry;
 * the job that acts on it sets the other afterwards.
 */
export function earlierDue(a: DueEntry | null, b: DueEntry | null): DueEntry | null {
  if (!a) return b;
  if (!b) return a;
  return a.dueAt <= b.dueAt ? a : b;
}
