/**
 * The daily `republish-catalogue` job, in process, against this file's own table and bucket: it
 * rebuilds the catalogue's shards as of the job's time, so a registration appears on its valid-from
 * date and leaves on its stop date although no record changed; a second run at the same time writes
 * nothing.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamo } from '../../../functions/adapters/aws-clients';
import type { JobResult } from '../../../functions/jobs/job-event';
import { toRegistrationItem } from '../../../functions/registrations/items';
import { uniqueKbo } from '../../support/ids';
import { registration } from '../../unit/catalogue/registration-fixture';
import { isolatedCatalogue, publishedCatalogue } from './support';

let table: string;
let bucket: string;
let s3: S3Client;
let handler: (event: unknown) => Promise<JobResult>;

const run = (time: string) => handler({ job: 'republish-catalogue', time });
const published = async () => (await publishedCatalogue(bucket, s3))?.snapshot.trainings.map((t) => t.odbNumber) ?? [];

beforeAll(async () => {
  ({ table, bucket, s3 } = await isolatedCatalogue());
  handler = (await import('../../../functions/jobs/republish-catalogue')).handler;
});
afterAll(() => { vi.unstubAllEnvs(); });

describe('republish-catalogue job (daily)', () => {
  it('R-BO-3, R-REG-1: publishes on the valid-from date and withdraws on the stop date, without any change to the records', async () => {
    // Prepare: valid from 10 March 2031, stopped from 20 March 2031
    const kbo = uniqueKbo();
    const reg = registration({ odbNumber: 'ODB-A000201', provider: { kbo, name: 'Testcentrum' }, validFrom: '2031-03-10', stopDate: '2031-03-20' });
    const now = new Date();
    await dynamo().send(new PutCommand({ TableName: table, Item: toRegistrationItem(reg, 1, now.toISOString(), now) }));

    // Act + Assess
    expect((await run('2031-03-08T23:20:00Z')).changed).toBe(0); // 9 March in Brussels: an empty catalogue is published
    expect(await published()).toEqual([]);
    expect((await run('2031-03-09T23:20:00Z')).changed).toBe(1); // 10 March: valid from today
    expect(await published()).toEqual(['ODB-A000201']);
    expect((await run('2031-03-09T23:20:00Z')).changed).toBe(0); // the same day again: nothing new is written
    expect((await run('2031-03-19T23:20:00Z')).changed).toBe(1); // 20 March: the stop date has come
    expect(await published()).toEqual([]);
  });
});
