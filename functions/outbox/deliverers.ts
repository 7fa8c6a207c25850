import * as z from 'zod';
import { dynamo } from '../adapters/aws-clients';
import { fileDeadLetters, sqsDeadLetters } from '../adapters/dead-letters';
import { isPermanentMailError, sendMail } from '../adapters/ses-mailer';
import { baseEnv, parseEnv } from '../config/env';
import { logger } from '../observability/logger';
import { deliverIssuerOrder } from './deliver-issuer-order';
import type { DeliveryPorts } from './deliver';
import { dynamoOutboxStore } from './dynamo-store';

export const outboxEnv = baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  MAIL_FROM: z.string().min(3),
  /** Sender of the cheques service's mails (Mail.sender 'cheques'); MAIL_FROM when not set. */
  CHEQUES_MAIL_FROM: z.string().min(3).optional(),
  SES_CONFIGURATION_SET: z.string().optional(),
  /** AWS: the consumer's failure queue. Locally: LOCAL_DEAD_LETTER_FILE. One of them is required. */
  DEAD_LETTER_QUEUE_URL: z.string().optional(),
  LOCAL_DEAD_LETTER_FILE: z.string().optional(),
  /** Seconds a claim holds; above one delivery's worst case (timeouts × attempts + backoff). */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().positive().default(60),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(12),
  /** Messages of one stream batch (or sweep page) delivered at the same time. */
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(10),
}).refine((env) => Boolean(env.DEAD_LETTER_QUEUE_URL || env.LOCAL_DEAD_LETTER_FILE), {
  message: 'DEAD_LETTER_QUEUE_URL (AWS) or LOCAL_DEAD_LETTER_FILE (local stack) is required',
  path: ['DEAD_LETTER_QUEUE_URL'],
});

export type OutboxEnv = z.output<typeof outboxEnv>;

/** The composition root of the outbox: the DynamoDB store, SES and the issuer, the dead-letter queue. */
export function outboxPorts(env: OutboxEnv, overrides: Partial<DeliveryPorts> = {}): DeliveryPorts {
  return {
    store: dynamoOutboxStore(dynamo(), env.TABLE_NAME),
    deliver: {
      mail: (message) =>
        sendMail(message.mail.sender === 'cheques' ? (env.CHEQUES_MAIL_FROM ?? env.MAIL_FROM) : env.MAIL_FROM, message.mail, env.SES_CONFIGURATION_SET),
      'issuer-order': (message) => deliverIssuerOrder(message),
    },
    deadLetters: env.DEAD_LETTER_QUEUE_URL ? sqsDeadLetters(env.DEAD_LETTER_QUEUE_URL) : fileDeadLetters(env.LOCAL_DEAD_LETTER_FILE as string),
    clock: () => new Date(),
    leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
    maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    isPermanent: isPermanentMailError,
    log: (level, message, detail) => logger[level](message, detail),
    ...overrides,
  };
}

export const parseOutboxEnv = (): OutboxEnv => parseEnv(outboxEnv);
