import { isKnownDecisionBody, type ForwardBody } from '../../shared/applications/backoffice-bodies';
import { validationFailed } from '../../shared/http/problem';
import { REFERENCE_DATA } from '../../shared/reference/reference-data';
import { withVersionRetry } from '../applications/use-cases';
import { loadApplication, type ActorId } from './context';
import type { BackofficePorts } from './ports';
import { view } from './view';

/** R-DEC-2: the back office forwards to the VOC or a joint committee of the reference list, optionally with a negative advice. */
export async function forwardApplication(ports: BackofficePorts, id: string, body: ForwardBody, now: Date, actorId: ActorId) {
  if (!isKnownDecisionBody(body.to, REFERENCE_DATA)) {
    throw validationFailed([{
      path: 'to', code: 'R-DEC-2',
      message: `"${body.to}" is geen paritair comité uit de lijst. Kies "VOC" of een van: ${REFERENCE_DATA.jointCommittees.map((c) => c.code).join(', ')}.`,
    }]);
  }
  return withVersionRetry(async () => {
    const app = await loadApplication(ports, id);
    const updated = await ports.applications.transition({
      application: app, event: 'forward', actor: 'backoffice', actorId, now,
      reason: `Doorgestuurd naar ${body.to}${body.advice === 'negative' ? ', met negatief advies' : ''}`, // back office only
      changes: { forwarding: { to: body.to, advice: body.advice, at: now.toISOString(), by: 'backoffice' } },
      due: null,
    });
    return view(ports, updated, now);
  });
}
