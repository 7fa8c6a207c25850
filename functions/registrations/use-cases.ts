import { brusselsDate, compareDates, dutchDate, type IsoDate } from '../../shared/time/calendar';
import { retryOnConflict } from '../../shared/concurrency/retry';
import { ProblemError, notFound } from '../../shared/http/problem';
import {
  applyEvaluation,
  stopRegistration,
  toPublishedRegistration,
  type Evaluation,
  type PublishedRegistration,
  type Registration,
  type StopRequest,
} from '../../shared/registrations/registration';
import { toPublishedTraining } from '../../shared/catalogue/from-registration';
import type { PublishedTraining } from '../../shared/catalogue/published-training';
import { evaluationResultMail } from '../mail/templates/evaluation-result';
import { generalContactOf } from '../../shared/organisations/organisation';
import type { OrganisationStore } from '../organisations/store';
import { RegistrationWriteConflict, type RegistrationStore, type StoredRegistration } from './store';

/** The ports of the registrations area's use cases (wired in `wiring.ts`; in-memory fakes in unit tests). */
export interface RegistrationPorts {
  registrations: RegistrationStore;
  organisations: Pick<OrganisationStore, 'get'>;
}

const ATTEMPTS = 3;

const isVersionConflict = (error: unknown) => error instanceof RegistrationWriteConflict;

/** Read-modify-write with optimistic concurrency, retried from a fresh read when someone wrote in between. */
const withRetry = <T>(work: () => Promise<T>): Promise<T> =>
  retryOnConflict(work, isVersionConflict, 'De registratie werd tegelijk gewijzigd. Probeer het opnieuw.', ATTEMPTS);

export type ProviderRegistration = PublishedRegistration & Pick<Registration, 'stopReason' | 'applicationId'>;

export const toProviderRegistration = (reg: Registration): ProviderRegistration => ({
  ...toPublishedRegistration(reg),
  stopReason: reg.stopReason,
  applicationId: reg.applicationId,
});

// ── GET /v1/registrations ───────────────────────────────────────────────────────────────────

/** R-SUB-2: the organisation's registrations (every status), oldest valid-from first, paged. */
export async function listOwnRegistrations(ports: RegistrationPorts, kbo: string, limit: number, cursor: string | undefined) {
  const page = await ports.registrations.listByOrganisation(kbo, limit, cursor);
  return { items: page.items.map((stored) => toProviderRegistration(stored.registration)), nextCursor: page.nextCursor };
}

// ── POST /v1/registrations/{odbNumber}/stop ─────────────────────────────────────────────────

async function ownRegistration(ports: RegistrationPorts, kbo: string, odbNumber: string): Promise<StoredRegistration> {
  const stored = await ports.registrations.get(odbNumber);
  // Another organisation's number is "not found", never "forbidden" (api.md).
  if (!stored || stored.registration.provider.kbo !== kbo) throw notFound('Uw organisatie heeft geen registratie met dit ODB-nummer.');
  return stored;
}

/**
 * R-REG-1: stop date (today or later) and reason. Today's date stops it at once; a later date is
 * put in the `due` index (`stop-dates`, 00:00 Brussels on the stop date) for the daily job.
 */
export async function stopOwnRegistration(ports: RegistrationPorts, kbo: string, odbNumber: string, request: StopRequest, now: Date): Promise<ProviderRegistration> {
  const today = brusselsDate(now.toISOString());
  return withRetry(async () => {
    const stored = await ownRegistration(ports, kbo, odbNumber);
    const stopped = stopRegistration(stored.registration, request, today);
    await ports.registrations.write({ registration: stopped, expected: stored }, now);
    return toProviderRegistration(stopped);
  });
}

// ── GET /v1/trainings/{odbNumber} ───────────────────────────────────────────────────────────

/**
 * One registration as published. Active and replaced registrations are shown (a replaced one names
 * its successor in `replacedBy`, R-REG-2); a module's number shows its training. A stopped or
 * removed one — or one whose stop or removal date has come, even before the nightly job ran — is
 * no longer available: 410 Gone, so a number on an old certificate is told apart from a typo (404).
 */
export async function publishedTraining(ports: RegistrationPorts, odbNumber: string, now: Date): Promise<PublishedTraining> {
  const resolved = await ports.registrations.resolve(odbNumber);
  if (!resolved) throw notFound('Er is geen opleiding met dit ODB-nummer.');
  const reg = resolved.registration;
  const today = brusselsDate(now.toISOString());
  const reached = (date: IsoDate | null) => date !== null && compareDates(today, date) >= 0;
  if (reg.status === 'stopped' || reg.status === 'removed' || reached(reg.stopDate) || reached(reg.removalDate)) {
    const removed = reg.status === 'removed' || (reg.status !== 'stopped' && !reached(reg.stopDate) && reached(reg.removalDate));
    const what = removed
      ? `werd${reg.removalDate ? ` op ${dutchDate(reg.removalDate)}` : ''} verwijderd`
      : `werd${reg.stopDate ? ` vanaf ${dutchDate(reg.stopDate)}` : ''} stopgezet`;
    throw new ProblemError(410, 'training-no-longer-registered', 'Niet meer geregistreerd',
      `De opleiding ${reg.odbNumber} ${what} en staat niet meer in de opleidingsdatabank.`);
  }
  // Issue 12 (BOPLA): an allow-list projection, the very record the site publishes — never removalDate,
  // evaluationDue or ownReference.
  return toPublishedTraining(reg);
}

// ── POST /v1/backoffice/registrations/{odbNumber}/evaluation ───────────────────────────────


/** The deterministic outbox id of an evaluation mail (one per evaluation of a registration). */
export const evaluationMailId = (odbNumber: string, evaluationCount: number) => `evaluation:${odbNumber}:${evaluationCount}`;

/**
 * R-BO-5: positive → extended by a year (a pending removal is lifted); negative → removal on
 * 31 December of next year, put in the `due` index (`evaluation-removals`). The organisation's
 * general contact is mailed in the same transaction.
 */
export async function evaluateRegistration(ports: RegistrationPorts, odbNumber: string, outcome: Evaluation['outcome'], now: Date, actorId = 'backoffice'): Promise<Registration> {
  const today = brusselsDate(now.toISOString());
  return withRetry(async () => {
    const stored = await ports.registrations.get(odbNumber);
    if (!stored) throw notFound('Er is geen registratie met dit ODB-nummer.');
    const evaluated = applyEvaluation(stored.registration, outcome, today);
    const org = await ports.organisations.get(evaluated.provider.kbo);
    await ports.registrations.write({
      registration: evaluated,
      expected: stored,
      // R-BO-5: a positive evaluation sets the next evaluation date; its overdue reminder goes with it
      scheduleEvaluationReminder: outcome === 'positive',
      // R-BO-6: the evaluation goes into the dossier's history, in the same transaction
      history: [{
        applicationId: evaluated.applicationId,
        entry: { at: now.toISOString(), actor: actorId, event: 'evaluation', reason: outcome === 'positive' ? 'Jaarlijkse evaluatie positief' : 'Jaarlijkse evaluatie negatief' },
        n: `evaluation-${evaluated.evaluations.length}`,
      }],
      outbox: org ? [{
        id: evaluationMailId(evaluated.odbNumber, evaluated.evaluations.length),
        message: {
          kind: 'mail',
          mail: evaluationResultMail({
            to: generalContactOf(org).email, // R-BO-5, R-ORG-2: evaluations go to the general contact
            organisationName: org.name,
            title: evaluated.title,
            odbNumber: evaluated.odbNumber,
            outcome,
            evaluationDue: evaluated.evaluationDue,
            removalDate: evaluated.removalDate,
          }),
        },
      }] : [],
    }, now);
    return evaluated;
  });
}
