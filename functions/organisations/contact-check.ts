import { CONTACT_CHECK_JOB, contactCheckDue } from '../../shared/organisations/contact-check';
import { generalContactOf } from '../../shared/organisations/organisation';
import { runDuePages } from '../jobs/due-loop';
import type { JobResult } from '../jobs/job-event';
import { contactCheckMail } from '../mail/templates/contact-check';
import type { ContactCheckStore, DueContactCheck } from './contact-check-store';

/** The deterministic outbox id of a contact-check mail: one per organisation per due entry. */
export const contactCheckMailId = (kbo: string, dueAt: string) => `contact-check:${kbo}:${dueAt}`;

/**
 * R-REG-4 (daily; each organisation once a year): organisations whose `contact-check` entry in the
 * due index has come — a year after their contact details were last confirmed (a profile update
 * confirms) or last asked for — get a mail asking to confirm them (and, R-REG-3, to review their
 * registered offer). In one transaction with the mail, the organisation's `contactCheckRequestedAt` is
 * set and its entry moves a year on; the write is conditional on the entry it read, so a second run (or
 * a profile update in between) sends nothing more.
 */
export function askContactConfirmations(ports: { contactChecks: ContactCheckStore }, now: Date): Promise<JobResult> {
  const requestedAt = now.toISOString();
  return runDuePages(CONTACT_CHECK_JOB, ports.contactChecks.due(now), async (check: DueContactCheck) => {
    const org = check.organisation;
    const next = contactCheckDue({ contactConfirmedAt: org.contactConfirmedAt, contactCheckRequestedAt: requestedAt });
    const mail = {
      id: contactCheckMailId(org.kbo, check.dueAt),
      message: {
        kind: 'mail' as const,
        // R-REG-4, R-ORG-2: the yearly check goes to the general contact
        mail: contactCheckMail({ to: generalContactOf(org).email, organisationName: org.name, kbo: org.kbo, contact: org.contact }),
      },
    };
    return (await ports.contactChecks.recordRequest(check, next?.dueAt ?? requestedAt, mail, now)) === 'recorded';
  });
}
