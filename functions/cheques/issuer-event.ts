/**
 * Use case: an authenticated issuer event changes a request (R-CHQ-7). The event id is recorded in the
 * same transaction as the change, so a replayed event changes nothing (409). Expired cheques give the
 * unused amount back to the worker's budget in that transaction too.
 */
import { TRY_AGAIN, retryOptimistic } from '../../shared/concurrency/retry';
import { budgetDelta } from '../../shared/cheques/budget';
import type { ChequeEntitlementRules } from '../../shared/cheques/entitlement-rules';
import { configuredRulesFor as defaultRulesFor } from './rules';
import { issuerEventProblems, type IssuerEvent } from '../../shared/cheques/issuer-events';
import { budgetReleaseOn, transition } from '../../shared/cheques/request-state';
import { conflict, notFound, ProblemError, validationFailed } from '../../shared/http/problem';
import { deliveredMessage } from './messages';
import type { ChequeStore, OutboxEntry } from './store';
import type { StoredChequeRequest } from './stored-request';

export interface IssuerEventDeps {
  store: ChequeStore;
  rulesFor?: (schoolYear: string) => ChequeEntitlementRules | undefined;
}

export const replayedEvent = () =>
  new ProblemError(409, 'replayed-event', 'Event al verwerkt',
    'Een event met deze eventId werd al verwerkt. Er is niets gewijzigd.');

export async function applyIssuerEvent(deps: IssuerEventDeps, event: IssuerEvent, now: Date): Promise<StoredChequeRequest> {
  const rulesFor = deps.rulesFor ?? defaultRulesFor;
  if (await deps.store.issuerEventSeen(event.eventId)) throw replayedEvent();

  return retryOptimistic(async () => {
    const current = await deps.store.get(event.requestId);
    if (!current) throw notFound(`Er is geen aanvraag van opleidingscheques met id ${event.requestId}.`);
    const problems = issuerEventProblems(event, current);
    if (problems.length > 0) throw validationFailed(problems);
    const status = transition(current.status, event.type);
    const updatedAt = now.toISOString();
    const next: StoredChequeRequest = {
      ...current,
      status,
      updatedAt,
      ...(event.type === 'cheques-delivered' ? { expiryDate: event.expiryDate } : {}),
      ...(event.type === 'cheques-expired' ? { unusedCents: event.unusedCents } : {}),
    };
    const outbox: OutboxEntry[] = event.type === 'cheques-delivered' ? [deliveredMessage(next, event.expiryDate)] : [];
    let release;
    if (budgetReleaseOn(event.type) === 'unused' && event.type === 'cheques-expired' && event.unusedCents > 0) {
      const rules = rulesFor(current.schoolYear);
      if (!rules || current.chequeCategory === null) throw new Error(`no rules or category to release request ${current.id}`);
      release = budgetDelta(event.unusedCents, current.chequeCategory, rules);
    }
    const result = await deps.store.change(
      { next, expectedStatus: current.status, release, issuerEventId: event.eventId, outbox },
      now,
    );
    if (result === 'replayed') throw replayedEvent();
    return result === 'changed' ? next : TRY_AGAIN; // 'stale': the status changed meanwhile; decide again
  }, { attempts: 5, exhausted: () => conflict('De aanvraag werd intussen gewijzigd. Stuur het event opnieuw.') });
}
