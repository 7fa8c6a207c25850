import { describe, expect, it } from 'vitest';
import { firesBetween, localScheduler, toCronPattern } from '../../../infra/local/scheduler';
import type { ScheduleDefinition } from '../../../infra/schedules';

const daily0005: ScheduleDefinition = {
  name: 'test-job', expression: 'cron(5 0 * * ? *)', timezone: 'Europe/Brussels', entry: 'unused', description: 'test',
};

describe('local scheduler: EventBridge cron in Europe/Brussels', () => {
  it('translates EventBridge cron (SUN=1…SAT=7, ?) to a 5-field pattern', () => {
    expect(toCronPattern('cron(5 0 * * ? *)')).toBe('5 0 * * *');
    expect(toCronPattern('cron(0 8 ? * 2 *)')).toBe('0 8 * * 1'); // Monday
    expect(toCronPattern('cron(0 6 1 1 ? *)')).toBe('0 6 1 1 *');
    expect(() => toCronPattern('rate(5 minutes)')).toThrow(/EventBridge cron/);
  });

  it('fires at 00:05 Brussels time, in winter (UTC+1) and in summer (UTC+2)', () => {
    const winter = firesBetween(daily0005, new Date('2026-12-01T22:00:00Z'), new Date('2026-12-02T22:00:00Z'));
    expect(winter.map((d) => d.toISOString())).toEqual(['2026-12-01T23:05:00.000Z']);
    const summer = firesBetween(daily0005, new Date('2027-07-01T20:00:00Z'), new Date('2027-07-02T20:00:00Z'));
    expect(summer.map((d) => d.toISOString())).toEqual(['2027-07-01T22:05:00.000Z']);
  });

  it('runs a test job with the scheduled time in its event when the clock passes it, and not before', async () => {
    const runs: string[] = [];
    const scheduler = localScheduler([daily0005], async (definition, time) => { runs.push(`${definition.name}@${time.toISOString()}`); });
    await scheduler.advanceTo(new Date('2026-12-01T23:04:00Z'), new Date('2026-12-01T12:00:00Z'));
    expect(runs).toEqual([]);
    await scheduler.advanceTo(new Date('2026-12-01T23:06:00Z'));
    expect(runs).toEqual(['test-job@2026-12-01T23:05:00.000Z']);
    await scheduler.advanceTo(new Date('2026-12-03T23:06:00Z'));
    expect(runs).toHaveLength(3);
  });
});
