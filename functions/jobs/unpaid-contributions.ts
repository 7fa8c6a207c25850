import * as z from 'zod';
import { dynamoChequeStore } from '../cheques/dynamo-store';
import { UNPAID_CONTRIBUTIONS_JOB } from '../cheques/store';
import { cancelUnpaidContributions } from '../cheques/unpaid';
import { baseEnv, parseEnv } from '../config/env';
import { logger } from '../observability/logger';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1) }));
const store = dynamoChequeStore(env.TABLE_NAME);

/**
 * `unpaid-contributions` (R-CHQ-7): cancels cheque requests whose personal contribution is still unpaid
 * at their due time (set when the request was accepted: CHEQUE_CONTRIBUTION_PERIOD_DAYS, default 30) and
 * releases their budget. Reads only the `due` index; `now` comes from the event.
 */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  const { examined, changed } = await cancelUnpaidContributions({ store }, now);
  logger.info('unpaid-contributions done', { examined, changed });
  return { job: UNPAID_CONTRIBUTIONS_JOB, examined, changed };
}
