import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { generalContactOf } from '../../shared/organisations/organisation';
import { dynamo } from '../adapters/aws-clients';
import { baseEnv, parseEnv } from '../config/env';
import { contactCheckMail } from '../mail/templates/contact-check';
import { outboxPut } from '../outbox/outbox';
import { CONTACT_CHECK_JOB, contactCheckDue } from '../../shared/organisations/contact-check';
import { isConditionFailure, runDueJob } from '../adapters/dynamo-due-index';
import type { TransactItem } from '../registrations/dynamo-store';
import { keys } from '../storage/keys';
import { parseJobEvent, type JobResult } from './job-event';

const env = parseEnv(baseEnv.extend({ TABLE_NAME: z.string().min(1) }));

const organisationFields = z.object({
  kbo: z.string(),
  name: z.string(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  generalContact: z.object({ name: z.string(), email: z.string(), phone: z.string() }).nullish(),
  contactConfirmedAt: z.string().nullable().optional(),
  dueAt: z.string(),
});

/**
 * R-REG-4 (daily; each organisation once a year): organisations whose `contact-check` entry in the
 * due index has come — a year after their contact details were last confirmed (a profile update
 * confirms) or last asked for — get a mail asking to confirm them. In one transaction with the mail,
 * the organisation's `contactCheckRequestedAt` is set and its entry moves a year on; the update is
 * conditional on the entry it read, so a second run (or a profile update in between) sends nothing
 * more.
 */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  const requestedAt = now.toISOString();
  return runDueJob({
    tableName: env.TABLE_NAME,
    job: CONTACT_CHECK_JOB,
    now,
    act: async (item) => {
      if (item.type !== 'organisation') return false;
      const parsed = organisationFields.safeParse(item);
      if (!parsed.success) return false;
      const org = parsed.data;
      const next = contactCheckDue({ contactConfirmedAt: org.contactConfirmedAt ?? null, contactCheckRequestedAt: requestedAt });
      const transactItems: TransactItem[] = [{
        Update: {
          TableName: env.TABLE_NAME,
          Key: keys.organisation(org.kbo),
          UpdateExpression: 'SET contactCheckRequestedAt = :now, dueAt = :next',
          ConditionExpression: 'duePk = :job AND dueAt = :dueAt',
          ExpressionAttributeValues: { ':now': requestedAt, ':next': next?.dueAt ?? requestedAt, ':job': CONTACT_CHECK_JOB, ':dueAt': org.dueAt },
        },
      }, outboxPut(env.TABLE_NAME, `contact-check:${org.kbo}:${org.dueAt}`, {
        kind: 'mail',
        // R-REG-4, R-ORG-2: the yearly check goes to the general contact
        mail: contactCheckMail({ to: generalContactOf(org).email, organisationName: org.name, kbo: org.kbo, contact: org.contact }),
      }, now)];
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: transactItems }));
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
      return true;
    },
  });
}
