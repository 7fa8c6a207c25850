import type { DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { publishCatalogue } from '../catalogue/publish';
import { baseEnv, parseEnv } from '../config/env';
import { logger } from '../observability/logger';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  CATALOGUE_BUCKET: z.string().min(1),
}));

/** Worst-case rounding of a stream record's ApproximateCreationDateTime, in seconds. */
const CREATION_TIME_PRECISION_S = 60;

/**
 * Republishes the catalogue on every registration change (approved, stopped, replaced, removed, …):
 * rebuilds the snapshot from the registrations and writes it to the catalogue bucket. The event
 * source batches changes that arrive close together (batching window), and a batch whose changes a
 * newer snapshot already contains is skipped. The site build is started by the new snapshot object
 * (S3 event → build service in AWS; the local site builder watches it), never from here.
 * A failure throws, so the stream retries the batch: no change is lost.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  const times = event.Records
    .map((r) => r.dynamodb?.ApproximateCreationDateTime)
    .filter((t): t is number => typeof t === 'number');
  // ApproximateCreationDateTime is rounded down (to the second in AWS, to the minute in DynamoDB Local):
  // the change happened before the next minute at the latest.
  const newestChangeAt = times.length === event.Records.length && times.length > 0 ? (Math.max(...times) + CREATION_TIME_PRECISION_S) * 1000 : undefined;
  const result = await publishCatalogue({
    table: env.TABLE_NAME,
    bucket: env.CATALOGUE_BUCKET,
    now: new Date(),
    ...(newestChangeAt !== undefined ? { newestChangeAt } : {}),
  });
  for (const bad of result.rejected) {
    logger.error('Registration left out of the catalogue: it fails the published-record schema', { odbNumber: bad.odbNumber, problems: bad.problems.slice(0, 10) });
  }
  logger.info('Catalogue republished', { outcome: result.outcome, changes: event.Records.length, count: result.count, ms: result.ms, publishedAt: result.publishedAt });
}
