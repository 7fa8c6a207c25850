import * as z from 'zod';
import { rebuildCatalogue } from '../catalogue/publish';
import { s3CatalogueStore } from '../catalogue/s3-store';
import { publishableRegistrations } from '../catalogue/dynamo-table-source';
import { baseEnv, parseEnv } from '../config/env';
import { logger } from '../observability/logger';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1), CATALOGUE_BUCKET: z.string().min(1) }));

/**
 * Daily (00:20 Brussels, after `stop-dates`): rebuilds the catalogue's shards from the table as of
 * `now`, so a registration whose valid-from date has come appears and one whose stop date has come
 * leaves, even when no record changed that day; it also repairs whatever a lost change left behind.
 * Only shards whose content differs are written; an unchanged catalogue writes nothing.
 */
export async function handler(event: unknown): Promise<JobResult> {
  const { job, now } = parseJobEvent(event);
  const readAt = new Date();
  const result = await rebuildCatalogue(
    s3CatalogueStore(env.CATALOGUE_BUCKET),
    publishableRegistrations(env.TABLE_NAME, (bad) => logger.error('Registration left out of the catalogue: the item does not parse', { odbNumber: bad.odbNumber, problems: bad.problems })),
    now, readAt,
  );
  for (const bad of result.rejected) logger.error('Registration left out of the catalogue: it fails the published-record schema', { odbNumber: bad.odbNumber, problems: bad.problems.slice(0, 10) });
  return { job, examined: result.count, changed: result.changed.length, details: { outcome: result.outcome, shardsWritten: result.shardsWritten } };
}
