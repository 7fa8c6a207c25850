import { checkApplication } from '../../shared/applications/admissibility';
import { checkContextFor } from '../../shared/applications/check-inputs';
import { claimWritesFor } from '../../shared/applications/claims';
import { brusselsDate } from '../../shared/time/calendar';
import { transition } from '../../shared/applications/state-machine';
import { submitOutcome } from '../../shared/applications/submission';
import { ProblemError, type ProblemDocument, type RuleFinding } from '../../shared/http/problem';
import { REFERENCE_VERSION } from '../../shared/reference/version';
import { applicationInadmissibleMail } from '../mail/templates/application-inadmissible';
import { applicationSubmittedMail } from '../mail/templates/application-submitted';
import { decisionDeadlineEntry } from '../../shared/applications/due';
import type { ProviderPorts } from './ports';
import { loadForCheck, toApplicationResponse, withVersionRetry } from './use-cases';

/** A refused submit (incomplete or to be corrected): 409 listing every problem; the application stays a draft. */
export class SubmissionRefused extends ProblemError {
  readonly problems: RuleFinding[];

  constructor(problems: RuleFinding[]) {
    const blocking = problems.filter((p) => p.severity === 'error').length;
    super(
      409,
      'application-incomplete',
      'Aanvraag nog niet klaar om in te dienen',
      `De aanvraag kan nog niet ingediend worden: ${blocking === 1 ? 'er is 1 probleem' : `er zijn ${blocking} problemen`} om op te lossen. Ze blijft een ontwerp; pas ze aan en dien opnieuw in.`,
      { errors: problems },
    );
    this.problems = problems;
  }

  override toDocument(instance?: string): ProblemDocument {
    return Object.assign(super.toDocument(instance), { problems: this.problems });
  }
}

/** Outbox id of the one mail a submit sends: deterministic, so no cause can send it twice. */
export const submittedOutboxId = (applicationId: string) => `application-submitted:${applicationId}`;

/**
 * R-SUB-1: submit. Runs the same check as POST …/check; then
 * - correctable problems → `SubmissionRefused` (409), nothing written;
 * - R-APP-5 / R-CMP-3 → `inadmissible`, reasons stored and mailed;
 * - otherwise `screening`, or `waiting-for-quality-registration` (R-ORG-3), with the decision
 *   deadlines and the due-index entry of the `decision-deadlines` job (R-BO-2), and the confirmation mail.
 * State change, mail and the claims of its own references and language are one transaction (outbox;
 * uniqueness by conditional write): of two parallel submits with the same own reference exactly one
 * passes, the other starts again from a fresh read and is refused. Submitting an application that was
 * already submitted returns its current state and sends nothing.
 */
export async function submitOwnApplication(ports: ProviderPorts, kbo: string, id: string, now: Date, actorId?: string) {
  return withVersionRetry(async () => {
    const { app, organisation, inputs } = await loadForCheck(ports, kbo, id);
    if (app.status !== 'draft') {
      if (app.submittedAt !== null) return toApplicationResponse(app);
      transition(app.status, 'submit', 'provider'); // throws the 409 explaining why (e.g. cancelled)
    }
    const findings = checkApplication(app, checkContextFor(app, inputs, brusselsDate(now.toISOString())));
    const outcome = submitOutcome(findings, organisation?.qualityRegistration.registered ?? false);
    if (outcome.outcome === 'refused' || organisation === null) throw new SubmissionRefused(findings);

    const submittedAt = now.toISOString();
    const common = {
      to: organisation.contact.email,
      organisationName: organisation.name,
      kbo,
      applicationId: app.id,
      title: app.title ?? '',
      ownReference: app.ownReference ?? '',
      submittedOn: brusselsDate(submittedAt),
    };
    if (outcome.outcome === 'inadmissible') {
      // inadmissible is a released status: it takes no claims
      const submitted = await ports.applications.transition({
        application: app, event: outcome.event, actor: 'provider', now, ...(actorId ? { actorId } : {}), // R-BO-6: who
        changes: { submittedAt, referenceVersion: REFERENCE_VERSION, problems: [...outcome.reasons, ...outcome.warnings], organisationName: organisation.name },
        mail: { outboxId: submittedOutboxId(app.id), mail: applicationInadmissibleMail({ ...common, reasons: outcome.reasons }) },
        due: null,
      });
      return toApplicationResponse(submitted);
    }
    // R-ORG-3: waiting for the quality registration is not on the decision clock (it starts when recorded).
    const { deadlines, due } = outcome.event === 'submit-pending-quality-registration' ? { deadlines: null, due: null } : decisionDeadlineEntry(submittedAt);
    const submitted = await ports.applications.transition({
      application: app, event: outcome.event, actor: 'provider', now, ...(actorId ? { actorId } : {}),
      changes: { submittedAt, referenceVersion: REFERENCE_VERSION, problems: outcome.warnings, deadlines, organisationName: organisation.name }, // the name the worklist finds it by
      claims: claimWritesFor(app, inputs.claims),
      mail: {
        outboxId: submittedOutboxId(app.id),
        mail: applicationSubmittedMail({
          ...common,
          waitingForQualityRegistration: outcome.event === 'submit-pending-quality-registration',
          warnings: outcome.warnings.map((w) => w.message),
        }),
      },
      due,
    });
    return toApplicationResponse(submitted);
  });
}
