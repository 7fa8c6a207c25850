import { AMENDABLE_STATUSES, describeChanges, type AmendmentBody } from '../../shared/applications/amendment';
import { checkApplication } from '../../shared/applications/admissibility';
import { STATUS_LABELS } from '../../shared/applications/state-machine';
import { conflict, validationFailed } from '../../shared/http/problem';
import { checkContextFor } from '../../shared/applications/check-inputs';
import { brusselsDate } from '../../shared/time/calendar';
import { loadForCheck, withVersionRetry } from '../applications/use-cases';
import { applicationAmendedMail } from '../mail/templates/application-amended';
import { amendmentMailId, loadApplication, type ActorId } from './context';
import type { BackofficePorts } from './ports';
import { view } from './view';

/**
 * PATCH /v1/backoffice/applications/{id} (R-BO-7): amends a submitted dossier until the decision.
 * The result is checked with the same rules as a submit (`checkApplication`): any error — missing
 * field, R-APP-*, inadmissibility — refuses the whole amendment with every problem at once, and
 * nothing is written. Otherwise the application, its history entry (R-BO-6, with the reason) and the
 * mail to the contact with what changed are one transaction.
 */
export async function amendApplication(ports: BackofficePorts, id: string, body: AmendmentBody, now: Date, actorId: ActorId) {
  return withVersionRetry(async () => {
    const app = await loadApplication(ports, id);
    if (!AMENDABLE_STATUSES.includes(app.status)) {
      throw conflict(`Een aanvraag met status '${STATUS_LABELS[app.status]}' kan niet meer gewijzigd worden; wijzigen kan tot de beslissing.`, { allowed: [] });
    }
    const { organisation: org, inputs } = await loadForCheck(ports, app.orgKbo, id); // the same inputs a submit checks with
    const amended = { ...app, ...body.changes };
    const errors = checkApplication(amended, checkContextFor(amended, inputs, brusselsDate(now))).filter((finding) => finding.severity === 'error');
    if (errors.length > 0) {
      throw validationFailed(errors.map((e) => ({ ...e, path: `changes.${e.path}` })), 'De wijziging kan niet: het dossier voldoet dan niet meer aan de regels. Zie de lijst met problemen.');
    }
    const changes = describeChanges(app, body.changes);
    if (changes.length === 0) return view(ports, app, now, org);
    const updated = await ports.applications.change({
      application: app, event: 'amend', actorId, now, changes: body.changes,
      reason: `${body.reason} (${changes.join('; ')})`,
      ...(org ? {
        mail: {
          outboxId: amendmentMailId(app.id, app.version + 1),
          mail: applicationAmendedMail({
            to: org.contact.email, organisationName: org.name, applicationId: app.id, title: amended.title ?? '',
            ownReference: amended.ownReference ?? '', changes, reason: body.reason,
          }),
        },
      } : {}),
    });
    return view(ports, updated, now, org);
  });
}
