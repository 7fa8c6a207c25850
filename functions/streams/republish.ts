import type { DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { applyRegistrationChanges, isCataloguePublished, rebuildCatalogue } from '../catalogue/publish';
import { s3CatalogueStore } from '../catalogue/s3-store';
import { registrationChanges } from '../catalogue/dynamo-stream-changes';
import { publishableRegistrations } from '../catalogue/dynamo-table-source';
import { baseEnv, parseEnv } from '../config/env';
import { logger } from '../observability/logger';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  CATALOGUE_BUCKET: z.string().min(1),
}));

/**
 * Publishes every registration change (approved, stopped, replaced, removed, …) from the stream's
 * images into the catalogue's shards and head (functions/catalogue/publish.ts): no table read. The
 * first change ever (no head yet) rebuilds the whole catalogue from the table instead. The site updater
 * and the API follow the head. A failure throws, so the stream retries the batch: no change is lost
 * (re-applying a batch is a no-op on the shards).
 */
export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  const store = s3CatalogueStore(env.CATALOGUE_BUCKET);
  const now = new Date();
  const { changes, unreadable } = registrationChanges(event.Records, now);
  const result = await isCataloguePublished(store)
    ? await applyRegistrationChanges(store, changes, now)
    : await rebuildCatalogue(store, publishableRegistrations(env.TABLE_NAME, (bad) => unreadable.push(bad)), now, now);
  for (const bad of [...unreadable, ...result.rejected]) {
    logger.error('Registration left out of the catalogue: it fails the published-record schema', { odbNumber: bad.odbNumber, problems: bad.problems.slice(0, 10) });
  }
  logger.info('Catalogue republished', { outcome: result.outcome, changes: event.Records.length, changed: result.changed.length, shardsWritten: result.shardsWritten, seq: result.seq, count: result.count, ms: result.ms });
}
