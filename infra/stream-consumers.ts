import { registrationChangeFilters } from '../functions/catalogue/stream-filter';
import { outboxFilter } from '../functions/outbox/outbox';
import type { FilterPattern } from './local/event-filter';

/**
 * Stream consumers of the main table: the same definitions feed the CDK event source mappings (with
 * these filter criteria) and the local stream poller.
 */
export interface StreamConsumer {
  name: string;
  /** Module exporting `handler(event: DynamoDBStreamEvent)`; may return `{ batchItemFailures }`. */
  entry: string;
  filters: FilterPattern[];
  batchSize: number;
  /** Seconds to gather records before invoking (batching changes that arrive close together). */
  maxBatchingWindowSeconds: number;
  /**
   * Concurrent batches per shard in AWS (the event source mapping's ParallelizationFactor, 1–10).
   * Order is then kept per partition key only: right for outbox messages, which are independent.
   */
  parallelizationFactor: number;
}

/**
 * What happens to a record that keeps failing, the same in AWS (event source mapping) and locally
 * (infra/local/streams.ts): retried this many times (bisecting the batch), then sent to the consumer's
 * on-failure destination (SQS in AWS, the local dead-letter store) and the shard moves on.
 */
export const STREAM_RETRY_ATTEMPTS = 10;
export const STREAM_MAX_RECORD_AGE_SECONDS = 24 * 3600;

export const streamConsumers: StreamConsumer[] = [
  {
    name: 'outbox',
    entry: 'functions/streams/outbox.ts',
    filters: [outboxFilter],
    batchSize: 25,
    maxBatchingWindowSeconds: 0,
    parallelizationFactor: 10,
  },
  {
    name: 'republish',
    entry: 'functions/streams/republish.ts',
    filters: registrationChangeFilters,
    batchSize: 1000,
    maxBatchingWindowSeconds: 3,
    // one batch at a time per stream shard: the changes of one registration stay in order
    parallelizationFactor: 1,
  },
];
