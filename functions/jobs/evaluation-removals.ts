import * as z from 'zod';
import { applyRemovalDate } from '../../shared/registrations/registration';
import { baseEnv, parseEnv } from '../config/env';
import { runRegistrationJob } from '../registrations/jobs';
import { registrationPorts } from '../registrations/wiring';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1) }));
const ports = registrationPorts(env.TABLE_NAME);

/** R-BO-5 (daily, 00:05 Brussels): after a negative evaluation, the registration is `removed` on its removal date. */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  return runRegistrationJob(ports, 'evaluation-removals', now, applyRemovalDate);
}
