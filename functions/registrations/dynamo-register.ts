/**
 * The DynamoDB adapter of the approval's registration step (R-BO-3, R-BO-4, R-REG-2): the back office's
 * decision composes ONE TransactWrite from the items prepared here (registration, replaced registration,
 * overdue-evaluation reminder, mail) and its own (application, history). The rules it applies are pure
 * (shared/registrations/registration.ts: registrationFromApproval, markReplaced).
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../../shared/applications/application';
import { brusselsDate, type IsoDate } from '../../shared/time/calendar';
import { conflict } from '../../shared/http/problem';
import type { Organisation } from '../../shared/organisations/organisation';
import { seriesOfDecision, type GrantedSeries, type OdbSeries } from '../../shared/registrations/odb-number';
import {
  markReplaced,
  odbNumbersNeeded,
  registrationFromApproval,
  type AllocatedOdbNumbers,
  type Grant,
  type Registration,
} from '../../shared/registrations/registration';
import { dynamo } from '../adapters/aws-clients';
import { registrationApprovedMail } from '../mail/templates/registration-approved';
import { outboxPut } from '../outbox/dynamo-store';
import { keys } from '../storage/keys';
import { registrationsEnv } from './env';
import { allocateOdbNumbers } from './dynamo-odb-allocator';
import type { TransactItem } from '../adapters/dynamo-transaction';
import { getRegistration, putEvaluationReminder, putRegistration } from './dynamo-store';
import { moduleItem } from './items';

export interface ApprovedApplicationInput {
  /** The application being approved (its `orgKbo` must be the organisation's). */
  application: Application;
  organisation: Pick<Organisation, 'kbo' | 'name' | 'kind' | 'contact'>;
  /** R-BO-3: the date from which the registration applies. */
  validFrom: IsoDate;
  /** R-CHQ-4, R-BO-4: what the department grants with the decision (category and number series). */
  grant: Grant & { series: GrantedSeries | null };
  now: Date;
}

export interface RegistrationOptions {
  /** Defaults to TABLE_NAME. */
  tableName?: string;
}

export interface OdbReservation {
  numbers: AllocatedOdbNumbers;
  /** false when an earlier call for the same application had already reserved them. */
  newlyAllocated: boolean;
}

export interface PreparedRegistration {
  /** The new registration (or, when `alreadyRegistered`, the one stored earlier). */
  registration: Registration;
  numbers: AllocatedOdbNumbers;
  newlyAllocated: boolean;
  /** An earlier approval of this application already committed its registration: nothing to write. */
  alreadyRegistered: boolean;
  /**
   * Add these to the approval's TransactWrite: the new registration (conditional: its number is
   * free), the old registration naming its successor (R-REG-2: `replaced` from the new valid-from; conditional on its version), and the
   * outbox mail with the number(s) to the organisation's contact. Empty when `alreadyRegistered`.
   */
  transactItems: TransactItem[];
}

interface OdbAllocationItem {
  type: 'odbAllocation';
  applicationId: string;
  series: OdbSeries;
  training: string;
  modules: string[];
  allocatedAt: string;
}

/** The deterministic outbox id of the approval mail (one per application). */
export const registrationMailId = (applicationId: string) => `registration-approved:${applicationId}`;

async function readReservation(tableName: string, applicationId: string): Promise<AllocatedOdbNumbers | null> {
  const result = await dynamo().send(new GetCommand({ TableName: tableName, Key: keys.odbAllocation(applicationId), ConsistentRead: true }));
  const item = result.Item as OdbAllocationItem | undefined;
  return item ? { training: item.training, modules: item.modules } : null;
}

/**
 * R-BO-4: the ODB numbers of one application, allocated at most once. The first call allocates a
 * contiguous block (one number for the training, one per module) and records it under the
 * application id (conditional put); every later call — a replay, a retry after a failed
 * transaction, a concurrent duplicate — gets the recorded numbers. A duplicate that lost the race
 * leaves its own block unused (a gap; numbers are never reused).
 */
export async function reserveOdbNumbers(
  application: Pick<Application, 'id' | 'modules'>,
  series: OdbSeries,
  now: Date,
  options: RegistrationOptions = {},
): Promise<OdbReservation> {
  const tableName = options.tableName ?? registrationsEnv().TABLE_NAME;
  const existing = await readReservation(tableName, application.id);
  if (existing) return { numbers: existing, newlyAllocated: false };
  const [training, ...modules] = await allocateOdbNumbers(tableName, series, odbNumbersNeeded(application));
  const numbers: AllocatedOdbNumbers = { training: training as string, modules };
  const item: OdbAllocationItem = { type: 'odbAllocation', applicationId: application.id, series, ...numbers, allocatedAt: now.toISOString() };
  try {
    await dynamo().send(new PutCommand({
      TableName: tableName,
      Item: { ...keys.odbAllocation(application.id), ...item },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
    return { numbers, newlyAllocated: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const winner = await readReservation(tableName, application.id);
    if (!winner) throw error;
    return { numbers: winner, newlyAllocated: false };
  }
}

/**
 * R-BO-3, R-BO-4, R-REG-2: turns an approved application into its registration.
 *
 * Reserves the ODB numbers (idempotent per application id, see `reserveOdbNumbers`), writes the
 * modules' number items (deterministic, so safe to repeat; a module number resolves to its training),
 * and returns the TransactItems the caller adds to the SAME TransactWrite as its own change (the
 * application's status and decision), so the approval, the registration and the mail are written
 * together or not at all. Use `commitRegistration` to write them (alone or with extra items).
 *
 * A replaced registration must exist and belong to the same organisation (else 409).
 */
export async function registerApprovedApplication(
  input: ApprovedApplicationInput,
  options: RegistrationOptions = {},
): Promise<PreparedRegistration> {
  const { application, organisation, validFrom, grant, now } = input;
  const tableName = options.tableName ?? registrationsEnv().TABLE_NAME;
  if (application.orgKbo !== organisation.kbo) {
    throw new Error(`registerApprovedApplication: application ${application.id} is not of organisation ${organisation.kbo}`);
  }
  const { numbers, newlyAllocated } = await reserveOdbNumbers(application, seriesOfDecision(grant.series), now, { tableName });

  const stored = await getRegistration(tableName, numbers.training);
  if (stored && stored.registration.applicationId === application.id) {
    return { registration: stored.registration, numbers, newlyAllocated, alreadyRegistered: true, transactItems: [] };
  }

  const registration = registrationFromApproval(application, numbers, validFrom, organisation, { chequeCategory: grant.chequeCategory });
  await Promise.all(numbers.modules.map((moduleNumber) => dynamo().send(new PutCommand({
    TableName: tableName,
    Item: moduleItem(moduleNumber, numbers.training, application.id, now),
    ConditionExpression: 'attribute_not_exists(pk) OR trainingOdbNumber = :training',
    ExpressionAttributeValues: { ':training': numbers.training },
  }))));

  // R-BO-5: the first evaluation's overdue reminder is scheduled with the registration
  const transactItems: TransactItem[] = [putRegistration(tableName, registration, null, now), putEvaluationReminder(tableName, registration)];

  if (application.replacesOdbNumber) {
    const old = await getRegistration(tableName, application.replacesOdbNumber);
    if (!old || old.registration.provider.kbo !== organisation.kbo) {
      throw conflict(`De registratie ${application.replacesOdbNumber} die deze aanvraag zou vervangen, bestaat niet of hoort niet bij deze organisatie. Pas de aanvraag aan of keur ze af.`);
    }
    transactItems.push(putRegistration(tableName, markReplaced(old.registration, numbers.training, validFrom, brusselsDate(now)), old, now));
  }

  const mail = registrationApprovedMail({
    to: organisation.contact.email,
    organisationName: organisation.name,
    title: registration.title,
    odbNumber: registration.odbNumber,
    validFrom: registration.validFrom,
    modules: registration.modules.map((module) => ({ odbNumber: module.odbNumber, title: module.title })),
    replaces: registration.replaces,
  });
  transactItems.push(outboxPut(tableName, registrationMailId(application.id), { kind: 'mail', mail }, now));

  return { registration, numbers, newlyAllocated, alreadyRegistered: false, transactItems };
}

export interface CommittedRegistration {
  registration: Registration;
  /** false when an earlier (or concurrent) approval of the same application had already written it. */
  committed: boolean;
}

/**
 * Writes a prepared registration in one TransactWrite, together with `extraItems` (e.g. the
 * application's status change). When the registration turns out to exist already for the same
 * application (a concurrent duplicate committed first), that is not an error: `committed: false`.
 * Any other cancellation (e.g. a condition of the extra items) is rethrown.
 */
export async function commitRegistration(
  prepared: PreparedRegistration,
  extraItems: TransactItem[] = [],
  options: RegistrationOptions = {},
): Promise<CommittedRegistration> {
  const tableName = options.tableName ?? registrationsEnv().TABLE_NAME;
  const items = [...prepared.transactItems, ...extraItems];
  if (prepared.alreadyRegistered && extraItems.length === 0) return { registration: prepared.registration, committed: false };
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    return { registration: prepared.registration, committed: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException && !prepared.alreadyRegistered
      && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
      const stored = await getRegistration(tableName, prepared.numbers.training);
      if (stored && stored.registration.applicationId === prepared.registration.applicationId) {
        return { registration: stored.registration, committed: false };
      }
    }
    throw error;
  }
}
