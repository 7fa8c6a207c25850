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

export const schedules: ScheduleDefinition[] = [];

export const jobEntry = (name: string): string => `functions/jobs/${name}.ts`;
