import { providerDossier } from '../../shared/applications/provider-view';
import { allowedEvents } from '../../shared/applications/state-machine';
import { proposedSeriesFor } from '../../shared/registrations/odb-number';
import type { StoredApplication } from '../applications/store';
import type { StoredOrganisation } from '../organisations/store';
import { DOWNLOAD_LINK_SECONDS } from './ports';
import type { BackofficePorts } from './ports';

type ViewPorts = Pick<BackofficePorts, 'links' | 'history' | 'organisations'>;

async function documentLinks(ports: ViewPorts, app: StoredApplication, now: Date) {
  const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
  return Promise.all(app.documents.map(async (document) => (document.status === 'uploaded'
    ? { ...document, downloadUrl: await ports.links(app.id, document), downloadExpiresAt: expiresAt }
    : { ...document, downloadUrl: null, downloadExpiresAt: null })));
}

/** Everything the back office sees of an application: documents as short-lived links, the full history (R-BO-6). */
export async function toBackofficeView(ports: ViewPorts, app: StoredApplication, org: StoredOrganisation | null, now: Date) {
  const { duePk, dueAt, ...rest } = app;
  const [documents, history] = await Promise.all([documentLinks(ports, app, now), ports.history.list(app.id)]);
  return {
    ...rest,
    steps: providerDossier(app).steps,
    documents,
    history,
    allowedEvents: allowedEvents(app.status, 'backoffice'),
    due: duePk && dueAt ? { job: duePk, at: dueAt } : null,
    // R-CHQ-4, R-BO-4: the provider's proposal (the kind only suggests the series) beside what was granted.
    grant: {
      proposed: { chequeCategory: app.chequeCategory ?? null, series: org ? proposedSeriesFor(org.kind) : null },
      granted: app.decision?.outcome === 'approved' ? { chequeCategory: app.decision.chequeCategory ?? null, series: app.decision.series ?? null } : null,
    },
    organisation: org
      ? { kbo: org.kbo, name: org.name, kind: org.kind, contact: org.contact, qualityRegistration: org.qualityRegistration }
      : null,
  };
}

export async function view(ports: ViewPorts, app: StoredApplication, now: Date, org?: StoredOrganisation | null) {
  return toBackofficeView(ports, app, org === undefined ? await ports.organisations.get(app.orgKbo) : org, now);
}
