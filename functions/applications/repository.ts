import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Application } from '../../shared/applications/application';
import { transition, type Actor, type ApplicationEvent, type ApplicationStatus } from '../../shared/applications/state-machine';
import { dynamo } from '../adapters/aws-clients';
import type { Mail } from '../mail/mail';
import { outboxPut } from '../outbox/outbox';
import { gsi, keys } from '../storage/keys';

/**
 * DynamoDB repository of applications (main table; key shapes in storage/keys.ts):
 *
 * - item `APP#<id>` / `APP`, `type: 'application'`, the `Application` fields as attributes, plus
 *   `version` (optimistic concurrency: every write names the version it read);
 * - gsi1 `ORG#<kbo>#APPS` / `<createdAt>#<id>`: an organisation's applications (`listApplicationsByOrg`);
 * - gsi2 `APPSTATUS#<status>` / `<submittedAt>#<id>`: the back-office queue per status
 *   (`listApplicationsByStatus`). Sparse: only submitted applications are in it, so drafts never
 *   crowd a queue;
 * - due index `duePk` / `dueAt`: set through `due` on a write (e.g. `decision-deadlines`), removed
 *   with `due: null`.
 *
 * State changes go through `transitionApplication`: the state machine decides the next status, and
 * the new application, the outbox mail and any extra items are written in ONE TransactWrite.
 */

export interface StoredApplication extends Application {
  version: number;
  /** Due-index entry for a scheduled job, if any. */
  duePk?: string;
  dueAt?: string;
}

/** The item changed since it was read (or, for a create, already exists). Retry from a fresh read. */
export class ApplicationVersionConflict extends Error {
  constructor(id: string) {
    super(`application ${id} was changed concurrently`);
    this.name = 'ApplicationVersionConflict';
  }
}

/** A due-index entry: which job must act on the item, from when (ISO 8601 UTC instant). */
export interface DueEntry {
  duePk: string;
  dueAt: string;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const NON_DATA_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

function fromItem(item: Record<string, unknown>): StoredApplication {
  const copy = { ...item };
  for (const attribute of NON_DATA_ATTRIBUTES) delete copy[attribute];
  return copy as unknown as StoredApplication;
}

/** The full item for an application at `version`; `due` undefined keeps the application's entry. */
function toItem(app: Application, version: number, due: DueEntry | null | undefined, previous?: StoredApplication): Record<string, unknown> {
  const { duePk: _duePk, dueAt: _dueAt, version: _version, ...data } = app as StoredApplication;
  const keepDue = due === undefined && previous?.duePk !== undefined && previous.dueAt !== undefined
    ? { duePk: previous.duePk, dueAt: previous.dueAt }
    : undefined;
  const dueEntry = due ?? keepDue;
  return {
    ...keys.application(app.id),
    type: 'application',
    gsi1pk: gsi.orgApplications(app.orgKbo),
    gsi1sk: `${app.createdAt}#${app.id}`,
    ...(app.submittedAt ? { gsi2pk: gsi.applicationStatus(app.status), gsi2sk: `${app.submittedAt}#${app.id}` } : {}),
    ...data,
    version,
    ...(dueEntry ? { duePk: dueEntry.duePk, dueAt: dueEntry.dueAt } : {}),
  };
}

const versionCondition = (expectedVersion: number) => ({
  ConditionExpression: '#v = :expected',
  ExpressionAttributeNames: { '#v': 'version' },
  ExpressionAttributeValues: { ':expected': expectedVersion },
});

/** One application by id (strongly consistent), or null. */
export async function getApplication(table: string, id: string): Promise<StoredApplication | null> {
  const result = await dynamo().send(new GetCommand({ TableName: table, Key: keys.application(id), ConsistentRead: true }));
  return result.Item ? fromItem(result.Item) : null;
}

/** One application of this organisation, or null — also when it belongs to another (404, not 403). */
export async function getApplicationOfOrg(table: string, id: string, kbo: string): Promise<StoredApplication | null> {
  const app = await getApplication(table, id);
  return app && app.orgKbo === kbo ? app : null;
}

/** Stores a new application at version 1; fails with `ApplicationVersionConflict` if the id exists. */
export async function createApplication(table: string, app: Application): Promise<StoredApplication> {
  try {
    await dynamo().send(new PutCommand({
      TableName: table,
      Item: toItem(app, 1, undefined),
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ApplicationVersionConflict(app.id);
    throw error;
  }
  return { ...app, version: 1 };
}

/**
 * Replaces the application when its stored version is still `expectedVersion`. Not for status
 * changes: use `transitionApplication`, which also writes the outbox message. `due` sets (an entry),
 * removes (null) or keeps (undefined) the due-index entry.
 */
export async function putApplication(
  table: string,
  app: Application,
  expectedVersion: number,
  options: { due?: DueEntry | null; previous?: StoredApplication } = {},
): Promise<StoredApplication> {
  const version = expectedVersion + 1;
  const item = toItem(app, version, options.due, options.previous);
  try {
    await dynamo().send(new PutCommand({ TableName: table, Item: item, ...versionCondition(expectedVersion) }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ApplicationVersionConflict(app.id);
    throw error;
  }
  return fromItem(item);
}

export interface TransitionRequest {
  /** The application as read (its `version` is the expected version). */
  application: StoredApplication;
  event: ApplicationEvent;
  actor: Actor;
  now: Date;
  /** Field changes that come with the state change (e.g. `submittedAt`, `problems`, `deadlines`). */
  changes?: Partial<Omit<Application, 'id' | 'orgKbo' | 'status' | 'createdAt'>>;
  /** A mail to send, with a deterministic outbox id per cause (e.g. `submitted:<id>`). */
  mail?: { outboxId: string; mail: Mail };
  /** Set (entry), remove (null) or keep (undefined) the due-index entry. */
  due?: DueEntry | null;
  /** Further items of the same transaction (e.g. a registration, a counter update). */
  extraItems?: TransactItem[];
}

/**
 * The one way to change an application's status: `transition` (shared state machine; 409/403 as
 * ProblemError when not allowed) gives the next status; the application (version-checked), the outbox
 * mail and `extraItems` are written in ONE DynamoDB transaction. Throws `ApplicationVersionConflict`
 * when the application changed since it was read, or when the outbox message already exists (the
 * same cause was handled already): re-read and decide again.
 */
export async function transitionApplication(table: string, request: TransitionRequest): Promise<StoredApplication> {
  const { application, event, actor, now } = request;
  const status: ApplicationStatus = transition(application.status, event, actor);
  const { version: _version, duePk: _duePk, dueAt: _dueAt, ...current } = application;
  const next: Application = { ...current, ...request.changes, status, updatedAt: now.toISOString() };
  const item = toItem(next, application.version + 1, request.due, application);
  const items: TransactItem[] = [
    { Put: { TableName: table, Item: item, ...versionCondition(application.version) } },
    ...(request.mail ? [outboxPut(table, request.mail.outboxId, { kind: 'mail', mail: request.mail.mail }, now)] : []),
    ...(request.extraItems ?? []),
  ];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) throw new ApplicationVersionConflict(application.id);
    }
    throw error;
  }
  return fromItem(item);
}

export interface Page {
  items: StoredApplication[];
  /** Opaque cursor for the next page, or null. */
  nextCursor: string | null;
}

const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;

/** Decodes a cursor; an invalid one is `undefined` (callers answer 400). */
export function decodeCursor(cursor: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 || entries.length > 6 || entries.some(([, v]) => typeof v !== 'string')) return undefined;
    return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function queryPage(input: QueryCommandInput): Promise<Page> {
  const result = await dynamo().send(new QueryCommand(input));
  return { items: (result.Items ?? []).map(fromItem), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

export interface ListOptions {
  limit?: number;
  /** From a previous page's `nextCursor` (already decoded with `decodeCursor`). */
  startKey?: Record<string, unknown>;
}

/**
 * An organisation's applications, newest first (gsi1), optionally only one status. With a status
 * filter a page can hold fewer than `limit` items; follow `nextCursor`.
 */
export async function listApplicationsByOrg(
  table: string,
  kbo: string,
  options: ListOptions & { status?: ApplicationStatus } = {},
): Promise<Page> {
  return queryPage({
    TableName: table,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': gsi.orgApplications(kbo), ...(options.status ? { ':status': options.status } : {}) },
    ...(options.status ? { FilterExpression: '#s = :status', ExpressionAttributeNames: { '#s': 'status' } } : {}),
    ScanIndexForward: false,
    Limit: options.limit ?? 50,
    ...(options.startKey ? { ExclusiveStartKey: options.startKey } : {}),
  });
}

/** Every application of an organisation (all pages), e.g. for own-reference uniqueness. */
export async function allApplicationsOfOrg(table: string, kbo: string): Promise<StoredApplication[]> {
  const all: StoredApplication[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await listApplicationsByOrg(table, kbo, { limit: 200, ...(startKey ? { startKey } : {}) });
    all.push(...page.items);
    startKey = page.nextCursor ? decodeCursor(page.nextCursor) : undefined;
  } while (startKey);
  return all;
}

/** The back-office queue: submitted applications with this status, oldest submission first (gsi2). */
export async function listApplicationsByStatus(table: string, status: ApplicationStatus, options: ListOptions = {}): Promise<Page> {
  return queryPage({
    TableName: table,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': gsi.applicationStatus(status) },
    ScanIndexForward: true,
    Limit: options.limit ?? 50,
    ...(options.startKey ? { ExclusiveStartKey: options.startKey } : {}),
  });
}

/** Applications due for `job` at `now` (due index), for scheduled jobs. */
export async function listDueApplications(table: string, job: string, now: Date, options: ListOptions = {}): Promise<Page> {
  return queryPage({
    TableName: table,
    IndexName: 'due',
    KeyConditionExpression: 'duePk = :job AND dueAt <= :now',
    FilterExpression: '#t = :type',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: { ':job': job, ':now': now.toISOString(), ':type': 'application' },
    Limit: options.limit ?? 100,
    ...(options.startKey ? { ExclusiveStartKey: options.startKey } : {}),
  });
}
