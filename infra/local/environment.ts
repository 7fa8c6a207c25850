import { buckets, tables } from '../../functions/storage/definitions';
import type { LocalSecrets } from './secrets';

export interface Endpoints {
  dynamodb: string;
  s3: string;
  ses: string;
  apiUrl: string;
  siteUrl: string;
}

/**
 * The environment the handlers see in the local stack: the same variables the CDK app sets in AWS,
 * with the emulators' endpoints in AWS_ENDPOINT_URL_* (which the SDK follows by itself).
 */
export function localEnvironment(endpoints: Endpoints, secrets: LocalSecrets): Record<string, string> {
  const env: Record<string, string> = {
    STAGE: 'local',
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    S3_FORCE_PATH_STYLE: 'true',
    // The emulators share a busy machine (a JVM pause, five test suites): a longer request timeout than
    // AWS's 5 s default, so a slow emulator is not mistaken for a dead one, and a longer outbox lease
    // to match (a lease must outlast one delivery's timeouts and retries: 3 × (3 s + 20 s) < 120 s).
    AWS_CLIENT_REQUEST_TIMEOUT_MS: process.env.AWS_CLIENT_REQUEST_TIMEOUT_MS ?? '20000',
    OUTBOX_LEASE_SECONDS: process.env.OUTBOX_LEASE_SECONDS ?? '120',
    MAIL_FROM: 'opleidingsdatabank@opleidingsincentives.local',
    CHEQUES_MAIL_FROM: 'opleidingscheques@opleidingsincentives.local',
    API_URL: endpoints.apiUrl,
    PUBLIC_SITE_URL: endpoints.siteUrl,
    RRN_HMAC_SECRET: secrets.rrnHmacSecret,
    ISSUER_WEBHOOK_SECRET: secrets.issuerWebhookSecret,
    POWERTOOLS_SERVICE_NAME: 'opleidingsincentives',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
  };
  for (const table of tables) env[table.envVar] = table.id;
  for (const bucket of buckets) env[bucket.envVar] = bucket.id;
  return env;
}
