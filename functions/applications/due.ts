import { decisionDeadlines } from '../../shared/applications/deadlines';
import type { DueEntry } from './repository';

/** Job that acts on submitted applications near the end of the decision period (R-BO-2). */
export const DECISION_DEADLINES_JOB = 'decision-deadlines';

const brusselsHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', hourCycle: 'h23' });

/** The UTC instant at which a Brussels calendar day begins ('2026-08-18' → '2026-08-17T22:00:00.000Z'). */
export function brusselsStartOfDay(date: string): string {
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(`${date}T00:00:00+0${offsetHours}:00`);
    if (brusselsHour.format(candidate) === '00') return candidate.toISOString();
  }
  return new Date(`${date}T00:00:00Z`).toISOString();
}

/**
 * R-BO-2: the deadlines of an application submitted at `submittedAt`, and its due-index entry for the
 * `decision-deadlines` job: due from the start (Brussels) of the forced-forward date.
 */
export function decisionDeadlineEntry(submittedAt: string): { deadlines: ReturnType<typeof decisionDeadlines>; due: DueEntry } {
  const deadlines = decisionDeadlines(submittedAt);
  return { deadlines, due: { duePk: DECISION_DEADLINES_JOB, dueAt: brusselsStartOfDay(deadlines.forcedForwardDate) } };
}
