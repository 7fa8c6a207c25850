import { conflict, notFound } from '../../shared/http/problem';
import { toOrganisationResponse, type QualityRegistrationBody } from '../../shared/organisations/organisation';
import { decisionDeadlineEntry } from '../applications/due';
import { allApplicationsOfOrg, getApplication, transitionApplication } from '../applications/repository';
import { withVersionRetry } from '../applications/use-cases';
import { getOrganisation, OrganisationVersionConflict, saveOrganisation, type StoredOrganisation } from '../organisations/repository';
import type { ActorId, BackofficeConfig } from './context';

async function saveQualityRegistration(table: string, kbo: string, body: QualityRegistrationBody, now: Date): Promise<StoredOrganisation> {
  for (let attempt = 1; ; attempt++) {
    const org = await getOrganisation(table, kbo);
    if (!org) throw notFound('Deze organisatie heeft nog geen gegevens ingevuld.');
    const { version, ...rest } = org;
    try {
      return await saveOrganisation(table, {
        ...rest,
        qualityRegistration: { registered: body.registered, since: body.registered ? body.since : null },
        updatedAt: now.toISOString(),
      }, version);
    } catch (error) {
      if (!(error instanceof OrganisationVersionConflict)) throw error;
      if (attempt >= 3) throw conflict('De organisatiegegevens werden tegelijk gewijzigd. Probeer het opnieuw.');
    }
  }
}

/**
 * R-ORG-3: records the quality registration (version-checked) and moves every application of the
 * organisation that waited for it on to `screening` (event `quality-registered`, in each dossier's
 * history, R-BO-6); their 3-month decision period starts now (R-BO-2). Repeating the request moves
 * whatever is still waiting, so an interrupted run is completed by the next.
 */
export async function recordQualityRegistration(config: BackofficeConfig, kbo: string, body: QualityRegistrationBody, now: Date, actorId: ActorId) {
  const saved = await saveQualityRegistration(config.table, kbo, body, now);
  const moved: string[] = [];
  if (saved.qualityRegistration.registered) {
    const waiting = (await allApplicationsOfOrg(config.table, kbo)).filter((app) => app.status === 'waiting-for-quality-registration');
    for (const candidate of waiting) {
      const done = await withVersionRetry(async () => {
        const app = await getApplication(config.table, candidate.id);
        if (!app || app.status !== 'waiting-for-quality-registration') return false;
        const { deadlines, due } = decisionDeadlineEntry(now.toISOString());
        await transitionApplication(config.table, {
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
