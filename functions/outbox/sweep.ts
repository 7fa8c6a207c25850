import type { JobResult } from '../jobs/job-event';
import { parseJobEvent } from '../jobs/job-event';
import { deliverAll, type DeliveryPorts } from './deliver';
import { outboxPorts, parseOutboxEnv } from './deliverers';

const PAGE = 100;
/** Pages per run: a minute's run delivers at most this many × PAGE; the next run continues. */
const MAX_PAGES = 10;

/**
 * The sweep over the `due` index (duePk = outbox): messages whose lease expired (the consumer
 * crashed between claim and mark-sent) and released messages whose retry time came. Each is delivered
 * through the same claim, so a sweep racing the stream cannot send twice.
 */
export async function sweepOutbox(ports: DeliveryPorts, now: Date, concurrency: number): Promise<JobResult> {
  let examined = 0;
  let changed = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const ids = await ports.store.due(now, PAGE);
    if (!ids.length) break;
    examined += ids.length;
    // The job's time (`npm run job -- outbox-sweep --now …` can time-travel) is the clock of the claims.
    const results = await deliverAll(ids, { ...ports, clock: () => now }, concurrency);
    const acted = results.filter((r) => r !== 'not-claimable').length;
    changed += results.filter((r) => r === 'sent' || r === 'failed').length;
    if (acted === 0 || ids.length < PAGE) break; // nothing claimable left on this page: the rest is leased
  }
  return { job: 'outbox-sweep', examined, changed };
}

let env: ReturnType<typeof parseOutboxEnv> | undefined;
let ports: DeliveryPorts | undefined;

/** Scheduled every minute (infra/schedules.ts `outbox-sweep`). */
export async function handler(event: unknown): Promise<JobResult> {
  const { now } = parseJobEvent(event);
  env ??= parseOutboxEnv();
  ports ??= outboxPorts(env);
  return sweepOutbox(ports, now, env.OUTBOX_CONCURRENCY);
}
