import { Cron } from 'croner';
import type { ScheduleDefinition } from '../schedules';

/** EventBridge `cron(m h dom mon dow year)` → a 5-field cron for croner (EventBridge counts SUN=1…SAT=7). */
export function toCronPattern(expression: string): string {
  const inner = /^cron\((.+)\)$/.exec(expression.trim())?.[1];
  if (!inner) throw new Error(`Not an EventBridge cron expression: ${expression}`);
  const fields = inner.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`An EventBridge cron has 6 fields: ${expression}`);
  const [minute, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if (year !== '*') throw new Error(`Year restrictions are not supported locally: ${expression}`);
  const weekday = dow.replace(/\d+/g, (n) => String((Number(n) + 6) % 7));
  return [minute, hour, dom === '?' ? '*' : dom, month, dow === '?' ? '*' : weekday].join(' ');
}

/** The scheduled times of `definition` in the interval (from, to]. */
export function firesBetween(definition: ScheduleDefinition, from: Date, to: Date): Date[] {
  const cron = new Cron(toCronPattern(definition.expression), { timezone: definition.timezone, paused: true });
  const out: Date[] = [];
  let next = cron.nextRun(from);
  while (next && next.getTime() <= to.getTime()) {
    out.push(next);
    next = cron.nextRun(next);
  }
  cron.stop();
  return out;
}

export type JobInvoker = (definition: ScheduleDefinition, time: Date) => Promise<unknown>;

/**
 * Runs the schedule definitions in process. `start()` uses real timers; `advanceTo(time)` runs, in
 * order, every job whose scheduled time falls between the last tick and `time` (a virtual clock).
 */
export function localScheduler(definitions: readonly ScheduleDefinition[], invoke: JobInvoker, log: (line: string) => void = () => undefined) {
  let crons: Cron[] = [];
  let clock: Date | undefined;
  const run = async (definition: ScheduleDefinition, time: Date) => {
    try {
      const result = await invoke(definition, time);
      log(`job ${definition.name} at ${time.toISOString()}: ${JSON.stringify(result ?? {})}`);
    } catch (error) {
      log(`job ${definition.name} at ${time.toISOString()} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    start() {
      crons = definitions.map((definition) => new Cron(toCronPattern(definition.expression), { timezone: definition.timezone, protect: true },
        () => run(definition, new Date(Math.floor(Date.now() / 60_000) * 60_000))));
    },
    async advanceTo(time: Date, from: Date = clock ?? time) {
      const due = definitions.flatMap((definition) => firesBetween(definition, from, time).map((at) => ({ definition, at })))
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      clock = time;
      for (const { definition, at } of due) await run(definition, at);
      return due.map(({ definition, at }) => ({ name: definition.name, at: at.toISOString() }));
    },
    stop() {
      crons.forEach((cron) => cron.stop());
      crons = [];
    },
  };
}
