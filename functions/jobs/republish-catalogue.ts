import * as z from 'zod';
import { publishCatalogue } from '../catalogue/publish';
import { baseEnv, parseEnv } from '../config/env';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1), CATALOGUE_BUCKET: z.string().min(1) }));

/**
 * Daily (00:15 Brussels, after `stop-dates`): republishes the catalogue as of `now`, so a registration
 * whose valid-from date has come appears and one whose stop date has come leaves, even when no record
 * changed that day. An unchanged catalogue writes nothing (and so starts no site build).
 */
export async function handler(event: unknown): Promise<JobResult> {
  const { job, now } = parseJobEvent(event);
  const result = await publishCatalogue({ table: env.TABLE_NAME, bucket: env.CATALOGUE_BUCKET, now });
  return { job, examined: result.count ?? 0, changed: result.outcome === 'published' ? 1 : 0, details: { outcome: result.outcome } };
}
