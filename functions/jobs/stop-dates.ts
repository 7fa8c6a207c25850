import * as z from 'zod';
import { applyStopDate } from '../../shared/registrations/registration';
import { baseEnv, parseEnv } from '../config/env';
import { registrationJob } from '../registrations/due-jobs';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1) }));

/** R-REG-1 (daily, 00:05 Brussels): registrations whose stop date has come become `stopped`. */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  return registrationJob(env.TABLE_NAME, 'stop-dates', now, applyStopDate);
}
