import { operations } from '../../shared/api/contract';
import { idempotencyKeyPrefix } from '../../functions/http/idempotency';
import { catalogueBucket, documentsBucket, idempotencyTable, issuerBucket, mainTable, quotaTable } from '../../functions/storage/definitions';

/**
 * What each function may touch: THE one table of grants. The function construct turns every entry
 * into an environment variable AND exactly that IAM access (`bindTable`, `bindBucket`, `bindMail`,
 * `bindSecret`, `bindSiteBuild`), so a function cannot read a variable it has no permission for, nor
 * hold a permission it has no variable for.
 *
 * Rules, from general to specific (adjust here when a handler needs more or less):
 * 1. Every function reads and writes the main table (single-table design), unless its named rule `replace`s.
 * 2. API functions by the routes they serve (derived from the contract, so new routes are covered):
 *    an area with an `idempotent` operation gets the idempotency table, one with `quotas` the quota table, the area of the issuer's signed
 *    webhook its shared secret; `routeRules` below adds buckets and secrets by path.
 * 3. Jobs and stream consumers by name (`namedRules`).
 *
 * Least privilege (issue 12, docs/decisions/0002): `read` where a function's code paths only read; and
 * `dynamodb:LeadingKeys` (`leadingKeys`: partition-key patterns) where the keys a function touches are
 * known from the code: the idempotency records of its own area (`api.<area>#…`), the quota counters of
 * its own operations (`<quota id>#…`), and the item kinds of the issuer's webhook.
 */
export type FunctionKind = 'api' | 'job' | 'stream';
export type TableAccess = 'read' | 'readWrite';
export type BucketAccess = 'read' | 'write' | 'readWrite';
export type SecretId = 'rrnHmac' | 'issuerWebhook' | 'originVerify';

export interface FunctionAccess {
  /** By table definition id. */
  tables: Record<string, TableAccess>;
  /** By table definition id: the partition keys (IAM `StringLike` patterns) the function may touch; absent = any. */
  leadingKeys: Record<string, string[]>;
  /** By bucket definition id. */
  buckets: Record<string, BucketAccess>;
  /** Send mail through SES (MAIL_FROM, SES_CONFIGURATION_SET). */
  mail: boolean;
  secrets: SecretId[];
  /** ISSUER_WEBHOOK_URL (plain configuration). */
  issuerWebhookUrl: boolean;
  /** Start the site build (republish): SITE_BUILD_PROJECT. */
  siteBuild: boolean;
}

type Grant = Partial<Omit<FunctionAccess, 'tables' | 'buckets' | 'leadingKeys'>> & {
  tables?: FunctionAccess['tables'];
  buckets?: FunctionAccess['buckets'];
  leadingKeys?: FunctionAccess['leadingKeys'];
};

/** API areas: grants by the path of any route the area serves (`exact`: that path only, not below it). */
const routeRules: ReadonlyArray<{ path: string; exact?: boolean; grant: Grant }> = [
  // Open data: the search reads the published shards.
  { path: '/v1/trainings', exact: true, grant: { buckets: { [catalogueBucket.id]: 'read' } } },
  // Providers: presigned POST upload slots (s3:PutObject), reading uploads back; s3:DeleteObject only under quarantine/ (clientUploadPrefix).
  { path: '/v1/applications', grant: { buckets: { [documentsBucket.id]: 'readWrite' } } },
  { path: '/v1/organisation', grant: { buckets: { [documentsBucket.id]: 'readWrite' } } },
  // Back office: download links (presigned GET) for the documents of an application.
  { path: '/v1/backoffice/applications', grant: { buckets: { [documentsBucket.id]: 'read' } } },
  // Workers' cheques: keys are the keyed hash (HMAC) of the national register number from the token.
  { path: '/v1/cheques', grant: { secrets: ['rrnHmac'] } },
  { path: '/v1/cheque-requests', grant: { secrets: ['rrnHmac'] } },
];

/** Grants by `<kind>:<name>`; `replace` drops everything the rules above gave (e.g. the main table). */
const namedRules: Readonly<Record<string, Grant & { replace?: true }>> = {
  // Open data reads only the published shards, never the table.
  'api:catalogue': { replace: true, buckets: { [catalogueBucket.id]: 'read' } },
  // Health, the OpenAPI document and /v1/me answer from code and the token: no table at all.
  'api:platform': { replace: true },
  // The issuer's signed events change a cheque request, record the event id (replays), release budget
  // and queue mails, in one transaction (functions/cheques/dynamo-store.ts change): only those item kinds.
  'api:issuer': { leadingKeys: { [mainTable.id]: ['CHQ#*', 'ISSUEREVENT#*', 'WORKER#*', 'OUTBOX#*'] } },
  // The outbox consumer sends mails and hands issue orders to the cheque issuer (bucket + signed webhook).
  'stream:outbox': { mail: true, buckets: { [issuerBucket.id]: 'write' }, secrets: ['issuerWebhook'], issuerWebhookUrl: true },
  // The outbox sweep delivers what the stream did not finish, exactly as the consumer does.
  'job:outbox-sweep': { mail: true, buckets: { [issuerBucket.id]: 'write' }, secrets: ['issuerWebhook'], issuerWebhookUrl: true },
  // The catalogue republisher updates the changed shards and the head from the stream's new images; it reads
  // the table (gsi2) only to rebuild every shard when no head exists yet. The new head starts the site build
  // (S3 event; docs/decisions/0015).
  'stream:republish': { replace: true, tables: { [mainTable.id]: 'read' }, buckets: { [catalogueBucket.id]: 'readWrite' } },
  // The daily republish (valid-from and stop dates that came without a change) rebuilds the shards from gsi2,
  // writing only the shards whose content differs.
  'job:republish-catalogue': { replace: true, tables: { [mainTable.id]: 'read' }, buckets: { [catalogueBucket.id]: 'readWrite' } },
};

function merge(into: FunctionAccess, grant: Grant): void {
  for (const [id, mode] of Object.entries(grant.tables ?? {})) {
    into.tables[id] = into.tables[id] === 'readWrite' ? 'readWrite' : mode;
  }
  for (const [id, patterns] of Object.entries(grant.leadingKeys ?? {})) {
    into.leadingKeys[id] = [...new Set([...(into.leadingKeys[id] ?? []), ...patterns])];
  }
  for (const [id, mode] of Object.entries(grant.buckets ?? {})) {
    const current = into.buckets[id];
    into.buckets[id] = current === undefined || current === mode ? mode : 'readWrite';
  }
  into.mail ||= grant.mail ?? false;
  into.issuerWebhookUrl ||= grant.issuerWebhookUrl ?? false;
  into.siteBuild ||= grant.siteBuild ?? false;
  for (const secret of grant.secrets ?? []) if (!into.secrets.includes(secret)) into.secrets.push(secret);
}

const nothing = (): FunctionAccess => ({ tables: {}, leadingKeys: {}, buckets: {}, mail: false, secrets: [], issuerWebhookUrl: false, siteBuild: false });

export function accessFor(kind: FunctionKind, name: string): FunctionAccess {
  const access = nothing();
  merge(access, { tables: { [mainTable.id]: 'readWrite' } });
  const ops = kind === 'api' ? operations.filter((op) => op.fn === name) : [];
  if (kind === 'api') {
    // Every API function requires CloudFront's origin-verify header (functions/http/origin-verify.ts).
    merge(access, { secrets: ['originVerify'] });
    if (ops.some((op) => op.idempotent)) {
      merge(access, { tables: { [idempotencyTable.id]: 'readWrite' }, leadingKeys: { [idempotencyTable.id]: [`${idempotencyKeyPrefix(name)}#*`] } });
    }
    const quotaIds = [...new Set(ops.flatMap((op) => (op.quotas ?? []).map((quota) => quota.id)))];
    // counters are `<quota id>#<principal>#<day>` (shared/quotas/quota.ts)
    if (quotaIds.length) merge(access, { tables: { [quotaTable.id]: 'readWrite' }, leadingKeys: { [quotaTable.id]: quotaIds.map((id) => `${id}#*`) } });
    if (ops.some((op) => op.auth.kind === 'signature')) merge(access, { secrets: ['issuerWebhook'] });
    for (const rule of routeRules) {
      if (ops.some((op) => op.path === rule.path || (!rule.exact && op.path.startsWith(`${rule.path}/`)))) merge(access, rule.grant);
    }
  }
  const named = namedRules[`${kind}:${name}`];
  if (named?.replace) {
    const only = nothing();
    // an API function always checks the origin-verify header
    if (kind === 'api') merge(only, { secrets: ['originVerify'] });
    merge(only, named);
    return only;
  }
  if (named) merge(access, named);
  return access;
}

/** Memory and timeout per kind (explicit on every function). */
export const sizing: Record<FunctionKind, { memorySize: number; timeoutSeconds: number }> = {
  // API Gateway gives up after 30 s; a handler that needs more is a bug.
  api: { memorySize: 1024, timeoutSeconds: 10 },
  // Jobs query the due index in pages; the local stack gives them the same 15 minutes.
  job: { memorySize: 1024, timeoutSeconds: 900 },
  // Stream batches (the local poller also allows 5 minutes).
  stream: { memorySize: 1024, timeoutSeconds: 300 },
};
