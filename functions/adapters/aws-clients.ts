import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { parseEnv } from '../config/env';

/**
 * The one AWS client factory. Every SDK client of the functions is made here, once per process (module
 * scope) and shared by every handler in it, with the same bounded behaviour:
 * - a connection timeout and a request (socket idle) timeout, so a black-holed endpoint fails in seconds
 *   instead of hanging for as long as TCP does (35 s observed against a dropped SES);
 * - bounded retries with exponential backoff and full jitter (the SDK's `standard` retry mode), so a
 *   throttled or briefly unavailable dependency is retried a few times and then reported (→ 503).
 * Endpoints follow AWS_ENDPOINT_URL_DYNAMODB / _S3 / _SES, so the local stack needs no special case.
 */
const clientEnv = z.object({
  /** Path-style S3 addressing (the local S3 emulator). */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  AWS_CLIENT_CONNECTION_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),
  AWS_CLIENT_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Attempts per call, the first included. */
  AWS_CLIENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
});

export type ClientSettings = z.output<typeof clientEnv>;

let settings: ClientSettings | undefined;
export const clientSettings = (): ClientSettings => (settings ??= parseEnv(clientEnv));

/** The configuration every client gets (exported so the tests can check the bounds). */
export function clientConfig() {
  const s = clientSettings();
  return {
    maxAttempts: s.AWS_CLIENT_MAX_ATTEMPTS,
    retryMode: 'standard',
    // `throwOnRequestTimeout`: without it @smithy/node-http-handler 4.x only LOGS an exceeded requestTimeout
    // and keeps waiting (found by test/integration/faults/ses-outage.test.ts).
    requestHandler: {
      connectionTimeout: s.AWS_CLIENT_CONNECTION_TIMEOUT_MS,
      requestTimeout: s.AWS_CLIENT_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
  } as const;
}

const memo = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

export const dynamoClient = memo(() => new DynamoDBClient(clientConfig()));

export const dynamo = memo(() => DynamoDBDocumentClient.from(dynamoClient(), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
}));

/** `WHEN_REQUIRED`: presigned URLs carry no empty-body checksum (real S3 rejects it). */
export const s3 = memo(() => new S3Client({
  ...clientConfig(),
  forcePathStyle: clientSettings().S3_FORCE_PATH_STYLE === 'true',
  requestChecksumCalculation: 'WHEN_REQUIRED',
}));

export const ses = memo(() => new SESClient(clientConfig()));

export const secretsManager = memo(() => new SecretsManagerClient(clientConfig()));

export const sqs = memo(() => new SQSClient(clientConfig()));
