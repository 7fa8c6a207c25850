import * as z from 'zod';
import { baseEnv, parseEnv } from '../config/env';
import { remindOverdueEvaluations } from '../registrations/jobs';
import { registrationPorts } from '../registrations/wiring';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1) }));
const ports = registrationPorts(env.TABLE_NAME);

/** R-BO-5 (daily, 00:01 Brussels): tell the general contact once when a registration's annual evaluation is overdue. */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  return remindOverdueEvaluations(ports, now);
}
