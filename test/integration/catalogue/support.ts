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

/** The published catalogue of `bucket`, assembled from its head and shards (what the site updater reads). */
export async function publishedCatalogue(bucket: string, s3: S3Client) {
  const { assembleCatalogue } = await import('../../../functions/catalogue/site-input');
  const { s3CatalogueStore } = await import('../../../functions/catalogue/s3-store');
  return assembleCatalogue(s3CatalogueStore(bucket, s3));
}

/**
 * Publishes a one-training catalogue whose title is `label` (for tests of the site builder's scheduling:
 * every label is a real change, so the head moves on). The fake builds read it back with `labelOf`.
 */
export async function publishLabel(bucket: string, s3: S3Client, label: string) {
  const { publishTrainings } = await import('../../../functions/catalogue/publish');
  const { s3CatalogueStore } = await import('../../../functions/catalogue/s3-store');
  const { toPublishedTraining } = await import('../../../shared/catalogue/from-registration');
  const { toPublishedRegistration } = await import('../../../shared/registrations/registration');
  const { registration } = await import('../../unit/catalogue/registration-fixture');
  const training = toPublishedTraining(toPublishedRegistration(registration({ odbNumber: 'ODB-A000001', title: label })));
  return publishTrainings(s3CatalogueStore(bucket, s3), [training], new Date());
}

/** The label (`publishLabel`) of the catalogue file a build is given. */
export async function labelOf(cataloguePath: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const parsed = JSON.parse(await readFile(cataloguePath, 'utf8')) as { trainings: Array<{ title: string }> };
  return parsed.trainings[0]?.title ?? '';
}
