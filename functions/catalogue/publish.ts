/**
 * Builds and publishes the catalogue snapshot: reads every `active` and `replaced` registration from
 * gsi2 (`REGSTATUS#<status>`, paged Query — never a Scan), maps them with the one mapping
 * (shared/catalogue/from-registration.ts), validates the whole with `CatalogueSnapshot` and writes it to
 * the catalogue bucket. An unchanged catalogue is not written again, so no needless site build runs.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { brusselsDate } from '../../shared/time/calendar';
import { buildCatalogue, type RejectedRegistration, type RegistrationLike } from '../../shared/catalogue/from-registration';
import { dynamo } from '../adapters/aws-clients';
import { gsi } from '../storage/keys';
import { headSnapshot, writeSnapshot } from './store';

/** The statuses that can be in the catalogue (stopped and removed never are). */
export const PUBLISHABLE_STATUSES = ['active', 'replaced'] as const;

/** Every registration with one of the publishable statuses, page by page. */
export async function* publishableRegistrations(table: string): AsyncGenerator<RegistrationLike> {
  for (const status of PUBLISHABLE_STATUSES) {
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(new QueryCommand({
        TableName: table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        FilterExpression: '#type = :registration',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':pk': gsi.registrationStatus(status), ':registration': 'registration' },
        ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
      }));
      for (const item of page.Items ?? []) yield item as RegistrationLike;
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey);
  }
}

export interface PublishResult {
  outcome: 'published' | 'unchanged' | 'up-to-date';
  publishedAt?: string;
  count?: number;
  rejected: RejectedRegistration[];
  ms: number;
}

export interface PublishOptions {
  table: string;
  bucket: string;
  now: Date;
  /**
   * Creation time (ms) of the newest change that asked for this publication. When the latest snapshot
   * read the registrations clearly after it, that change is already published and nothing is done.
   */
  newestChangeAt?: number;
}

/** Reads of the registrations this long after a change surely see it (GSI propagation, clock skew). */
export const SOURCE_READ_MARGIN_MS = 5_000;

const collect = async <T>(source: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of source) all.push(item);
  return all;
};

export async function publishCatalogue(options: PublishOptions): Promise<PublishResult> {
  const started = Date.now();
  const latest = await headSnapshot(options.bucket);
  if (options.newestChangeAt !== undefined && latest?.metadata) {
    const readAt = Date.parse(latest.metadata.sourceReadAt);
    if (readAt - SOURCE_READ_MARGIN_MS > options.newestChangeAt) {
      return { outcome: 'up-to-date', rejected: [], ms: Date.now() - started };
    }
  }
  const sourceReadAt = new Date().toISOString();
  const registrations = await collect(publishableRegistrations(options.table));
  const publishedAt = options.now.toISOString();
  const { snapshot, rejected } = buildCatalogue(registrations, publishedAt, brusselsDate(publishedAt));
  const trainingsJson = JSON.stringify(snapshot.trainings);
  const trainingsSha256 = createHash('sha256').update(trainingsJson).digest('hex');
  if (latest?.metadata?.trainingsSha256 === trainingsSha256) {
    return { outcome: 'unchanged', count: snapshot.trainings.length, rejected, ms: Date.now() - started };
  }
  const json = `{"publishedAt":${JSON.stringify(publishedAt)},"trainings":${trainingsJson}}`;
  await writeSnapshot(options.bucket, publishedAt, json, { trainingsSha256, sourceReadAt, count: snapshot.trainings.length });
  return { outcome: 'published', publishedAt, count: snapshot.trainings.length, rejected, ms: Date.now() - started };
}
