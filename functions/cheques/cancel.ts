/**
 * Use case: the worker cancels a request that has not been issued yet (issue 11, R-CHQ-7). In ONE
 * transaction: the status becomes `cancelled` (only while it is still the status read), the whole
 * amount and the worker's contribution go back to the budget, the confirmation mail and — when an issue
 * order had gone out — a cancellation order to the issuer are queued. Issued, expired, rejected or
 * cancelled requests cannot be cancelled (409 with what is possible).
 */
import { TRY_AGAIN, retryOptimistic } from '../../shared/concurrency/retry';
import { requestDelta } from '../../shared/cheques/budget';
import type { ChequeEntitlementRules } from '../../shared/cheques/entitlement-rules';
import { budgetReleaseOn, canTransition, transition } from '../../shared/cheques/request-state';
import type { ChequeRequestStatus } from '../../shared/cheques/cheque-request';
import { conflict, notFound } from '../../shared/http/problem';
import { cancelledMessages } from './messages';
import { configuredRulesFor } from './rules';
import type { ChequeStore } from './store';
import type { StoredChequeRequest } from './stored-request';

export interface CancelDeps {
  store: ChequeStore;
  rulesFor?: (schoolYear: string) => ChequeEntitlementRules | undefined;
}

const notCancellable: Partial<Record<ChequeRequestStatus, string>> = {
  issued: 'De cheques van deze aanvraag zijn al geleverd; een geleverde aanvraag kan niet meer geannuleerd worden.',
  expired: 'De cheques van deze aanvraag zijn vervallen; er valt niets meer te annuleren.',
  rejected: 'Deze aanvraag werd geweigerd; er werd niets van uw budget gebruikt en er valt niets te annuleren.',
  cancelled: 'Deze aanvraag is al geannuleerd.',
  submitted: 'Over deze aanvraag is nog niet beslist; probeer het zo dadelijk opnieuw.',
};

const notYours = () => notFound('Deze aanvraag bestaat niet of is niet van u.');

export async function cancelChequeRequest(deps: CancelDeps, workerHash: string, id: string, now: Date): Promise<StoredChequeRequest> {
  const rulesFor = deps.rulesFor ?? configuredRulesFor;
  return retryOptimistic(async () => {
    const current = await deps.store.get(id);
    // Another worker's request is indistinguishable from one that does not exist (api.md: 404).
    if (!current || current.workerHash !== workerHash) throw notYours();
    if (!canTransition(current.status, 'cancel')) throw conflict(notCancellable[current.status] ?? 'Deze aanvraag kan niet geannuleerd worden.', { allowed: [] });
    const status = transition(current.status, 'cancel');
    const next: StoredChequeRequest = { ...current, status, updatedAt: now.toISOString() };
    const rules = rulesFor(current.schoolYear);
    if (!rules || current.chequeCategory === null) throw new Error(`no rules or category to release request ${current.id}`);
    const release = budgetReleaseOn('cancel') === 'amount' ? requestDelta(current, current.chequeCategory, rules) : undefined;
    const result = await deps.store.change(
      { next, expectedStatus: current.status, release, issuerEventId: undefined, outbox: cancelledMessages(current, next, 'worker') },
      now,
    );
    // 'stale': an issuer event changed the status meanwhile; read again and decide again.
    return result === 'changed' ? next : TRY_AGAIN;
  }, { attempts: 5, exhausted: () => conflict('De aanvraag werd intussen gewijzigd. Probeer het opnieuw.') });
}
