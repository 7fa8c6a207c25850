import * as z from 'zod';
import { baseEnv, parseEnv } from '../config/env';
import { askContactConfirmations } from '../organisations/contact-check';
import { dynamoContactCheckStore } from '../organisations/dynamo-contact-check-store';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1) }));
const ports = { contactChecks: dynamoContactCheckStore(env.TABLE_NAME) };

/** R-REG-4 (daily, 06:00 Brussels): the yearly request to confirm the contact details (functions/organisations/contact-check.ts). */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  return askContactConfirmations(ports, now);
}
