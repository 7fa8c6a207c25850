import { GetCommand, PutCommand, QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Registration, RegistrationModule } from '../../shared/registrations/registration';
import { dynamo } from '../adapters/aws-clients';
import { gsi, keys } from '../storage/keys';
import { nextRegistrationDue } from './due';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A registration as stored: the domain object's fields at the top level, plus keys, list indexes
 * (gsi1: the organisation's registrations; gsi2: by status), the one pending job in the `due` index,
 * and `version` for optimistic concurrency (every write is conditional on the version it read).
 */
export interface RegistrationItem extends Registration {
  pk: string;
  sk: string;
  type: 'registration';
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk: string;
  gsi2sk: string;
  duePk?: string;
  dueAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A module's ODB number resolves to its training (R-BO-4: every module has its own number). */
export interface RegistrationModuleItem {
  pk: string;
  sk: string;
  type: 'registrationModule';
  odbNumber: string;
  trainingOdbNumber: string;
  applicationId: string;
  createdAt: string;
}

export interface StoredRegistration {
  registration: Registration;
  version: number;
  createdAt: string;
}

export function toRegistrationItem(reg: Registration, version: number, createdAt: string, now: Date): RegistrationItem {
  const due = nextRegistrationDue(reg);
  return {
    ...reg,
    ...keys.registration(reg.odbNumber),
    type: 'registration',
    gsi1pk: gsi.orgRegistrations(reg.provider.kbo),
    gsi1sk: `${reg.validFrom}#${reg.odbNumber}`,
    gsi2pk: gsi.registrationStatus(reg.status),
    // R-BO-5: active registrations sort by their evaluation date, so the back office's overview is one range Query
    gsi2sk: reg.status === 'active' ? `${reg.evaluationDue}#${reg.odbNumber}` : reg.odbNumber,
    ...(due ?? {}),
    version,
    createdAt,
    updatedAt: now.toISOString(),
  };
}

export function fromRegistrationItem(item: Record<string, unknown>): StoredRegistration {
  const {
    pk: _pk, sk: _sk, type: _type, gsi1pk: _g1p, gsi1sk: _g1s, gsi2pk: _g2p, gsi2sk: _g2s,
    duePk: _duePk, dueAt: _dueAt, version, createdAt, updatedAt: _updatedAt, ...registration
  } = item as unknown as RegistrationItem;
  return { registration: registration as Registration, version, createdAt };
}

export function moduleItem(moduleOdbNumber: string, trainingOdbNumber: string, applicationId: string, now: Date): RegistrationModuleItem {
  return {
    ...keys.registrationModule(moduleOdbNumber),
    type: 'registrationModule',
    odbNumber: moduleOdbNumber,
    trainingOdbNumber,
    applicationId,
    createdAt: now.toISOString(),
  };
}

/**
 * Writes a registration: a new one only if its number is free; an existing one only if nobody
 * changed it since it was read (`expectedVersion`).
 */
export function putRegistration(
  tableName: string,
  reg: Registration,
  expected: { version: number; createdAt: string } | null,
  now: Date,
): TransactItem {
  const item = toRegistrationItem(reg, (expected?.version ?? 0) + 1, expected?.createdAt ?? now.toISOString(), now);
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ...(expected
        ? { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': expected.version } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}

/** `putRegistration` on its own (a single conditional PutItem: cheaper than a one-item transaction). */
export async function writeRegistration(
  tableName: string,
  reg: Registration,
  expected: { version: number; createdAt: string } | null,
  now: Date,
): Promise<void> {
  const put = putRegistration(tableName, reg, expected, now).Put;
  if (!put) throw new Error('putRegistration returned no Put');
  await dynamo().send(new PutCommand(put));
}

export async function getRegistration(tableName: string, odbNumber: string): Promise<StoredRegistration | null> {
  const result = await dynamo().send(new GetCommand({ TableName: tableName, Key: keys.registration(odbNumber), ConsistentRead: true }));
  if (!result.Item || result.Item.type !== 'registration') return null;
  return fromRegistrationItem(result.Item);
}

export interface ResolvedOdbNumber extends StoredRegistration {
  /** Set when the number is a module's: the module within the training. */
  module: RegistrationModule | null;
}

/**
 * A training's or a module's ODB number → the registration (a module's number gives its training).
 * One Query on the number's partition finds either item (`REG` or `MODULE`).
 */
export async function resolveOdbNumber(tableName: string, odbNumber: string): Promise<ResolvedOdbNumber | null> {
  const result = await dynamo().send(new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.registration(odbNumber).pk },
    ConsistentRead: true,
    Limit: 2,
  }));
  const items = result.Items ?? [];
  const training = items.find((item) => item.type === 'registration');
  if (training) return { ...fromRegistrationItem(training), module: null };
  const pointer = items.find((item) => item.type === 'registrationModule') as RegistrationModuleItem | undefined;
  if (!pointer) return null;
  const parent = await getRegistration(tableName, pointer.trainingOdbNumber);
  if (!parent) return null;
  return { ...parent, module: parent.registration.modules.find((m) => m.odbNumber === odbNumber) ?? null };
}
