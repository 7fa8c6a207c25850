import { oneYearAfter } from '../time/calendar';
import type { DueEntry } from '../registrations/due';

export const CONTACT_CHECK_JOB = 'contact-check';

/**
 * R-REG-4: the `contact-check` entry of an organisation item — a year after the contact details were
 * last confirmed or last asked for, whichever is later. The organisation adapter spreads this onto
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
