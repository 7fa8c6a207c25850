import * as z from 'zod';
import { runQuestionDeadlines } from '../backoffice/jobs';
import { baseEnv, parseEnv } from '../config/env';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1) }));

/** R-BO-1 (daily): questions unanswered for a month → back to screening, assessed on the information available. */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  return runQuestionDeadlines(env.TABLE_NAME, now);
}
