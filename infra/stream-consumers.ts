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
}

export const streamConsumers: StreamConsumer[] = [
  {
    name: 'outbox',
    entry: 'functions/streams/outbox.ts',
    filters: [outboxFilter],
    batchSize: 25,
    maxBatchingWindowSeconds: 0,
  },
  {
    name: 'republish',
    entry: 'functions/streams/republish.ts',
    filters: registrationChangeFilters,
    batchSize: 1000,
    maxBatchingWindowSeconds: 3,
  },
];
