import type { Decision } from '../../shared/applications/application';
import type { DecisionRequest } from '../../shared/applications/backoffice-bodies';
import { transition } from '../../shared/applications/state-machine';
import { conflict } from '../../shared/http/problem';
import { withVersionRetry } from '../applications/use-cases';
import { decisionRejectedMail } from '../mail/templates/decision-rejected';
import { loadApplication, rejectionMailId, type ActorId } from './context';
import type { BackofficePorts } from './ports';
import { view } from './view';

/**
 * R-BO-3, R-BO-4, R-CHQ-4: records the decision body's outcome. Approval registers the training with
 * the GRANTED cheque category and series (ODB numbers allocated at most once per application,
 * `registerApprovedApplication`) in the SAME transaction as the status change and its history entry;
 * rejection mails the reason. The same decision again returns the current state and allocates
 * nothing (a replay, or a concurrent duplicate that lost).
 */
export async function decideApplication(ports: BackofficePorts, id: string, body: DecisionRequest, now: Date, actorId: ActorId) {
  return withVersionRetry(async () => {
    const app = await loadApplication(ports, id);
    if (app.decision && app.decision.outcome === body.outcome && app.status === body.outcome) return view(ports, app, now);
    const event = body.outcome === 'approved' ? 'approve' : 'reject';
    transition(app.status, event, 'backoffice'); // refuse before allocating anything
    const org = await ports.organisations.get(app.orgKbo);
    const decision: Decision = {
      outcome: body.outcome, validFrom: body.validFrom ?? null, reason: body.reason?.trim() || null, decidedAt: now.toISOString(),
      ...(body.outcome === 'approved' ? { chequeCategory: body.chequeCategory ?? null, series: body.series ?? null } : {}),
    };
    const common = { application: app, event, actor: 'backoffice', actorId, reason: decision.reason, now, due: null } as const;

    if (body.outcome === 'rejected') {
      const updated = await ports.applications.transition({
        ...common, changes: { decision },
        ...(org ? {
          mail: {
            outboxId: rejectionMailId(app.id),
            mail: decisionRejectedMail({
              to: org.contact.email, organisationName: org.name, applicationId: app.id, title: app.title ?? '',
              ownReference: app.ownReference ?? '', reason: decision.reason ?? '',
            }),
          },
        } : {}),
      });
      return view(ports, updated, now, org);
    }

    if (!org) throw conflict('De organisatie van deze aanvraag heeft geen gegevens; registreren is niet mogelijk.');
    if (!body.chequeCategory || !body.validFrom) throw new Error('decisionRequestSchema lets no approval without validFrom and chequeCategory through');
    const prepared = await ports.approvals.prepare({
      application: app, organisation: org, validFrom: body.validFrom, grant: { chequeCategory: body.chequeCategory, series: body.series ?? null }, now,
    });
    const updated = await ports.applications.transition({
      ...common,
      changes: { decision, odbNumbers: prepared.numbers },
      extraItems: prepared.extraItems, // registration, replaced registration (R-REG-2), mail with the numbers
    });
    return view(ports, updated, now, org);
  });
}
