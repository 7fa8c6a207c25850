import { Duration, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { schedules } from '../../schedules';
import type { AppFunction } from '../constructs/app-function';
import { DeadLetterQueue } from '../constructs/dead-letter-queue';
import { appFunction, constructId, type SharedResources } from '../shared-resources';

/**
 * The scheduled jobs of `infra/schedules.ts`: EventBridge Scheduler (cron in the job's time zone,
 * Europe/Brussels) invokes each job with `{ job, time: <scheduled time> }`, retries, and dead-letters
 * what still fails. Jobs are idempotent, so a retry is safe.
 */
export class JobsStack extends Stack {
  readonly functions: AppFunction[] = [];
  readonly group: ScheduleGroup;

  constructor(scope: Construct, id: string, shared: SharedResources, props?: StackProps) {
    super(scope, id, props);
    this.group = new ScheduleGroup(this, 'Group', {});
    for (const definition of schedules) {
      const baseId = constructId(definition.name);
      const fn = appFunction(this, `${baseId}Job`, shared, 'job', definition.name, definition.entry);
      this.functions.push(fn);
      const deadLetters = new DeadLetterQueue(this, `${baseId}DeadLetters`, { purpose: `the schedule of job ${definition.name}`, alarmTopic: shared.alarmTopic });
      fn.bindEnv('DEAD_LETTER_QUEUE_URL', deadLetters.queue.queueUrl); // what a job gives up on raises the same alarm
      deadLetters.queue.grantSendMessages(fn.role);
      const role = new Role(this, `${baseId}SchedulerRole`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
        description: `EventBridge Scheduler: invoke job ${definition.name}`,
      });
      const functionLogicalId = this.resolve(this.getLogicalId(fn.fn.node.defaultChild as CfnFunction)) as string;
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
        reason: `lambda:InvokeFunction on the ${definition.name} job function and its versions/aliases (":*", the Scheduler target's grant); no other function.`,
      });
      new Schedule(this, `${baseId}Schedule`, {
        description: definition.description,
        scheduleGroup: this.group,
        schedule: ScheduleExpression.expression(definition.expression, TimeZone.of(definition.timezone)),
        target: new LambdaInvoke(fn.fn, {
          role,
          input: ScheduleTargetInput.fromObject({ job: definition.name, time: ContextAttribute.scheduledTime }),
          retryAttempts: 3,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: deadLetters.queue,
        }),
      });
    }
  }
}
