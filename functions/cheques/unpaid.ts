/**
 * Use case of the job `unpaid-contributions` (R-CHQ-7): a request whose personal contribution is still
 * unpaid when its due time has come is cancelled and its whole amount released, in one transaction with
 * the cancellation mail. Idempotent: a cancelled request leaves the due index, and the conditional
 * change refuses a request that is no longer awaiting its contribution.
 */
import { requestDelta } from '../../shared/cheques/budget';
import type { ChequeEntitlementRules } from '../../shared/cheques/entitlement-rules';
import { configuredRulesFor as defaultRulesFor } from './rules';
import { budgetReleaseOn, transition } from '../../shared/cheques/request-state';
import { cancelledMessages } from './messages';
import type { ChequeStore } from './store';

export interface UnpaidDeps {
  store: ChequeStore;
  rulesFor?: (schoolYear: string) => ChequeEntitlementRules | undefined;
}

export async function cancelUnpaidContributions(deps: UnpaidDeps, now: Date): Promise<{ examined: number; changed: number }> {
  const rulesFor = deps.rulesFor ?? defaultRulesFor;
  const due = await deps.store.unpaidDue(now);
  let changed = 0;
  for (const candidate of due) {
    const current = await deps.store.get(candidate.id); // the index copy may lag: decide on the item itself
    if (!current || current.status !== 'awaiting-contribution' || current.contributionDueAt === null) continue;
    if (Date.parse(current.contributionDueAt) > now.getTime()) continue;
    const rules = rulesFor(current.schoolYear);
    if (!rules || current.chequeCategory === null) throw new Error(`no rules or category to release request ${current.id}`);
    const next = { ...current, status: transition(current.status, 'contribution-overdue'), updatedAt: now.toISOString() };
    const release = budgetReleaseOn('contribution-overdue') === 'amount'
      ? requestDelta(current, current.chequeCategory, rules)
      : undefined;
    const result = await deps.store.change(
      { next, expectedStatus: 'awaiting-contribution', release, issuerEventId: undefined, outbox: cancelledMessages(current, next, 'unpaid') },
      now,
    );
    if (result === 'changed') changed++;
  }
  return { examined: due.length, changed };
}
