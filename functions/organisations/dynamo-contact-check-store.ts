import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { CONTACT_CHECK_JOB } from '../../shared/organisations/contact-check';
import { dynamo } from '../adapters/aws-clients';
import { dueItemPages, isConditionFailure } from '../adapters/dynamo-due-index';
import { outboxPut } from '../outbox/dynamo-store';
import { logger } from '../observability/logger';
import { keys } from '../storage/keys';
import type { ContactCheckStore, DueContactCheck } from './contact-check-store';
import { organisationFromItem } from './dynamo-store';

const dueEntrySchema = z.object({ type: z.literal('organisation'), dueAt: z.string() });

/**
 * An organisation item of the due index, parsed at the boundary (older items read as the organisation
 * adapter reads them). An item that is not a readable organisation is skipped and logged (by its KBO
 * number, public), so one bad item cannot stop every other organisation's check.
 */
function dueCheckFromItem(item: Record<string, unknown>): DueContactCheck[] {
  try {
    const { dueAt } = dueEntrySchema.parse(item);
    const { kbo, name, contact, generalContact, contactConfirmedAt } = organisationFromItem(item);
    return [{ organisation: { kbo, name, contact, generalContact, contactConfirmedAt }, dueAt }];
  } catch {
    logger.warn('contact-check: organisation item not readable, skipped', { kbo: typeof item.kbo === 'string' ? item.kbo : null });
    return [];
  }
}

/** The DynamoDB adapter of `ContactCheckStore` (the organisation items' `contact-check` due entries). */
export function dynamoContactCheckStore(tableName: string): ContactCheckStore {
  return {
    async *due(now) {
      for await (const page of dueItemPages(tableName, CONTACT_CHECK_JOB, now)) {
        yield { items: page.items.filter((item) => item.type === 'organisation').flatMap(dueCheckFromItem), consumedReadCapacity: page.consumedReadCapacity };
      }
    },

    async recordRequest(check, nextDueAt, mail, now) {
      try {
        await dynamo().send(new TransactWriteCommand({
          TransactItems: [{
            Update: {
              TableName: tableName,
              Key: keys.organisation(check.organisation.kbo),
              UpdateExpression: 'SET contactCheckRequestedAt = :now, dueAt = :next',
              ConditionExpression: 'duePk = :job AND dueAt = :dueAt',
              ExpressionAttributeValues: { ':now': now.toISOString(), ':next': nextDueAt, ':job': CONTACT_CHECK_JOB, ':dueAt': check.dueAt },
            },
          }, outboxPut(tableName, mail.id, mail.message, now)],
        }));
        return 'recorded';
      } catch (error) {
        if (isConditionFailure(error)) return 'stale';
        throw error;
      }
    },
  };
}
