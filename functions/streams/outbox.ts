import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { deliverAll } from '../outbox/deliver';
import { outboxPorts, parseOutboxEnv } from '../outbox/deliverers';

const env = parseOutboxEnv();
const ports = outboxPorts(env);

/**
 * The outbox consumer: the records of one batch are delivered in parallel (bounded by
 * OUTBOX_CONCURRENCY; functions/outbox/deliver.ts claims, sends and marks each). A record whose
 * delivery must be retried is reported as a batch item failure, so the stream retries from it; a record
 * without an outbox id is a poison record: reported failed until the event source mapping gives up and
 * sends it to the on-failure destination (locally: the poller's dead-letter store).
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const records = event.Records.map((record) => ({
    sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
    id: record.dynamodb?.NewImage?.id?.S,
  }));
  const deliverable = records.filter((r): r is { sequenceNumber: string; id: string } => typeof r.id === 'string' && r.id !== '');
  const results = await deliverAll(deliverable.map((r) => r.id), ports, env.OUTBOX_CONCURRENCY);
  const retry = new Set(deliverable.filter((_, i) => results[i] === 'retry').map((r) => r.sequenceNumber));
  return {
    batchItemFailures: records
      .filter((r) => retry.has(r.sequenceNumber) || typeof r.id !== 'string' || r.id === '')
      .map((r) => ({ itemIdentifier: r.sequenceNumber })),
  };
}
