import type { IProject } from 'aws-cdk-lib/aws-codebuild';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { BucketDefinition, TableDefinition } from '../../functions/storage/definitions';
import type { DeployConfig } from './config';
import { AppFunction } from './constructs/app-function';
import { rateLimitDefinitions } from '../../shared/quotas/rate-limits';
import { accessFor, sizing, type FunctionKind, type SecretId } from './function-access';

/** What the function stacks (api, jobs, streams) are wired to; produced by the stacks they depend on. */
export interface SharedResources {
  config: DeployConfig;
  removalPolicy: RemovalPolicy;
  logRetention: RetentionDays;
  alarmTopic: ITopic;
  tables: ReadonlyMap<string, { table: ITable; definition: TableDefinition }>;
  /** `arnExport`: the export name of the bucket's ARN (see StorageStack). */
  buckets: ReadonlyMap<string, { bucket: IBucket; definition: BucketDefinition; arnExport: string }>;
  secrets: Readonly<Record<SecretId, ISecret>>;
  mail: { identityArn: string; configurationSetName: string; configurationSetArn: string };
  /** Only the streams stack gets it (the republisher starts the site build). */
  siteBuild?: IProject;
}

/** Environment variable of each secret's ARN stem (the handler reads `<name>_ARN`). */
export const secretEnvVar: Record<SecretId, string> = {
  rrnHmac: 'RRN_HMAC_SECRET',
  issuerWebhook: 'ISSUER_WEBHOOK_SECRET',
  originVerify: 'ORIGIN_VERIFY_SECRET',
};

/** A function with the defaults of its kind and exactly the access `function-access.ts` gives it. */
export function appFunction(scope: Construct, id: string, shared: SharedResources, kind: FunctionKind, name: string, entry: string): AppFunction {
  const size = sizing[kind];
  const created = new AppFunction(scope, id, {
    kind, name, entry,
    memorySize: size.memorySize,
    timeout: Duration.seconds(size.timeoutSeconds),
    logRetention: shared.logRetention,
    removalPolicy: shared.removalPolicy,
    alarmTopic: shared.alarmTopic,
    environment: {
      STAGE: shared.config.stage, LOG_LEVEL: 'INFO', PUBLIC_SITE_URL: shared.config.siteUrl,
      // the quotas the chain enforces and the OpenAPI document states
      ...(kind === 'api' ? shared.config.quotaLimits : {}),
      // the edge's per-IP rate limits, which the OpenAPI document states (x-rate-limits)
      ...(kind === 'api' ? Object.fromEntries(rateLimitDefinitions.map((limit) => [limit.envVar, String(shared.config.rateLimits[limit.id])])) : {}),
    },
  });
  const access = accessFor(kind, name);
  for (const [tableId, mode] of Object.entries(access.tables)) {
    const entry = shared.tables.get(tableId);
    if (!entry) throw new Error(`function-access: ${kind} ${name} names unknown table "${tableId}"`);
    created.bindTable(entry.table, entry.definition, mode, access.leadingKeys[tableId]);
  }
  for (const [bucketId, mode] of Object.entries(access.buckets)) {
    const entry = shared.buckets.get(bucketId);
    if (!entry) throw new Error(`function-access: ${kind} ${name} names unknown bucket "${bucketId}"`);
    created.bindBucket({ name: entry.bucket.bucketName, arnExport: entry.arnExport }, entry.definition, mode);
  }
  if (access.mail) created.bindMail({ ...shared.mail, from: shared.config.senderAddress, chequesFrom: shared.config.chequesSenderAddress });
  for (const secret of access.secrets) created.bindSecret(shared.secrets[secret], secretEnvVar[secret]);
  if (access.issuerWebhookUrl) created.bindEnv('ISSUER_WEBHOOK_URL', shared.config.issuerWebhookUrl);
  if (access.siteBuild) {
    if (!shared.siteBuild) throw new Error(`function-access: ${kind} ${name} starts the site build, which only stream consumers can`);
    created.bindSiteBuild(shared.siteBuild);
  }
  return created;
}

/** A stable construct id from a name such as `GET /v1/applications/{id}` or `unpaid-contributions`. */
export const constructId = (name: string): string =>
  name.replace(/[{}]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
