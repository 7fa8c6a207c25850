import { brusselsMidnight, oneYearAfter } from '../../shared/time/calendar';
import type { Registration } from '../../shared/registrations/registration';

/**
 * Entries of the sparse `due` index (functions/storage/keys.ts): `duePk` = the job that must act,
 * `dueAt` = ISO 8601 UTC time (`Date.prototype.toISOString()`, so entries and `now` compare as strings).
 * An item has at most one entry; when a job has acted it writes the item's next entry, or none.
 */
export const REGISTRATION_JOBS = ['stop-dates', 'evaluation-removals'] as const;
export type RegistrationJob = (typeof REGISTRATION_JOBS)[number];
export const CONTACT_CHECK_JOB = 'contact-check';

export interface DueEntry<J extends string = string> {
  duePk: J;
  dueAt: string;
}

/**
 * The one pending job of a registration, the earliest of: its stop date (R-REG-1, `stop-dates`) and
 * its removal date after a negative evaluation (R-BO-5, `evaluation-removals`). Only registrations that
 * are still in the catalogue (active or replaced) have one; on a tie the stop date goes first.
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
 * R-REG-4: the `contact-check` entry of an organisation item — a year after the contact details were
 * last confirmed or last asked for, whichever is later. The organisation repository spreads this onto
 * every organisation item it writes (`...contactCheckDue(org)`); "updating the profile confirms"
 * because PUT /v1/organisation sets `contactConfirmedAt` to now. The `contact-check` job sets
 * `contactCheckRequestedAt` when it mails, which moves the entry a year on.
 */
export function contactCheckDue(org: { contactConfirmedAt: string | null; contactCheckRequestedAt?: string | null | undefined }): DueEntry<typeof CONTACT_CHECK_JOB> | null {
  const times = [org.contactConfirmedAt, org.contactCheckRequestedAt ?? null].filter((t): t is string => t !== null);
  if (times.length === 0) return null;
  const latest = times.reduce((a, b) => (new Date(a).getTime() >= new Date(b).getTime() ? a : b));
  return { duePk: CONTACT_CHECK_JOB, dueAt: oneYearAfter(latest) };
}
