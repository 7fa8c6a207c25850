/**
 * The registration jobs as use cases on the ports (no SDK here): each reads the `due` index through
 * the store (O(due), never the catalogue), applies a pure rule for the Brussels date of `now` (taken
 * from the job's event), and writes the registration back with its next due entry, conditional on the
 * version it read — an item someone changed meanwhile is left to its new state. A second run finds
 * nothing due.
 */
import { systemActor } from '../../shared/applications/history';
import { EVALUATION_OVERDUE_JOB, isEvaluationOverdue, nextRegistrationDue, type RegistrationJob } from '../../shared/registrations/due';
import { generalContactOf } from '../../shared/organisations/organisation';
import type { Registration } from '../../shared/registrations/registration';
import { brusselsDate, dutchDate } from '../../shared/time/calendar';
import { runDuePages } from '../jobs/due-loop';
import type { JobResult } from '../jobs/job-event';
import { evaluationOverdueMail } from '../mail/templates/evaluation-overdue';
import { logger } from '../observability/logger';
import type { OutboxEntry } from '../outbox/store';
import { RegistrationWriteConflict, type EvaluationReminder, type RegistrationWrite, type ReminderCompletion, type StoredRegistration } from './store';
import type { RegistrationPorts } from './use-cases';

const sameEntry = (a: { duePk: string; dueAt: string } | null, b: { duePk: string; dueAt: string } | null) =>
  a?.duePk === b?.duePk && a?.dueAt === b?.dueAt;

/** Writes, or returns false when someone changed the registration (or its messages exist) since it was read. */
async function writeUnlessChanged(ports: RegistrationPorts, change: RegistrationWrite, now: Date): Promise<boolean> {
  try {
    await ports.registrations.write(change, now);
    return true;
  } catch (error) {
    if (error instanceof RegistrationWriteConflict) return false;
    throw error;
  }
}

/**
 * One status job (`stop-dates`, `evaluation-removals`): `rule` gives the registration on `today`. A
 * status change counts as a change; an item whose entry only moves is rewritten without counting.
 */
export function runRegistrationJob(
  ports: RegistrationPorts,
  job: RegistrationJob,
  now: Date,
  rule: (reg: Registration, today: string) => Registration,
): Promise<JobResult> {
  const today = brusselsDate(now.toISOString());
  return runDuePages(job, ports.registrations.due(job, now), async (stored: StoredRegistration) => {
    const updated = rule(stored.registration, today);
    const statusChanged = updated.status !== stored.registration.status;
    if (!statusChanged && sameEntry(nextRegistrationDue(updated), nextRegistrationDue(stored.registration))) return false;
    return (await writeUnlessChanged(ports, { registration: updated, expected: stored }, now)) && statusChanged;
  });
}

/** The deterministic outbox id of the overdue mail: one per registration per due date (R-BO-5). */
export const evaluationOverdueMailId = (odbNumber: string, evaluationDue: string) => `evaluation-overdue:${odbNumber}:${evaluationDue}`;

/**
 * R-BO-5 (daily, `evaluation-overdue`): a registration whose annual evaluation is overdue (from the day
 * after its due date, shared/registrations/due.ts) gets, in ONE transaction: its reminder ended (the
 * marker: the due entry goes, `mailedAt` stays), the mail to the organisation's general contact in the
 * outbox (R-ORG-2: `generalContactOf` — the general contact, else the dossier contact, as the yearly
 * contact check picks it) and an entry in its dossier's history (R-BO-6). Once per registration per due
 * date: the completion is conditional on the entry read and the outbox id is deterministic, so a second
 * run, a concurrent run or a run after a crash mid-way sends nothing more. A reminder whose registration
 * was evaluated, stopped, replaced or removed meanwhile ends without a mail.
 */
export function remindOverdueEvaluations(ports: RegistrationPorts, now: Date): Promise<JobResult> {
  const today = brusselsDate(now.toISOString());
  return runDuePages(EVALUATION_OVERDUE_JOB, ports.registrations.dueReminders(now), async (reminder: EvaluationReminder) => {
    const complete = async (outbox: OutboxEntry[], history: ReminderCompletion['history']) => {
      try {
        await ports.registrations.completeReminder({ reminder, outbox, history }, now);
        return true;
      } catch (error) {
        if (error instanceof RegistrationWriteConflict) return false;
        throw error;
      }
    };
    const stored = await ports.registrations.get(reminder.odbNumber);
    if (!stored || !isEvaluationOverdue(stored.registration, reminder.evaluationDue, today)) {
      await complete([], []);
      return false;
    }
    const reg = stored.registration;
    const org = await ports.organisations.get(reg.provider.kbo);
    // An organisation that cannot be read cannot be told; logged without personal data, recorded in the history.
    if (!org) logger.error('evaluation-overdue: organisation not found, no mail', { odbNumber: reg.odbNumber });
    const outbox: OutboxEntry[] = org
      ? [{
        id: evaluationOverdueMailId(reg.odbNumber, reg.evaluationDue),
        message: {
          kind: 'mail',
          mail: evaluationOverdueMail({ to: generalContactOf(org).email, organisationName: org.name, title: reg.title, odbNumber: reg.odbNumber, evaluationDue: reg.evaluationDue }),
        },
      }]
      : [];
    return complete(outbox, [{
      applicationId: reg.applicationId,
      entry: {
        at: now.toISOString(),
        actor: systemActor(EVALUATION_OVERDUE_JOB),
        event: 'evaluation-overdue',
        reason: `Jaarlijkse evaluatie voorzien op ${dutchDate(reg.evaluationDue)} nog niet afgerond; ${org ? 'het algemeen contact kreeg een herinnering' : 'geen organisatie gevonden om te verwittigen'}.`,
      },
      n: `evaluation-overdue-${reg.evaluationDue}`,
    }]);
  });
}
