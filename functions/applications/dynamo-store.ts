import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { draftApplicationSchema, type Application, type Decision, type Forwarding, type Question } from '../../shared/applications/application';
import { claimKey, type Claim } from '../../shared/applications/claims';
import { DOCUMENT_KINDS } from '../../shared/applications/documents';
import { APPLICATION_STATUSES, transition, type ApplicationStatus } from '../../shared/applications/state-machine';
import { dynamo } from '../adapters/aws-clients';
import type { TransactItem } from '../adapters/dynamo-transaction';
import { dynamoKeyCursor } from '../http/cursor';
import { outboxPut } from '../outbox/dynamo-store';
import { historyPut } from '../backoffice/history-store';
import { gsi, keys } from '../storage/keys';
import { MAX_TRANSACTION_ITEMS, tokenChanges, tokenItems, worklistAttributes } from './worklist-items';
import {
  ApplicationVersionConflict,
  type ApplicationStore,
  type ChangeRequest as StoreChangeRequest,
  type ClaimWrite,
  type DueEntry,
  type ListOptions,
  type Page,
  type StoredApplication,
  type TransitionRequest,
} from './store';

export { ApplicationVersionConflict, type DueEntry, type Page, type StoredApplication } from './store';

/**
 * DynamoDB adapter of the application store (main table; key shapes in storage/keys.ts):
 *
 * - item `APP#<id>` / `APP`, `type: 'application'`, the `Application` fields as attributes, plus
 *   `version` (optimistic concurrency: every write names the version it read);
 * - gsi1 `ORG#<kbo>#APPS` / `<createdAt>#<id>`: an organisation's applications;
 * - gsi2 `APPSTATUS#<status>` / `<submittedAt>#<id>` and the `worklist` index (same partition,
 *   `<next deadline>#<submittedAt>#<id>`), plus one search-token item per word: the back office's
 *   worklist (worklist-items.ts, the one place these are computed). Sparse: only submitted
 *   applications are in them, so drafts never crowd a queue. Every write below puts the token items
 *   that changed in the same write (a transaction), so they cannot drift from the application;
 * - due index `duePk` / `dueAt`: set through `due` on a write, removed with `due: null`;
 * - claim items `CLAIM#<kbo>#<kind>#<value>` / `CLAIM` (`applicationId`): an own reference or a
 *   language held by a submitted application, taken in the submit's transaction with a condition, so
 *   two parallel submits with the same reference cannot both pass, and uniqueness costs the same for
 *   2 or 2,000 applications.
 *
 * Items are parsed with zod at this boundary. Fields other areas add to an application (the back
 * office's questions, decision, history, …) pass through as they are stored (loose objects).
 */


/** The worklist's token changes (worklist-items.ts) as actions of a transaction on `table`. */
function tokenWrites(table: string, next: Application, previous: Application | undefined, room: number): TransactItem[] {
  const { puts, deletes } = tokenChanges(next, previous, room);
  return [...deletes.map((Key) => ({ Delete: { TableName: table, Key } })), ...puts.map((Item) => ({ Put: { TableName: table, Item } }))];
}

const NON_DATA_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'wlpk', 'wlsk'] as const;

const documentItemSchema = z.looseObject({
  id: z.string(), name: z.string(), contentType: z.string(), size: z.number(), kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(['pending', 'uploaded']), createdAt: z.string(), uploadedAt: z.string().nullable(),
});
const findingItemSchema = z.looseObject({
  path: z.string(), code: z.string(), message: z.string(), severity: z.enum(['error', 'warning']),
});
// The back office's parts: checked for the fields every reader relies on, kept whole.
const questionShape = z.looseObject({ question: z.string(), askedAt: z.string() });
const forwardingShape = z.looseObject({ to: z.string(), at: z.string() });
const decisionShape = z.looseObject({ outcome: z.enum(['approved', 'rejected']) });
const questionItemSchema = z.custom<Question>((value) => questionShape.safeParse(value).success, 'question');
const forwardingItemSchema = z.custom<Forwarding>((value) => forwardingShape.safeParse(value).success, 'forwarding');
const decisionItemSchema = z.custom<Decision>((value) => decisionShape.safeParse(value).success, 'decision');

const storedApplicationSchema = z.looseObject({
  ...draftApplicationSchema.shape,
  id: z.string(),
  orgKbo: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  referenceVersion: z.string().nullable(),
  documents: z.array(documentItemSchema),
  problems: z.array(findingItemSchema),
  questions: z.array(questionItemSchema),
  deadlines: z.looseObject({ decisionPeriodEnd: z.string(), forcedForwardDate: z.string() }).nullable(),
  forwarding: forwardingItemSchema.nullable(),
  decision: decisionItemSchema.nullable(),
  odbNumbers: z.object({ training: z.string(), modules: z.array(z.string()) }).nullable(),
  organisationName: z.string().optional(),
  version: z.number().int(),
  duePk: z.string().optional(),
  dueAt: z.string().optional(),
});

/** A stored item as a `StoredApplication` (zod; throws when the item is not one). */
export function applicationFromItem(item: Record<string, unknown>): StoredApplication {
  const copy = { ...item };
  for (const attribute of NON_DATA_ATTRIBUTES) delete copy[attribute];
  return storedApplicationSchema.parse(copy);
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
    ...data,
    ...worklistAttributes(app),
    version,
    ...(dueEntry ? { duePk: dueEntry.duePk, dueAt: dueEntry.dueAt } : {}),
  };
}

/** Every item a stored application consists of (the application and its worklist search tokens), e.g. for seeding by batch writes. */
export function applicationItems(app: Application, version = 1): Record<string, unknown>[] {
  return [toItem(app, version, undefined), ...tokenItems(app)];
}

const versionCondition = (expectedVersion: number) => ({
  ConditionExpression: '#v = :expected',
  ExpressionAttributeNames: { '#v': 'version' },
  ExpressionAttributeValues: { ':expected': expectedVersion },
});

const isNamed = (error: unknown, ...names: string[]) => names.includes((error as { name?: unknown }).name as string);

function claimPut(table: string, kbo: string, write: ClaimWrite, applicationId: string, now: Date): TransactItem {
  return {
    Put: {
      TableName: table,
      Item: { ...keys.claim(kbo, write.claim.kind, write.claim.value), type: 'claim', kind: write.claim.kind, value: write.claim.value, applicationId, claimedAt: now.toISOString() },
      ...(write.staleHolder === null
        ? { ConditionExpression: 'attribute_not_exists(pk) OR applicationId = :me', ExpressionAttributeValues: { ':me': applicationId } }
        : { ConditionExpression: 'applicationId = :stale', ExpressionAttributeValues: { ':stale': write.staleHolder } }),
    },
  };
}

/** The cursor of an organisation's list: exactly its index's key attributes (functions/http/cursor.ts). */
export const orgApplicationsCursor = dynamoKeyCursor(['pk', 'sk', 'gsi1pk', 'gsi1sk']);

/** A cursor of the organisation's own list, or `undefined` when it is not one (the caller answers 400). */
function ownListKey(cursor: string, kbo: string): Record<string, string> | undefined {
  try {
    return orgApplicationsCursor.decode(cursor, { gsi1pk: gsi.orgApplications(kbo) });
  } catch {
    return undefined;
  }
}

async function queryPage(input: QueryCommandInput, cursor: typeof orgApplicationsCursor): Promise<Page> {
  const result = await dynamo().send(new QueryCommand(input));
  return { items: (result.Items ?? []).map(applicationFromItem), nextCursor: cursor.fromKey(result.LastEvaluatedKey) };
}

/**
 * Writes one application item (a conditional Put): alone when its search tokens stay as they were
 * (drafts, a document added), otherwise in one transaction with the token changes.
 */
async function writeApplication(table: string, put: { Put: NonNullable<TransactItem['Put']> }, app: Application, previous: Application | undefined): Promise<void> {
  const tokens = tokenWrites(table, app, previous, MAX_TRANSACTION_ITEMS - 1);
  if (tokens.length === 0) {
    await dynamo().send(new PutCommand(put.Put));
    return;
  }
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [put, ...tokens] }));
  } catch (error) {
    throw asVersionConflict(error, app.id);
  }
}

/** A transaction refused by a condition or a concurrent transaction is a version conflict (retry from a fresh read). */
function asVersionConflict(error: unknown, id: string): unknown {
  if (isNamed(error, 'TransactionCanceledException')) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict')) {
      return new ApplicationVersionConflict(id);
    }
  }
  if (isNamed(error, 'TransactionConflictException')) return new ApplicationVersionConflict(id);
  return error;
}

type ChangeRequest = StoreChangeRequest<TransactItem>;

/** Writes the application (version-checked), its history entry (R-BO-6), mail, claims and extra items in ONE transaction. */
async function commitChange(table: string, request: ChangeRequest, status: ApplicationStatus): Promise<StoredApplication> {
  const { application, now } = request;
  const { version: _version, duePk: _duePk, dueAt: _dueAt, ...current } = application;
  const next: Application = { ...current, ...request.changes, status, updatedAt: now.toISOString() };
  const version = application.version + 1;
  const item = toItem(next, version, request.due, application);
  const entry = { at: now.toISOString(), actor: request.actorId, event: request.event, reason: request.reason ?? null };
  const items: TransactItem[] = [
    { Put: { TableName: table, Item: item, ...versionCondition(application.version) } },
    historyPut(table, application.id, entry, `v${String(version).padStart(6, '0')}`), // R-BO-6: same transaction
    ...(request.mail ? [outboxPut(table, request.mail.outboxId, { kind: 'mail', mail: request.mail.mail }, now)] : []),
    ...(request.claims ?? []).map((write) => claimPut(table, application.orgKbo, write, application.id, now)),
    ...(request.extraItems ?? []),
  ];
  // The worklist's search tokens in the same transaction, in whatever room the change leaves (a submit
  // with ~90 module claims keeps the first tokens; the next change of the dossier completes them).
  items.push(...tokenWrites(table, next, application, MAX_TRANSACTION_ITEMS - items.length));
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    throw asVersionConflict(error, application.id);
  }
  return applicationFromItem(item);
}

/** The DynamoDB adapter of `ApplicationStore`; `transition` also takes DynamoDB `extraItems`. */
export function dynamoApplicationStore(table: string): ApplicationStore & {
  transition(request: TransitionRequest<TransactItem>): Promise<StoredApplication>;
  change(request: ChangeRequest): Promise<StoredApplication>;
} {
  const store = {
    async get(id: string) {
      const result = await dynamo().send(new GetCommand({ TableName: table, Key: keys.application(id), ConsistentRead: true }));
      return result.Item ? applicationFromItem(result.Item) : null;
    },

    async create(app: Application) {
      try {
        await writeApplication(table, { Put: { TableName: table, Item: toItem(app, 1, undefined), ConditionExpression: 'attribute_not_exists(pk)' } }, app, undefined);
      } catch (error) {
        if (isNamed(error, 'ConditionalCheckFailedException') || error instanceof ApplicationVersionConflict) throw new ApplicationVersionConflict(app.id);
        throw error;
      }
      return { ...app, version: 1 };
    },

    async put(app: Application, expectedVersion: number, options: { due?: DueEntry | null; previous?: StoredApplication } = {}) {
      const item = toItem(app, expectedVersion + 1, options.due, options.previous);
      try {
        await writeApplication(table, { Put: { TableName: table, Item: item, ...versionCondition(expectedVersion) } }, app, options.previous);
      } catch (error) {
        if (isNamed(error, 'ConditionalCheckFailedException') || error instanceof ApplicationVersionConflict) throw new ApplicationVersionConflict(app.id);
        throw error;
      }
      return applicationFromItem(item);
    },

    change(request: ChangeRequest) {
      return commitChange(table, request, request.application.status);
    },

    async transition(request: TransitionRequest<TransactItem>) {
      const { application, event, actor } = request;
      const status: ApplicationStatus = transition(application.status, event, actor);
      return commitChange(table, { ...request, event, actorId: request.actorId ?? actor }, status);
    },


    async listByOrg(kbo: string, options: ListOptions & { status?: ApplicationStatus } = {}) {
      const startKey = options.cursor === undefined ? undefined : ownListKey(options.cursor, kbo);
      if (options.cursor !== undefined && !startKey) return undefined;
      return listApplicationsByOrg(table, kbo, {
        ...(options.status ? { status: options.status } : {}),
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(startKey ? { startKey } : {}),
      });
    },

    async claimHolders(kbo: string, claims: readonly Claim[]) {
      const holders = new Map<string, string>();
      const unique = [...new Map(claims.map((claim) => [claimKey(claim), claim])).values()];
      for (let start = 0; start < unique.length; start += 100) {
        const chunk = unique.slice(start, start + 100);
        let pending: Record<string, unknown>[] = chunk.map((claim) => keys.claim(kbo, claim.kind, claim.value));
        while (pending.length > 0) {
          const result = await dynamo().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
          for (const item of result.Responses?.[table] ?? []) {
            const parsed = z.object({ kind: z.enum(['ownReference', 'language']), value: z.string(), applicationId: z.string() }).parse(item);
            holders.set(claimKey(parsed), parsed.applicationId);
          }
          pending = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
        }
      }
      return holders;
    },

    async statuses(ids: readonly string[]) {
      const found = new Map<string, ApplicationStatus>();
      const unique = [...new Set(ids)];
      for (let start = 0; start < unique.length; start += 100) {
        let pending: Record<string, unknown>[] = unique.slice(start, start + 100).map((id) => keys.application(id));
        while (pending.length > 0) {
          const result = await dynamo().send(new BatchGetCommand({
            RequestItems: { [table]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'id, #s', ExpressionAttributeNames: { '#s': 'status' } } },
          }));
          for (const item of result.Responses?.[table] ?? []) {
            const parsed = z.object({ id: z.string(), status: z.enum(APPLICATION_STATUSES) }).parse(item);
            found.set(parsed.id, parsed.status);
          }
          pending = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
        }
      }
      return found;
    },
  };
  return store;
}

// ── for callers outside the provider area (back office, jobs) that hold a table name ─────────────

/** One application by id (strongly consistent), or null. */
export async function getApplication(table: string, id: string): Promise<StoredApplication | null> {
  return dynamoApplicationStore(table).get(id);
}

export async function createApplication(table: string, app: Application): Promise<StoredApplication> {
  return dynamoApplicationStore(table).create(app);
}

/** See `ApplicationStore.put`. */
export async function putApplication(
  table: string,
  app: Application,
  expectedVersion: number,
  options: { due?: DueEntry | null; previous?: StoredApplication } = {},
): Promise<StoredApplication> {
  return dynamoApplicationStore(table).put(app, expectedVersion, options);
}

export interface LegacyListOptions {
  limit?: number;
  /** From a previous page's `nextCursor` (decoded with the index's cursor codec). */
  startKey?: Record<string, unknown>;
}

/** An organisation's applications, newest first (gsi1), optionally only one status. */
export async function listApplicationsByOrg(
  table: string,
  kbo: string,
  options: LegacyListOptions & { status?: ApplicationStatus } = {},
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
  }, orgApplicationsCursor);
}
