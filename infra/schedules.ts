/**
 * The scheduled jobs (names fixed by api.md). EventBridge Scheduler runs them in AWS with these cron
 * expressions in Europe/Brussels; the local stack runs the same definitions in process.
 */
export interface ScheduleDefinition {
  name: string;
  /** EventBridge cron: `cron(minutes hours day-of-month month day-of-week year)`. */
  expression: string;
  timezone: string;
  /** Module exporting `handler(event: JobEvent)`. */
  entry: string;
  description: string;
}

export const TIMEZONE = 'Europe/Brussels';

export const jobEntry = (name: string): string => `functions/jobs/${name}.ts`;

export const schedules: ScheduleDefinition[] = [
  { name: 'stop-dates', expression: 'cron(5 0 * * ? *)', timezone: TIMEZONE, entry: jobEntry('stop-dates'), description: 'Stop registrations whose stop date has come (R-REG-1)' },
  { name: 'evaluation-removals', expression: 'cron(5 0 * * ? *)', timezone: TIMEZONE, entry: jobEntry('evaluation-removals'), description: 'Remove registrations on the removal date set by a negative evaluation (R-BO-5)' },
  { name: 'evaluation-overdue', expression: 'cron(1 0 * * ? *)', timezone: TIMEZONE, entry: jobEntry('evaluation-overdue'), description: 'Tell the general contact once when a registration\'s annual evaluation is overdue (R-BO-5)' },
  { name: 'contact-check', expression: 'cron(0 6 * * ? *)', timezone: TIMEZONE, entry: jobEntry('contact-check'), description: 'Ask each organisation, a year after its last confirmation, to confirm its contact details (R-REG-4)' },
  { name: 'question-deadlines', expression: 'cron(10 0 * * ? *)', timezone: TIMEZONE, entry: jobEntry('question-deadlines'), description: 'Move on applications whose question went unanswered for a month, assessed on the information available (R-BO-1)' },
  { name: 'decision-deadlines', expression: 'cron(10 0 * * ? *)', timezone: TIMEZONE, entry: jobEntry('decision-deadlines'), description: 'Forward to the VOC with negative advice when the 3-month decision period nears its end (R-BO-2)' },
  { name: 'republish-catalogue', expression: 'cron(20 0 * * ? *)', timezone: TIMEZONE, entry: jobEntry('republish-catalogue'), description: 'Republish the catalogue as of today: valid-from and stop dates that came without a change (R-REG-1, R-BO-3)' },
  { name: 'outbox-sweep', expression: 'cron(* * * * ? *)', timezone: TIMEZONE, entry: 'functions/outbox/sweep.ts', description: 'Deliver outbox messages the stream did not finish: expired claims (a crashed consumer) and retries that came due' },
  { name: 'unpaid-contributions', expression: 'cron(15 0 * * ? *)', timezone: TIMEZONE, entry: jobEntry('unpaid-contributions'), description: 'Cancel cheque requests whose contribution stayed unpaid; release the budget (R-CHQ-7)' },
];
