import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { mainTable } from '../../../functions/storage/definitions';
import { STREAM_MAX_RECORD_AGE_SECONDS, STREAM_RETRY_ATTEMPTS, streamConsumers } from '../../stream-consumers';
import type { AppFunction } from '../constructs/app-function';
import { DeadLetterQueue } from '../constructs/dead-letter-queue';
import { appFunction, constructId, type SharedResources } from '../shared-resources';

/** Iterator age from which a consumer is falling behind (ms). */
const ITERATOR_AGE_ALARM_MS = 5 * 60 * 1000;

/**
 * The stream consumers of `infra/stream-consumers.ts` on the main table's stream: the same filter
 * criteria as the local poller, partial batch responses, bisect on error, parallel batches per shard
 * where order does not matter, bounded retries and an on-failure destination (SQS: the failed batch's
 * shard and sequence numbers, for replay) — which also receives what the consumer gives up on itself.
 */
export class StreamsStack extends Stack {
  readonly functions: AppFunction[] = [];

  constructor(scope: Construct, id: string, shared: SharedResources, props?: StackProps) {
    super(scope, id, props);
    const main = shared.tables.get(mainTable.id);
    if (!main) throw new Error('streams: the main table is missing');
    for (const consumer of streamConsumers) {
      const baseId = constructId(consumer.name);
      const fn = appFunction(this, `${baseId}Consumer`, shared, 'stream', consumer.name, consumer.entry);
      this.functions.push(fn);
      const failures = new DeadLetterQueue(this, `${baseId}Failures`, { purpose: `stream consumer ${consumer.name}`, alarmTopic: shared.alarmTopic });
      // What the consumer itself gives up on (a permanent SES failure) goes to the same queue and alarm.
      fn.bindEnv('DEAD_LETTER_QUEUE_URL', failures.queue.queueUrl);
      failures.queue.grantSendMessages(fn.role);
      fn.fn.addEventSource(new DynamoEventSource(main.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: consumer.batchSize,
        ...(consumer.maxBatchingWindowSeconds > 0 ? { maxBatchingWindow: Duration.seconds(consumer.maxBatchingWindowSeconds) } : {}),
        filters: consumer.filters.map((pattern) => FilterCriteria.filter(pattern)),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        parallelizationFactor: consumer.parallelizationFactor,
        retryAttempts: STREAM_RETRY_ATTEMPTS,
        maxRecordAge: Duration.seconds(STREAM_MAX_RECORD_AGE_SECONDS),
        onFailure: new SqsDlq(failures.queue),
      }));
      const alarm = new Alarm(this, `${baseId}IteratorAgeAlarm`, {
        alarmDescription: `stream ${consumer.name}: falling behind the table stream`,
        metric: fn.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
        threshold: ITERATOR_AGE_ALARM_MS,
        evaluationPeriods: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new SnsAction(shared.alarmTopic));
    }
  }
}
