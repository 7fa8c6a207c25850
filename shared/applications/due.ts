import { addDays, brusselsMidnight } from '../time/calendar';
import type { Application } from './application';
import { decisionDeadlines } from './deadlines';

/*
 * The due-index entries of applications (R-BO-1, R-BO-2): which scheduled job must act on an
 * application, from when. Pure: the times are Brussels midnights of the rule's dates (the one time
 * module); the store writes them as `duePk` / `dueAt`.
 */

/** A due-index entry: which job must act on the item, from when (ISO 8601 UTC instant). */
export interface DueEntry {
  duePk: string;
  dueAt: string;
}

/** Job that acts on submitted applications near the end of the decision period (R-BO-2). */
export const DECISION_DEADLINES_JOB = 'decision-deadlines';
/** Job that moves on applications whose question went unanswered (R-BO-1). */
export const QUESTION_DEADLINES_JOB = 'question-deadlines';

/**
 * R-BO-2: the deadlines of an application submitted at `submittedAt`, and its due-index entry for the
 * `decision-deadlines` job: due from the start (Brussels) of the forced-forward date.
 */
export function decisionDeadlineEntry(submittedAt: string): { deadlines: ReturnType<typeof decisionDeadlines>; due: DueEntry } {
  const deadlines = decisionDeadlines(submittedAt);
  return { deadlines, due: { duePk: DECISION_DEADLINES_JOB, dueAt: brusselsMidnight(deadlines.forcedForwardDate) } };
}

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
