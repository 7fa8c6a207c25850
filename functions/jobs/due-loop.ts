import type { JobResult } from './job-event';

/*
 * The loop every due-index job shares, over the pages a port hands out (no SDK here): act on each
 * due item with bounded concurrency and report what it examined, changed, and the read capacity.
 */

/** Runs `act` on each item with at most `concurrency` at a time; resolves how many returned true. */
export async function actOnEach<T>(items: readonly T[], concurrency: number, act: (item: T) => Promise<boolean>): Promise<number> {
  let next = 0;
  let changed = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      if (await act(item)) changed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return changed;
}

/** Sums page figures the way `JobResult` reports them: examined, changed, capacity (null if never reported). */
export async function runDuePages<T>(
  job: string,
  pages: AsyncIterable<{ items: T[]; consumedReadCapacity: number | null }>,
  act: (item: T) => Promise<boolean>,
  concurrency = 16,
): Promise<JobResult> {
  let examined = 0;
  let changed = 0;
  let consumed: number | null = null;
  for await (const page of pages) {
    if (page.consumedReadCapacity !== null) consumed = (consumed ?? 0) + page.consumedReadCapacity;
    examined += page.items.length;
    changed += await actOnEach(page.items, concurrency, act);
  }
  return { job, examined, changed, details: { consumedReadCapacity: consumed } };
}
