import { brusselsMidnight } from '../../shared/time/calendar';
import { decisionDeadlines } from '../../shared/applications/deadlines';
import type { DueEntry } from './repository';

/** Job that acts on submitted applications near the end of the decision period (R-BO-2). */
export const DECISION_DEADLINES_JOB = 'decision-deadlines';

/**
 * R-BO-2: the deadlines of an application submitted at `submittedAt`, and its due-index entry for the
 * `decision-deadlines` job: due from the start (Brussels) of the forced-forward date.
 */
export function decisionDeadlineEntry(submittedAt: string): { deadlines: ReturnType<typeof decisionDeadlines>; due: DueEntry } {
  const deadlines = decisionDeadlines(submittedAt);
  return { deadlines, due: { duePk: DECISION_DEADLINES_JOB, dueAt: brusselsMidnight(deadlines.forcedForwardDate) } };
}
