import { randomUUID } from 'node:crypto';
import { checkApplication, type CheckContext } from '../../shared/applications/admissibility';
import type { Application, ApplicationBody } from '../../shared/applications/application';
import { brusselsDate } from '../../shared/time/calendar';
import { STATUS_LABELS, type ApplicationStatus } from '../../shared/applications/state-machine';
import { isInadmissible, submitOutcome } from '../../shared/applications/submission';
import { conflict, notFound, validationFailed, type RuleFinding } from '../../shared/http/problem';
import { REFERENCE_DATA } from '../../shared/reference/reference-data';
import { getOrganisation, type StoredOrganisation } from '../organisations/repository';
import {
  allApplicationsOfOrg,
  ApplicationVersionConflict,
  createApplication,
  decodeCursor,
  getApplicationOfOrg,
  listApplicationsByOrg,
  putApplication,
  transitionApplication,
  type StoredApplication,
} from './repository';

export interface ApplicationsConfig {
  table: string;
  bucket: string;
}

const ATTEMPTS = 3;

/** Runs a read-modify-write again from a fresh read when the application changed in between. */
export async function withVersionRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ApplicationVersionConflict)) throw error;
      if (attempt >= ATTEMPTS) throw conflict('De aanvraag werd tegelijk gewijzigd. Probeer het opnieuw.');
    }
  }
}

/** What a provider sees of an application (internal process fields stay inside). */
export function toApplicationResponse(app: StoredApplication) {
  const {
    orgKbo: _orgKbo, duePk: _duePk, dueAt: _dueAt, questions: _questions, forwarding: _forwarding,
    decision: _decision, odbNumbers: _odbNumbers, referenceVersion: _referenceVersion, ...visible
  } = app;
  return visible;
}

export async function loadOwnApplication(config: ApplicationsConfig, kbo: string, id: string): Promise<StoredApplication> {
  const app = await getApplicationOfOrg(config.table, id, kbo);
  if (!app) throw notFound('Deze aanvraag bestaat niet of hoort niet bij uw organisatie.');
  return app;
}

/** R-SUB-1: after submitting the provider can no longer change the application. */
export function ensureDraft(app: Application, action: string): void {
  if (app.status === 'draft') return;
  const message = app.status === 'cancelled'
    ? `Deze aanvraag is geannuleerd en kan niet meer ${action} worden.`
    : `Deze aanvraag is al ingediend (status '${STATUS_LABELS[app.status]}') en kan niet meer ${action} worden (R-SUB-1). Dien voor een gewijzigde opleiding een nieuwe aanvraag in.`;
  throw conflict(message, { errors: [{ path: '', code: 'R-SUB-1', message }] });
}

export async function createDraft(config: ApplicationsConfig, kbo: string, body: ApplicationBody, now: Date) {
  const at = now.toISOString();
  const app: Application = {
    ...body,
    id: randomUUID(),
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
  return toApplicationResponse(await createApplication(config.table, app));
}

export async function readApplication(config: ApplicationsConfig, kbo: string, id: string) {
  return toApplicationResponse(await loadOwnApplication(config, kbo, id));
}

export async function listOwnApplications(
  config: ApplicationsConfig,
  kbo: string,
  query: { status?: ApplicationStatus | undefined; limit?: string | undefined; cursor?: string | undefined },
) {
  const startKey = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && (!startKey || startKey.gsi1pk !== `ORG#${kbo}#APPS`)) {
    throw validationFailed([{ path: 'query.cursor', code: 'invalid_cursor', message: 'Deze cursor is ongeldig. Begin opnieuw bij de eerste pagina.' }]);
  }
  const page = await listApplicationsByOrg(config.table, kbo, {
    ...(query.status ? { status: query.status } : {}),
    limit: query.limit ? Number(query.limit) : 50,
    ...(startKey ? { startKey } : {}),
  });
  return { items: page.items.map(toApplicationResponse), nextCursor: page.nextCursor };
}

/** Replace a draft (R-SUB-1: only while draft): the body replaces every field; documents and process fields are kept. */
export async function replaceDraft(config: ApplicationsConfig, kbo: string, id: string, body: ApplicationBody, now: Date) {
  return withVersionRetry(async () => {
    const app = await loadOwnApplication(config, kbo, id);
    ensureDraft(app, 'gewijzigd');
    const next: Application = {
      ...body,
      id: app.id, orgKbo: app.orgKbo, status: app.status, createdAt: app.createdAt, updatedAt: now.toISOString(),
      submittedAt: app.submittedAt, referenceVersion: app.referenceVersion, documents: app.documents, problems: app.problems,
      questions: app.questions, deadlines: app.deadlines, forwarding: app.forwarding, decision: app.decision, odbNumbers: app.odbNumbers,
    };
    return toApplicationResponse(await putApplication(config.table, next, app.version, { previous: app }));
  });
}

/** R-SUB-1: cancel discards a draft (state machine event `cancel`). */
export async function cancelDraft(config: ApplicationsConfig, kbo: string, id: string, now: Date) {
  return withVersionRetry(async () => {
    const app = await loadOwnApplication(config, kbo, id);
    if (app.status === 'cancelled') return toApplicationResponse(app); // a repeated DELETE changes nothing
    ensureDraft(app, 'geannuleerd');
    const cancelled = await transitionApplication(config.table, { application: app, event: 'cancel', actor: 'provider', now, due: null });
    return toApplicationResponse(cancelled);
  });
}

/** Statuses whose own references no longer count as "in use". */
const RELEASED: readonly ApplicationStatus[] = ['draft', 'cancelled', 'inadmissible', 'rejected'];

/**
 * Everything a check needs, read in parallel: the application (404 when not the organisation's),
 * the organisation, and the organisation's applications (own-reference uniqueness).
 */
export async function loadForCheck(config: ApplicationsConfig, kbo: string, id: string) {
  const [app, organisation, orgApplications] = await Promise.all([
    loadOwnApplication(config, kbo, id),
    getOrganisation(config.table, kbo),
    allApplicationsOfOrg(config.table, kbo),
  ]);
  return { app, organisation, orgApplications };
}

/** The context of `checkApplication` for this application: today, the organisation, own references in use. */
export function checkContextFor(
  app: Application,
  organisation: StoredOrganisation | null,
  orgApplications: readonly StoredApplication[],
  now: Date,
): CheckContext {
  const others = orgApplications.filter((other) => other.id !== app.id && !RELEASED.includes(other.status));
  const ownReferencesInUse = others.flatMap((other) => [
    ...(other.ownReference ? [other.ownReference] : []),
    ...(other.modules ?? []).flatMap((module) => (module.ownReference ? [module.ownReference] : [])),
  ]);
  return {
    today: brusselsDate(now.toISOString()),
    organisation,
    documents: app.documents,
    reference: REFERENCE_DATA,
    ownReferencesInUse,
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
export async function checkOwnApplication(config: ApplicationsConfig, kbo: string, id: string, now: Date): Promise<CheckReport> {
  const { app, organisation, orgApplications } = await loadForCheck(config, kbo, id);
  const problems = checkApplication(app, checkContextFor(app, organisation, orgApplications, now));
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
