/**
 * Isolation for the catalogue integration tests: each test file gets its own main table (same
 * definition as the real one) and its own catalogue bucket in the shared stack's emulators, so its
 * snapshots are not disturbed by registrations other tests write to the stack at the same time.
 * Handlers are then imported in process with these names in their environment.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { vi } from 'vitest';
import { mainTable } from '../../../functions/storage/definitions';
import { provisionBuckets, provisionTables } from '../../../infra/local/provision';
import { stack } from '../../support/stack';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface IsolatedCatalogue {
  table: string;
  bucket: string;
  s3: S3Client;
}

/** Creates a table and a bucket, and points this worker's handler environment at them (until `vi.unstubAllEnvs()`). */
export async function isolatedCatalogue(): Promise<IsolatedCatalogue> {
  const suffix = randomUUID().slice(0, 8);
  const table = `catalogue-test-${suffix}`;
  const bucket = `catalogue-test-${suffix}`;
  const ddb = new DynamoDBClient({ endpoint: stack().endpoints.dynamodb, region: 'eu-west-1', credentials });
  const s3 = new S3Client({ endpoint: stack().endpoints.s3, region: 'eu-west-1', credentials, forcePathStyle: true });
  await provisionTables(ddb, [{ ...mainTable, id: table }]);
  await provisionBuckets(s3, [{ id: bucket, envVar: 'CATALOGUE_BUCKET', browserUploads: false }], []);
  ddb.destroy();
  for (const [name, value] of Object.entries(stack().env)) vi.stubEnv(name, value);
  vi.stubEnv('TABLE_NAME', table);
  vi.stubEnv('CATALOGUE_BUCKET', bucket);
  vi.stubEnv('LOG_LEVEL', 'SILENT');
  return { table, bucket, s3 };
}
