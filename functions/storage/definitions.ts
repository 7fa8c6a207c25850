/**
 * The one definition of every table and bucket. The CDK stacks (infra/cdk) and the local stack
 * (infra/local) both build their resources from these objects, so local and cloud cannot drift.
 * Handlers find the physical names through the environment variables named here.
 */

export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export interface TableDefinition {
  /** Stable id: CDK construct id and the local table name. */
  id: string;
  envVar: string;
  partitionKey: string;
  sortKey?: string;
  globalIndexes: IndexDefinition[];
  stream?: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE';
  ttlAttribute?: string;
}

/**
 * Main table, single-table design. Item families are distinguished by `type`.
 * - gsi1 / gsi2: overloaded list indexes (e.g. an organisation's applications, the back-office queue).
 * - due: sparse index keyed by job and due time. Scheduled jobs Query it (`duePk = job AND dueAt <= now`),
 *   so they scale with what is due, never with the catalogue.
 */
export const mainTable = {
  id: 'main',
  envVar: 'TABLE_NAME',
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'due', partitionKey: 'duePk', sortKey: 'dueAt' },
    // The back office's worklist by nearest deadline (functions/applications/worklist-items.ts).
    { name: 'worklist', partitionKey: 'wlpk', sortKey: 'wlsk' },
  ],
  stream: 'NEW_AND_OLD_IMAGES',
  ttlAttribute: 'ttl',
} as const satisfies TableDefinition;

/** Powertools idempotency records (schema fixed by the Powertools DynamoDB persistence layer). */
export const idempotencyTable = {
  id: 'idempotency',
  envVar: 'IDEMPOTENCY_TABLE_NAME',
  partitionKey: 'id',
  globalIndexes: [],
  ttlAttribute: 'expiration',
} as const satisfies TableDefinition;

/** Per-principal quota counters (shared/quotas/quota.ts): one item per counter and day, removed by TTL. */
export const quotaTable = {
  id: 'quota',
  envVar: 'QUOTA_TABLE_NAME',
  partitionKey: 'pk',
  globalIndexes: [],
  ttlAttribute: 'expiresAt',
} as const satisfies TableDefinition;

export const tables: readonly TableDefinition[] = [mainTable, idempotencyTable, quotaTable];

export interface BucketDefinition {
  id: string;
  envVar: string;
  /** Browser uploads through presigned POST need CORS; nothing else does. */
  browserUploads: boolean;
  /** Days after which objects expire (lifecycle rule), if any… */
  expireAfterDays?: number;
  /** …only those under this prefix, when given. */
  expirePrefix?: string;
  /**
   * Where clients upload through presigned POST (quarantine). A function that writes the bucket may
   * delete objects under this prefix only (rejected uploads, and uploads once checked and stored).
   */
  clientUploadPrefix?: string;
}

export const documentsBucket = {
  id: 'documents',
  envVar: 'DOCUMENTS_BUCKET',
  browserUploads: true,
  // Issue 12: clients upload only under quarantine/ (functions/documents/storage.ts); what nobody
  // confirmed within a day is gone. Checked documents live outside it and do not expire.
  expireAfterDays: 1,
  expirePrefix: 'quarantine/',
  clientUploadPrefix: 'quarantine/',
} as const satisfies BucketDefinition;

/** Issue orders for the cheque issuer (one file per approved request). */
export const issuerBucket = {
  id: 'issuer',
  envVar: 'ISSUER_BUCKET',
  browserUploads: false,
  expireAfterDays: 400,
} as const satisfies BucketDefinition;

/** Published catalogue snapshots (input of the site build, and of the open-data API). */
export const catalogueBucket = {
  id: 'catalogue',
  envVar: 'CATALOGUE_BUCKET',
  browserUploads: false,
  // the timestamped copies (functions/catalogue/store.ts); `snapshots/latest.json` stays
  expireAfterDays: 90,
  expirePrefix: 'snapshots/history/',
} as const satisfies BucketDefinition;

export const buckets: readonly BucketDefinition[] = [documentsBucket, issuerBucket, catalogueBucket];
