import { decisionDeadlineEntry } from '../../shared/applications/due';
import { retryOnConflict } from '../../shared/concurrency/retry';
import { notFound } from '../../shared/http/problem';
import { toOrganisationResponse, type QualityRegistrationBody } from '../../shared/organisations/organisation';
import type { StoredApplication } from '../applications/store';
import { withVersionRetry } from '../applications/use-cases';
import { OrganisationVersionConflict, type StoredOrganisation } from '../organisations/store';
import type { ActorId } from './context';
import type { BackofficePorts } from './ports';

/** Records the quality registration on the organisation (version-checked; retried from a fresh read on a concurrent change). */
function saveQualityRegistration(ports: Pick<BackofficePorts, 'organisations'>, kbo: string, body: QualityRegistrationBody, now: Date): Promise<StoredOrganisation> {
  return retryOnConflict(async () => {
    const org = await ports.organisations.get(kbo);
    if (!org) throw notFound('Deze organisatie heeft nog geen gegevens ingevuld.');
    const { version, ...rest } = org;
    return ports.organisations.save({
      ...rest,
      qualityRegistration: { registered: body.registered, since: body.registered ? body.since : null },
      updatedAt: now.toISOString(),
    }, version);
  }, (error) => error instanceof OrganisationVersionConflict, 'De organisatiegegevens werden tegelijk gewijzigd. Probeer het opnieuw.');
}

/** Every application of the organisation waiting for its quality registration (all pages of its list). */
async function waitingApplications(ports: Pick<BackofficePorts, 'applications'>, kbo: string): Promise<StoredApplication[]> {
  const waiting: StoredApplication[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.applications.listByOrg(kbo, { status: 'waiting-for-quality-registration', limit: 200, ...(cursor ? { cursor } : {}) });
    if (!page) break;
    waiting.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return waiting;
}

/**
 * R-ORG-3: records the quality registration (version-checked) and moves every application of the
 * organisation that waited for it on to `screening` (event `quality-registered`, in each dossier's
 * history, R-BO-6); their 3-month decision period starts now (R-BO-2). Repeating the request moves
 * whatever is still waiting, so an interrupted run is completed by the next.
 */
export async function recordQualityRegistration(ports: BackofficePorts, kbo: string, body: QualityRegistrationBody, now: Date, actorId: ActorId) {
  const saved = await saveQualityRegistration(ports, kbo, body, now);
  const moved: string[] = [];
  if (saved.qualityRegistration.registered) {
    for (const candidate of await waitingApplications(ports, kbo)) {
      const done = await withVersionRetry(async () => {
        const app = await ports.applications.get(candidate.id);
        if (!app || app.status !== 'waiting-for-quality-registration') return false;
        const { deadlines, due } = decisionDeadlineEntry(now.toISOString());
        await ports.applications.transition({
          application: app, event: 'quality-registered', actor: 'backoffice', actorId, now, changes: { deadlines }, due,
          reason: `Kwaliteitsregistratie sinds ${saved.qualityRegistration.since ?? ''}`,
        });
        return true;
      });
      if (done) moved.push(candidate.id);
    }
  }
  return { ...toOrganisationResponse(saved), applicationsMovedToScreening: moved };
}
