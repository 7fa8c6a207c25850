import * as z from 'zod';
import { applyStopDate } from '../../shared/registrations/registration';
import { baseEnv, parseEnv } from '../config/env';
import { runRegistrationJob } from '../registrations/jobs';
import { registrationPorts } from '../registrations/wiring';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1) }));
const ports = registrationPorts(env.TABLE_NAME);

/** R-REG-1, R-REG-2 (daily, 00:05 Brussels): registrations whose stop date has come become `stopped`; replaced ones `replaced`. */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  return runRegistrationJob(ports, 'stop-dates', now, applyStopDate);
}
