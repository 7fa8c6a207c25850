/**
 * The republish stream consumer, invoked in process against this file's own table and bucket (in the
 * shared stack's emulators): registration changes → a validated snapshot at snapshots/latest.json and
 * a timestamped copy; unchanged catalogues and already-published changes write nothing.
 */
import { HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamo } from '../../../functions/adapters/aws-clients';
import { LATEST_SNAPSHOT_KEY, readSnapshotText } from '../../../functions/catalogue/store';
import { toRegistrationItem } from '../../../functions/registrations/store';
import { CatalogueSnapshot } from '../../../shared/catalogue/published-training';
import type { Registration } from '../../../shared/registrations/registration';
import { uniqueKbo } from '../../support/ids';
import { registration } from '../../unit/catalogue/registration-fixture';
import { isolatedCatalogue } from './support';

let table: string;
let bucket: string;
let s3: S3Client;
let handler: (event: DynamoDBStreamEvent) => Promise<void>;
const kbo = uniqueKbo();

const change = (odbNumber: string, at = Date.now()): DynamoDBStreamEvent => ({
  Records: [{
    eventName: 'MODIFY',
    dynamodb: { ApproximateCreationDateTime: Math.floor(at / 1000), Keys: { pk: { S: `REG#${odbNumber}` }, sk: { S: 'REG' } }, SequenceNumber: String(at) },
  }],
});

async function store(reg: Registration): Promise<void> {
  const now = new Date();
  await dynamo().send(new PutCommand({ TableName: table, Item: toRegistrationItem(reg, 1, now.toISOString(), now) }));
}

async function latest(): Promise<{ etag: string; snapshot: CatalogueSnapshot }> {
  const read = await readSnapshotText(bucket);
  if (read.status !== 'read') throw new Error('no snapshot');
  return { etag: read.etag, snapshot: CatalogueSnapshot.parse(JSON.parse(read.text)) };
}

beforeAll(async () => {
  ({ table, bucket, s3 } = await isolatedCatalogue());
  handler = (await import('../../../functions/streams/republish')).handler;
});
afterAll(() => { vi.unstubAllEnvs(); });

describe('republish stream consumer', () => {
  it('R-BO-3: an approved registration is in the published snapshot, with a timestamped copy', async () => {
    // Prepare
    await store(registration({ odbNumber: 'ODB-A000101', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05' }));
    await store(registration({ odbNumber: 'ODB-A000102', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', title: 'Heftruckchauffeur' }));
    // Act
    await handler(change('ODB-A000102'));
    // Assess
    const { snapshot } = await latest();
    expect(snapshot.trainings.map((t) => t.odbNumber)).toEqual(['ODB-A000101', 'ODB-A000102']);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: LATEST_SNAPSHOT_KEY }));
    expect(head.ContentType).toMatch(/^application\/json/);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'snapshots/' }));
    expect((listed.Contents ?? []).map((o) => o.Key)).toContain(`snapshots/history/${snapshot.publishedAt.replace(/:/g, '-')}.json`);
  });

  it('R-REG-1, R-REG-2: a stopped registration leaves the catalogue; a replaced one points to its successor', async () => {
    await store(registration({ odbNumber: 'ODB-A000101', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', status: 'stopped', stopDate: '2026-02-01', stopReason: 'Niet meer georganiseerd' }));
    await store(registration({ odbNumber: 'ODB-A000102', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', title: 'Heftruckchauffeur', status: 'replaced', replacedBy: 'ODB-A000103' }));
    await store(registration({ odbNumber: 'ODB-A000103', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-03-01', title: 'Heftruckchauffeur (vernieuwd)', replaces: 'ODB-A000102' }));
    await handler(change('ODB-A000103'));
    const { snapshot } = await latest();
    expect(snapshot.trainings.map((t) => [t.odbNumber, t.status, t.replacedBy])).toEqual([
      ['ODB-A000102', 'replaced', 'ODB-A000103'],
      ['ODB-A000103', 'active', null],
    ]);
  });

  it('an unchanged catalogue is not written again (no needless site build)', async () => {
    const before = await latest();
    await handler(change('ODB-A000103'));
    const after = await latest();
    expect(after.etag).toBe(before.etag);
    expect(after.snapshot.publishedAt).toBe(before.snapshot.publishedAt);
  });

  it('a batch whose changes a newer snapshot already read is skipped', async () => {
    // A change from two minutes ago, already in the snapshot: even a new registration since is not picked up by it.
    await store(registration({ odbNumber: 'ODB-A000104', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05' }));
    const before = await latest();
    await handler(change('ODB-A000103', Date.now() - 120_000));
    expect((await latest()).etag).toBe(before.etag);
    // The change to ODB-A000104 itself does publish it.
    await handler(change('ODB-A000104'));
    expect((await latest()).snapshot.trainings.map((t) => t.odbNumber)).toContain('ODB-A000104');
  });

  it('a registration that fails the published-record schema is left out; the others are published', async () => {
    await store(registration({ odbNumber: 'ODB-A000105', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', websiteUrl: 'geen url' }));
    await handler(change('ODB-A000105'));
    const numbers = (await latest()).snapshot.trainings.map((t) => t.odbNumber);
    expect(numbers).not.toContain('ODB-A000105');
    expect(numbers).toContain('ODB-A000104');
  });
});
