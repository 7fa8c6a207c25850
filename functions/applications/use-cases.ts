import { checkApplication } from '../../shared/applications/admissibility';
import type { Application, ApplicationBody } from '../../shared/applications/application';
import { checkContextFor, type CheckInputs } from '../../shared/applications/check-inputs';
import { claimsOf, type ClaimState } from '../../shared/applications/claims';
import { ensureDraft } from '../../shared/applications/draft';
import type { ApplicationStatus } from '../../shared/applications/state-machine';
import { isInadmissible, submitOutcome } from '../../shared/applications/submission';
import { retryOnConflict } from '../../shared/concurrency/retry';
import { notFound, validationFailed, type RuleFinding } from '../../shared/http/problem';
import { brusselsDate } from '../../shared/time/calendar';
import type { StoredOrganisation } from '../organisations/store';
import type { ProviderPorts } from './ports';
import { providerDossier } from '../../shared/applications/provider-view';
import { providerHistory } from '../../shared/applications/history';
import { ApplicationVersionConflict, type ApplicationStore, type StoredApplication } from './store';

export { ensureDraft } from '../../shared/applications/draft';

/*
 * The provider's application use cases (R-SUB-1, R-APP-*, R-CMP-*): each takes its ports (stores,
 * registration lookup, id source) and `now`; no SDK in here. The Lambda entry (functions/api/
 * provider.ts) wires the DynamoDB/S3 adapters (wiring.ts); unit tests wire the in-memory fakes.
 */

/** Runs a read-modify-write again from a fresh read when the application changed in between. */
export async function withVersionRetry<T>(work: () => Promise<T>): Promise<T> {
  return retryOnConflict(work, (error) => error instanceof ApplicationVersionConflict, 'De aanvraag werd tegelijk gewijzigd. Probeer het opnieuw.');
}

/** What a provider sees of an application (internal process fields stay inside). */
export function toApplicationResponse(app: StoredApplication) {
  const {
    orgKbo: _orgKbo, duePk: _duePk, dueAt: _dueAt, questions: _questions, forwarding: _forwarding,
    decision: _decision, odbNumbers: _odbNumbers, referenceVersion: _referenceVersion, organisationName: _organisationName, ...visible
  } = app;
  return { ...visible, ...providerDossier(app) }; // what the provider may see of its dossier (issue 11)
}

/** One application of this organisation; another's is a 404 (never a 403: ids are not probed). */
export async function loadOwn(applications: Pick<ApplicationStore, 'get'>, kbo: string, id: string): Promise<StoredApplication> {
  const app = await applications.get(id);
  if (!app || app.orgKbo !== kbo) throw notFound('Deze aanvraag bestaat niet of hoort niet bij uw organisatie.');
  return app;
}

export async function createDraft(ports: ProviderPorts, kbo: string, body: ApplicationBody, now: Date) {
  const at = now.toISOString();
  const app: Application = {
    ...body,
    id: ports.newId(),
    orgKbo: kbo,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    referenceVersion: null,
    documents: [],
    problems: [],
    questions: [],
    deadlines: null,
    forwarding: null,
    decision: null,
    odbNumbers: null,
  };
  return toApplicationResponse(await ports.applications.create(app));
}

export async function readApplication(ports: ProviderPorts, kbo: string, id: string) {
  const app = await loadOwn(ports.applications, kbo, id);
  return { ...toApplicationResponse(app), history: providerHistory((await ports.history?.list(id)) ?? []) };
}

export async function listOwnApplications(
  ports: ProviderPorts,
  kbo: string,
  query: { status?: ApplicationStatus | undefined; limit?: number | undefined; cursor?: string | undefined },
) {
  const page = await ports.applications.listByOrg(kbo, {
    ...(query.status ? { status: query.status } : {}),
    limit: query.limit ? Number(query.limit) : 50,
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  });
  if (!page) {
    throw validationFailed([{ path: 'query.cursor', code: 'invalid_cursor', message: 'Deze cursor is ongeldig. Begin opnieuw bij de eerste pagina.' }]);
  }
  return { items: page.items.map(toApplicationResponse), nextCursor: page.nextCursor };
}

/** Replace a draft (R-SUB-1: only while draft): the body replaces every field; documents and process fields are kept. */
export async function replaceDraft(ports: ProviderPorts, kbo: string, id: string, body: ApplicationBody, now: Date) {
  return withVersionRetry(async () => {
    const app = await loadOwn(ports.applications, kbo, id);
    ensureDraft(app, 'gewijzigd');
    const next: Application = {
      ...body,
      id: app.id, orgKbo: app.orgKbo, status: app.status, createdAt: app.createdAt, updatedAt: now.toISOString(),
      submittedAt: app.submittedAt, referenceVersion: app.referenceVersion, documents: app.documents, problems: app.problems,
      questions: app.questions, deadlines: app.deadlines, forwarding: app.forwarding, decision: app.decision, odbNumbers: app.odbNumbers,
    };
    return toApplicationResponse(await ports.applications.put(next, app.version, { previous: app }));
  });
}

/** R-SUB-1: cancel discards a draft (state machine event `cancel`). */
export async function cancelDraft(ports: ProviderPorts, kbo: string, id: string, now: Date) {
  return withVersionRetry(async () => {
    const app = await loadOwn(ports.applications, kbo, id);
    if (app.status === 'cancelled') return toApplicationResponse(app); // a repeated DELETE changes nothing
    ensureDraft(app, 'geannuleerd');
    return toApplicationResponse(await ports.applications.transition({ application: app, event: 'cancel', actor: 'provider', now, due: null }));
  });
}

/** Who holds the application's claims (own references, language), and their statuses: O(size of the application). */
async function claimStateOf(applications: Pick<ApplicationStore, 'claimHolders' | 'statuses'>, app: Application): Promise<ClaimState> {
  const holders = await applications.claimHolders(app.orgKbo, claimsOf(app));
  const others = [...holders.values()].filter((holder) => holder !== app.id);
  const holderStatuses = others.length === 0 ? new Map<string, ApplicationStatus>() : await applications.statuses(others);
  return { holders, holderStatuses };
}

/**
 * Everything a check needs, each read independent of the size of the portfolio: the application
 * (404 when not the organisation's), the organisation, the holders of its own references and
 * language (claims), and the registration it replaces (R-REG-2).
 */
export async function loadForCheck(
  ports: Pick<ProviderPorts, 'organisations' | 'registrations'> & { applications: Pick<ApplicationStore, 'get' | 'claimHolders' | 'statuses'> },
  kbo: string,
  id: string,
): Promise<{ app: StoredApplication; organisation: StoredOrganisation | null; inputs: CheckInputs }> {
  const app = await loadOwn(ports.applications, kbo, id);
  const replaces = app.replacesOdbNumber ?? null;
  const [organisation, claims, replacedRegistration] = await Promise.all([
    ports.organisations.get(kbo),
    claimStateOf(ports.applications, app),
    replaces === null ? Promise.resolve(undefined) : ports.registrations.find(replaces),
  ]);
  return {
    app,
    organisation,
    inputs: { organisation, claims, ...(replacedRegistration === undefined ? {} : { replacedRegistration }) },
  };
}

export interface CheckReport {
  id: string;
  status: ApplicationStatus;
  complete: boolean;
  admissible: boolean;
  outcome: 'refused' | 'inadmissible' | 'accepted';
  problems: RuleFinding[];
}

/** POST …/check: every finding at once, and what a submit would do now. Writes nothing. */
export async function checkOwnApplication(ports: ProviderPorts, kbo: string, id: string, now: Date): Promise<CheckReport> {
  const { app, organisation, inputs } = await loadForCheck(ports, kbo, id);
  const problems = checkApplication(app, checkContextFor(app, inputs, brusselsDate(now.toISOString())));
  const outcome = submitOutcome(problems, organisation?.qualityRegistration.registered ?? false);
  return {
    id: app.id,
    status: app.status,
    complete: outcome.outcome !== 'refused',
    admissible: !isInadmissible(problems),
    outcome: outcome.outcome,
    problems,
  };
}
