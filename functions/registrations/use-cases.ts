import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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
import { dynamo } from '../adapters/aws-clients';
import { dynamoKeyCursor } from '../http/cursor';
import { evaluationResultMail } from '../mail/templates/evaluation-result';
import { historyPut } from '../backoffice/history-store';
import { getOrganisation } from '../organisations/repository';
import { generalContactOf } from '../../shared/organisations/organisation';
import { outboxPut } from '../outbox/outbox';
import { gsi } from '../storage/keys';
import { fromRegistrationItem, getRegistration, putRegistration, resolveOdbNumber, writeRegistration, type StoredRegistration, type TransactItem } from './store';

const ATTEMPTS = 3;

const isVersionConflict = (error: unknown) =>
  error instanceof ConditionalCheckFailedException
  || (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed'));

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

const registrationsCursor = dynamoKeyCursor(['pk', 'sk', 'gsi1pk', 'gsi1sk']);

/** R-SUB-2: the organisation's registrations (every status), oldest valid-from first, paged. */
export async function listOwnRegistrations(table: string, kbo: string, limit: number, cursor: string | undefined) {
  const result = await dynamo().send(new QueryCommand({
    TableName: table,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': gsi.orgRegistrations(kbo) },
    Limit: limit,
    ...(cursor ? { ExclusiveStartKey: registrationsCursor.decode(cursor, { gsi1pk: gsi.orgRegistrations(kbo) }) } : {}),
  }));
  const items = (result.Items ?? []).filter((item) => item.type === 'registration').map((item) => toProviderRegistration(fromRegistrationItem(item).registration));
  return { items, nextCursor: registrationsCursor.fromKey(result.LastEvaluatedKey) };
}

// ── POST /v1/registrations/{odbNumber}/stop ─────────────────────────────────────────────────

async function ownRegistration(table: string, kbo: string, odbNumber: string): Promise<StoredRegistration> {
  const stored = await getRegistration(table, odbNumber);
  // Another organisation's number is "not found", never "forbidden" (api.md).
  if (!stored || stored.registration.provider.kbo !== kbo) throw notFound('Uw organisatie heeft geen registratie met dit ODB-nummer.');
  return stored;
}

/**
 * R-REG-1: stop date (today or later) and reason. Today's date stops it at once; a later date is
 * put in the `due` index (`stop-dates`, 00:00 Brussels on the stop date) for the daily job.
 */
export async function stopOwnRegistration(table: string, kbo: string, odbNumber: string, request: StopRequest, now: Date): Promise<ProviderRegistration> {
  const today = brusselsDate(now.toISOString());
  return withRetry(async () => {
    const stored = await ownRegistration(table, kbo, odbNumber);
    const stopped = stopRegistration(stored.registration, request, today);
    await writeRegistration(table, stopped, stored, now);
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
export async function publishedTraining(table: string, odbNumber: string, now: Date): Promise<PublishedTraining> {
  const resolved = await resolveOdbNumber(table, odbNumber);
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
export async function evaluateRegistration(table: string, odbNumber: string, outcome: Evaluation['outcome'], now: Date, actorId = 'backoffice'): Promise<Registration> {
  const today = brusselsDate(now.toISOString());
  return withRetry(async () => {
    const stored = await getRegistration(table, odbNumber);
    if (!stored) throw notFound('Er is geen registratie met dit ODB-nummer.');
    const evaluated = applyEvaluation(stored.registration, outcome, today);
    const items: TransactItem[] = [
      putRegistration(table, evaluated, stored, now),
      // R-BO-6: the evaluation goes into the dossier's history, in the same transaction
      historyPut(table, evaluated.applicationId, {
        at: now.toISOString(), actor: actorId, event: 'evaluation', reason: outcome === 'positive' ? 'Jaarlijkse evaluatie positief' : 'Jaarlijkse evaluatie negatief',
      }, `evaluation-${evaluated.evaluations.length}`),
    ];
    const org = await getOrganisation(table, evaluated.provider.kbo);
    if (org) {
      const mail = evaluationResultMail({
        to: generalContactOf(org).email, // R-BO-5, R-ORG-2: evaluations go to the general contact
        organisationName: org.name,
        title: evaluated.title,
        odbNumber: evaluated.odbNumber,
        outcome,
        evaluationDue: evaluated.evaluationDue,
        removalDate: evaluated.removalDate,
      });
      items.push(outboxPut(table, evaluationMailId(evaluated.odbNumber, evaluated.evaluations.length), { kind: 'mail', mail }, now));
    }
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    return evaluated;
  });
}
