import * as z from 'zod';

/**
 * What every scheduled job receives: its name and the scheduled time. EventBridge Scheduler fills
 * `time` from `<aws.scheduler.scheduled-time>`; `npm run job -- <name> --now <ISO>` sets it by hand, so
 * jobs never read the clock and can time-travel.
 */
export const jobEventSchema = z.object({
  job: z.string(),
  time: z.iso.datetime({ offset: true }),
});

export type JobEvent = z.infer<typeof jobEventSchema>;

export interface JobResult {
  job: string;
  /** Items the job examined (read from the due index). */
  examined: number;
  /** Items it changed. */
  changed: number;
  details?: Record<string, unknown>;
}

export function parseJobEvent(event: unknown): { job: string; now: Date } {
  const parsed = jobEventSchema.parse(event);
  return { job: parsed.job, now: new Date(parsed.time) };
}
