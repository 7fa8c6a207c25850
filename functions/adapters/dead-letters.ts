import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeadLetter, DeadLetters } from '../outbox/store';
import { sqs } from './aws-clients';

/**
 * In AWS: the consumer's failure queue (the same SQS queue as the stream's on-failure destination,
 * infra/cdk/constructs/dead-letter-queue.ts), whose depth alarm goes to the alarm topic.
 */
export function sqsDeadLetters(queueUrl: string): DeadLetters {
  return {
    async put(letter) {
      await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(letter) }));
    },
  };
}

/**
 * Locally: one JSON line per dead letter in the stack's data directory (appended and fsynced), which the
 * stack prints as it arrives and tests read (`readDeadLetters`).
 */
export function fileDeadLetters(file: string): DeadLetters {
  return {
    async put(letter) {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, `${JSON.stringify(letter)}\n`);
      const fd = openSync(file, 'r');
      try { fsyncSync(fd); } finally { closeSync(fd); }
    },
  };
}

export function readDeadLetters(file: string): DeadLetter[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as DeadLetter);
}
