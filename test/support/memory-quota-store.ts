import type { QuotaCounter, QuotaStore } from '../../shared/quotas/quota';

/** The in-memory fake of the quota port (unit tests): the same all-or-none semantics as DynamoDB. */
export function memoryQuotaStore(): QuotaStore & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    async consume(counters: readonly QuotaCounter[]) {
      const exceeded = counters.find((counter) => (counts.get(counter.key) ?? 0) >= counter.limit);
      if (exceeded) return { ok: false, exceeded };
      for (const counter of counters) counts.set(counter.key, (counts.get(counter.key) ?? 0) + 1);
      return { ok: true };
    },
  };
}
