import { addDays, brusselsMidnight, compareDates, type IsoDate } from '../time/calendar';
import type { Registration } from './registration';

/**
 * Entries of the sparse `due` index (functions/storage/keys.ts): `duePk` = the job that must act,
 * `dueAt` = ISO 8601 UTC time (`Date.prototype.toISOString()`, so entries and `now` compare as strings).
 * An item has at most one entry; when a job has acted it writes the item's next entry, or none.
 * Pure: no I/O, no clock — the jobs pass `today`/`now` in.
 */
export const REGISTRATION_JOBS = ['stop-dates', 'evaluation-removals'] as const;
export type RegistrationJob = (typeof REGISTRATION_JOBS)[number];
export const EVALUATION_OVERDUE_JOB = 'evaluation-overdue';

export interface DueEntry<J extends string = string> {
  duePk: J;
  dueAt: string;
}

/**
 * The one pending job of a registration, the earliest of: its stop date (R-REG-1, `stop-dates`), its
 * successor's valid-from (R-REG-2, `stop-dates`) and its removal date after a negative evaluation
 * (R-BO-5, `evaluation-removals`). Only registrations that are still in the catalogue (active or
 * replaced) have one; on a tie the stop date goes first. (The overdue evaluation has its own entry
 * item, `evaluationReminderDue`, so it never holds these up.)
 */
export function nextRegistrationDue(
  reg: Pick<Registration, 'status' | 'stopDate' | 'removalDate' | 'replacedFrom'>,
): DueEntry<RegistrationJob> | null {
  if (reg.status !== 'active' && reg.status !== 'replaced') return null;
  const candidates: DueEntry<RegistrationJob>[] = [];
  if (reg.stopDate !== null) candidates.push({ duePk: 'stop-dates', dueAt: brusselsMidnight(reg.stopDate) });
  // R-REG-2: an active registration with a successor becomes `replaced` on the successor's valid-from.
  if (reg.status === 'active' && reg.replacedFrom) candidates.push({ duePk: 'stop-dates', dueAt: brusselsMidnight(reg.replacedFrom) });
  if (reg.removalDate !== null) candidates.push({ duePk: 'evaluation-removals', dueAt: brusselsMidnight(reg.removalDate) });
  return candidates.reduce<DueEntry<RegistrationJob> | null>((earliest, entry) => (earliest === null || entry.dueAt < earliest.dueAt ? entry : earliest), null);
}

/**
 * R-BO-5: the day from which a registration's annual evaluation is overdue — the day after its due
 * date (an evaluation on the due date itself is on time). Reading (for domain.md): the general
 * contact is told once per registration per due date; a positive evaluation moves the due date a
 * year on, and that next date can become overdue again.
 */
export const evaluationOverdueOn = (evaluationDue: IsoDate): IsoDate => addDays(evaluationDue, 1);

/** R-BO-5: the `evaluation-overdue` entry of a registration's evaluation due on `evaluationDue` (00:00 Brussels the day after). */
export function evaluationReminderDue(evaluationDue: IsoDate): DueEntry<typeof EVALUATION_OVERDUE_JOB> {
  return { duePk: EVALUATION_OVERDUE_JOB, dueAt: brusselsMidnight(evaluationOverdueOn(evaluationDue)) };
}

/**
 * R-BO-5: is the evaluation due on `evaluationDue` overdue for this registration on `today`? Only
 * while it is active and no negative evaluation set a removal date (then the evaluation was done and
 * the removal follows), and only if the registration's due date is still that one (a positive
 * evaluation moved it on).
 */
export function isEvaluationOverdue(
  reg: Pick<Registration, 'status' | 'removalDate' | 'evaluationDue'>,
  evaluationDue: IsoDate,
  today: IsoDate,
): boolean {
  if (reg.status !== 'active' || reg.removalDate !== null || reg.evaluationDue !== evaluationDue) return false;
  return compareDates(evaluationOverdueOn(evaluationDue), today) <= 0;
}
