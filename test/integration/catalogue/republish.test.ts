/**
 * The republish stream consumer, invoked in process against this file's own table and bucket (in the
 * shared stack's emulators): stream records with the registrations' new images → the catalogue's shards
 * and head (functions/catalogue/publish.ts). The first change ever rebuilds from the table; after that a
 * change is published from its image alone, without reading the table.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamo } from '../../../functions/adapters/aws-clients';
import { CATALOGUE_HEAD_KEY } from '../../../functions/catalogue/keys';
import { toRegistrationItem } from '../../../functions/registrations/items';
import type { Registration } from '../../../shared/registrations/registration';
import { uniqueKbo } from '../../support/ids';
import { registration } from '../../unit/catalogue/registration-fixture';
import { isolatedCatalogue, publishedCatalogue } from './support';

let table: string;
let bucket: string;
let s3: S3Client;
let handler: (event: DynamoDBStreamEvent) => Promise<void>;
const kbo = uniqueKbo();
let sequence = 0;

const item = (reg: Registration) => {
  const now = new Date();
  return toRegistrationItem(reg, 1, now.toISOString(), now);
};
/** A stream batch as the table's stream delivers it (NEW_AND_OLD_IMAGES) for these registrations. */
const changes = (...regs: Registration[]): DynamoDBStreamEvent => ({
  Records: regs.map((reg) => ({
    eventName: 'MODIFY',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000), Keys: { pk: { S: `REG#${reg.odbNumber}` }, sk: { S: 'REG' } },
      NewImage: marshall(item(reg), { removeUndefinedValues: true }) as never, SequenceNumber: String(++sequence),
    },
  })),
});
const store = async (reg: Registration) => { await dynamo().send(new PutCommand({ TableName: table, Item: item(reg) })); };
const numbers = async () => (await publishedCatalogue(bucket, s3))?.snapshot.trainings.map((t) => [t.odbNumber, t.status, t.replacedBy]) ?? [];
const headEtag = async () => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: CATALOGUE_HEAD_KEY }))).ETag;

beforeAll(async () => {
  ({ table, bucket, s3 } = await isolatedCatalogue());
  handler = (await import('../../../functions/streams/republish')).handler;
});
afterAll(() => { vi.unstubAllEnvs(); });

describe('republish stream consumer', () => {
  it('R-BO-3: the first change ever rebuilds the whole catalogue from the table', async () => {
    // Prepare
    await store(registration({ odbNumber: 'ODB-A000101', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05' }));
    const second = registration({ odbNumber: 'ODB-A000102', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', title: 'Heftruckchauffeur' });
    await store(second);
    // Act
    await handler(changes(second));
    // Assess
    expect(await numbers()).toEqual([['ODB-A000101', 'active', null], ['ODB-A000102', 'active', null]]);
  });

  it('R-REG-1, R-REG-2: after that, a change is published from its image alone (the table is not read)', async () => {
    // The images are NOT written to the table: only the stream records carry them.
    await handler(changes(
      registration({ odbNumber: 'ODB-A000101', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', status: 'stopped', stopDate: '2026-02-01', stopReason: 'Niet meer georganiseerd' }),
      registration({ odbNumber: 'ODB-A000102', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', title: 'Heftruckchauffeur', status: 'replaced', replacedBy: 'ODB-A000103' }),
      registration({ odbNumber: 'ODB-A000103', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-03-01', title: 'Heftruckchauffeur (vernieuwd)', replaces: 'ODB-A000102' }),
    ));
    expect(await numbers()).toEqual([
      ['ODB-A000102', 'replaced', 'ODB-A000103'],
      ['ODB-A000103', 'active', null],
    ]);
  });

  it('a change that publishes nothing new does not move the head (no needless site update)', async () => {
    const before = await headEtag();
    await handler(changes(registration({ odbNumber: 'ODB-A000101', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', status: 'stopped', stopDate: '2026-02-01', stopReason: 'Niet meer georganiseerd' })));
    expect(await headEtag()).toBe(before);
  });

  it('a deleted registration item (old image only) leaves the catalogue', async () => {
    const old = marshall(item(registration({ odbNumber: 'ODB-A000103', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-03-01' })), { removeUndefinedValues: true });
    await handler({ Records: [{ eventName: 'REMOVE', dynamodb: { Keys: { pk: { S: 'REG#ODB-A000103' }, sk: { S: 'REG' } }, OldImage: old as never, SequenceNumber: String(++sequence) } }] });
    expect((await numbers()).map((n) => n[0])).toEqual(['ODB-A000102']);
  });

  it('a registration that fails the published-record schema is left out; the others are published', async () => {
    await handler(changes(
      registration({ odbNumber: 'ODB-A000105', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05', websiteUrl: 'geen url' }),
      registration({ odbNumber: 'ODB-A000106', provider: { kbo, name: 'Testcentrum' }, validFrom: '2026-01-05' }),
    ));
    const published = (await numbers()).map((n) => n[0]);
    expect(published).not.toContain('ODB-A000105');
    expect(published).toContain('ODB-A000106');
  });
});
