import * as z from 'zod';
import { DEFAULT_FORCED_FORWARD_MARGIN_DAYS } from '../../shared/applications/deadlines';
import { runDecisionDeadlines } from '../backoffice/jobs';
import { baseEnv, parseEnv } from '../config/env';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  /** R-BO-2: days before the end of the 3-month decision period from which the forced forward is due. */
  DECISION_FORWARD_MARGIN_DAYS: z.coerce.number().int().min(0).max(80).default(DEFAULT_FORCED_FORWARD_MARGIN_DAYS),
}));

/** R-BO-2 (daily): forward to the VOC with a negative advice when the decision period nears its end. */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  return runDecisionDeadlines(env.TABLE_NAME, now, env.DECISION_FORWARD_MARGIN_DAYS);
}
